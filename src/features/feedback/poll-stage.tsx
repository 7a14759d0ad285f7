import { Body1, LargeTitle, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
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
  const t = useT();
  const m = t.feedback.stage;
  const poll = useStageCount(pollId);
  if (poll.isPending) return <Body1 as="p">{m.loading}</Body1>;
  if (poll.isError && poll.data === undefined) {
    return <ErrorState title={m.loadFailed} error={poll.error} />;
  }
  const data = poll.data;
  return (
    <section className={styles.area} aria-labelledby="stage-poll-title">
      <Title3 as="h2" id="stage-poll-title">
        {m.heading(data.meetingTitle)}
      </Title3>
      <div role="status" aria-live="polite" aria-atomic="true">
        <LargeTitle as="p">{data.responses}</LargeTitle>
        <Body1 as="p">{answeredText(data.responses, t)}.</Body1>
      </div>
      <Body1 as="p">{data.status === 'open' ? m.answerInPanel : t.feedback.pollClosed}</Body1>
    </section>
  );
}
