import { Body1, LargeTitle, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorState } from '../shared/error-state';
import { answeredText } from './poll-text';
import { useStageCount } from './use-feedback';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The poll on the meeting stage: only how many have answered, refreshed every few seconds. Each
 * person answers in their own client; nothing anyone answered is ever on the shared screen.
 */
export function PollStage({ pollId }: { pollId: string }) {
  const styles = useStyles();
  const poll = useStageCount(pollId);
  if (poll.isPending) return <Body1 as="p">Loading the poll…</Body1>;
  if (poll.isError && poll.data === undefined) {
    return <ErrorState title="The poll could not be loaded." error={poll.error} />;
  }
  const data = poll.data;
  return (
    <section className={styles.area} aria-labelledby="stage-poll-title">
      <Title3 as="h2" id="stage-poll-title">
        Feedback on “{data.meetingTitle}”
      </Title3>
      <div role="status" aria-live="polite" aria-atomic="true">
        <LargeTitle as="p">{data.responses}</LargeTitle>
        <Body1 as="p">{answeredText(data.responses)}.</Body1>
      </div>
      <Body1 as="p">
        {data.status === 'open'
          ? 'Answer in Rapport in your own meeting panel. Your answer is never shown here.'
          : 'This poll is closed.'}
      </Body1>
    </section>
  );
}
