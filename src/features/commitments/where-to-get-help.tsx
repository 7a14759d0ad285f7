import { Subtitle2, Text } from '@fluentui/react-components';
import type { HomeSection } from '../../domain/meetings/meeting';
import type { ResourcesRead } from '../../domain/ports/commitments';
import { useStackStyles } from '../shared/stack-styles';
import { ResourcesView, isEmpty } from './resources-view';
import { useTeamResources } from './use-commitments';
import { useT } from '../shared/i18n/i18n';

/**
 * Home's one place for help: the team's help routes and resources, as the channel tab keeps them.
 * Home reads them with its own data (`read`); when that part failed, this section says so alone.
 */
export function WhereToGetHelp({ read }: { read: HomeSection<ResourcesRead> }) {
  const stack = useStackStyles();
  const t = useT();
  const query = useTeamResources(read.ok);
  const resources = query.data?.kind === 'found' ? query.data.resources : undefined;
  return (
    <section className={stack.section} aria-labelledby="where-to-get-help">
      <Subtitle2 as="h2" id="where-to-get-help">
        {t.commitments.whereToGetHelp}
      </Subtitle2>
      {query.isError || (!read.ok && query.data === undefined) ? (
        <Text as="p">{t.commitments.routesFailed}</Text>
      ) : query.isPending ? (
        <Text as="p">{t.commitments.loadingRoutes}</Text>
      ) : resources && !isEmpty(resources) ? (
        <ResourcesView resources={resources} headingLevel="h3" />
      ) : (
        <Text as="p">{t.commitments.noRoutes}</Text>
      )}
    </section>
  );
}
