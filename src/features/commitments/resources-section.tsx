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

const useStyles = makeStyles({ section: { gap: tokens.spacingVerticalM } });

/** The channel tab's resources and help routes: read by everyone, edited by any member. */
export function ResourcesSection() {
  const styles = useStyles();
  const stack = useStackStyles();
  const query = useTeamResources();
  const [editing, setEditing] = useState(false);
  return (
    <section className={`${stack.section} ${styles.section}`} aria-labelledby="team-resources">
      <Subtitle2 as="h2" id="team-resources">
        Resources and help routes
      </Subtitle2>
      {query.isPending ? (
        <Skeleton aria-label="Loading the team's resources">
          <SkeletonItem size={32} />
        </Skeleton>
      ) : query.isError ? (
        <ErrorState
          title="The team's resources could not be loaded."
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          {query.data.kind === 'found' && !isEmpty(query.data.resources) ? (
            <ResourcesView resources={query.data.resources} headingLevel="h3" />
          ) : query.data.kind === 'invalid' ? (
            <Text as="p">
              The stored resources were changed outside Rapport and cannot be shown. Saving here
              replaces them.
            </Text>
          ) : (
            <Text as="p">
              No resources or help routes yet. Add a help channel, mentors per topic and the links
              your team relies on.
            </Text>
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
                Edit resources and help routes
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
