import { Subtitle2, Text } from '@fluentui/react-components';
import { useStackStyles } from '../shared/stack-styles';
import { ResourcesView, isEmpty } from './resources-view';
import { useTeamResources } from './use-commitments';

/** Home's one place for help: the team's help routes and resources, as the channel tab keeps them. */
export function WhereToGetHelp() {
  const stack = useStackStyles();
  const query = useTeamResources();
  const resources = query.data?.kind === 'found' ? query.data.resources : undefined;
  return (
    <section className={stack.section} aria-labelledby="where-to-get-help">
      <Subtitle2 as="h2" id="where-to-get-help">
        Where to get help
      </Subtitle2>
      {query.isPending ? (
        <Text as="p">Loading your team’s help routes…</Text>
      ) : query.isError ? (
        <Text as="p">
          Your team’s help routes could not be loaded. They are in the team’s channel tab.
        </Text>
      ) : resources && !isEmpty(resources) ? (
        <ResourcesView resources={resources} headingLevel="h3" />
      ) : (
        <Text as="p">
          Your team has not listed help routes yet; anyone in the team can add them in the team’s
          Rapport tab.
        </Text>
      )}
    </section>
  );
}
