import {
  Button,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorState } from '../shared/error-state';
import { useStackStyles } from '../shared/stack-styles';
import { ResourcesEditor } from './resources-editor';
import { ResourcesView, isEmpty } from './resources-view';
import { useTeamResources } from './use-commitments';
import { useT } from '../shared/i18n/i18n';

const useStyles = makeStyles({ section: { gap: tokens.spacingVerticalM } });

/** The channel tab's resources and help routes: read by everyone, edited by any member. */
export function ResourcesSection() {
  const styles = useStyles();
  const stack = useStackStyles();
  const t = useT();
  const query = useTeamResources();
  const [editing, setEditing] = useState(false);
  return (
    <section className={`${stack.section} ${styles.section}`} aria-labelledby="team-resources">
      <Subtitle2 as="h2" id="team-resources">
        {t.commitments.resourcesAndRoutes}
      </Subtitle2>
      {query.isPending ? (
        <Skeleton aria-label={t.commitments.loadingResources}>
          <SkeletonItem size={32} />
        </Skeleton>
      ) : query.isError ? (
        <ErrorState
          title={t.commitments.resourcesFailed}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          {query.data.kind === 'found' && !isEmpty(query.data.resources) ? (
            <ResourcesView resources={query.data.resources} headingLevel="h3" />
          ) : query.data.kind === 'invalid' ? (
            <Text as="p">{t.commitments.resourcesInvalid}</Text>
          ) : (
            <Text as="p">{t.commitments.noResources}</Text>
          )}
          {editing ? (
            <ResourcesEditor
              read={query.data}
              onDone={() => {
                setEditing(false);
              }}
            />
          ) : (
            <div>
              <Button
                onClick={() => {
                  setEditing(true);
                }}
              >
                {t.commitments.editResources}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
