import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HomeSection, RecentMeeting } from '../../domain/meetings/meeting';
import type { WaitingPoll } from '../../domain/ports/feedback';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { PollAnswer } from './poll-answer';
import { thanksText } from './poll-text';
import { useFeedbackWaiting } from './use-feedback';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
});

/**
 * Home's "Feedback waiting": polls I may still answer for my meetings of the last seven days. Home
 * reads those meetings with its own data; the one relay request goes after Home shows, so a slow or
 * absent relay never holds Home up. It shows nothing when nothing waits, the calendar could not be
 * read or the relay fails.
 */
export function FeedbackWaiting({
  locale,
  recent,
}: {
  locale: string;
  recent: HomeSection<RecentMeeting[]>;
}) {
  const styles = useStyles();
  const m = useT().feedback.waiting;
  const waiting = useFeedbackWaiting(recent);
  // The poll being answered is held here, not read from the list: answering reloads the list,
  // which then no longer holds it, and the dialog must stay to say the answer was taken.
  const [answering, setAnswering] = useState<WaitingPoll>();
  const items = waiting.isSuccess ? waiting.data : [];
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  return (
    <>
      {items.length > 0 ? (
        <section className={styles.area} aria-labelledby="feedback-waiting-title">
          <Subtitle2 as="h2" id="feedback-waiting-title">
            {m.title}
          </Subtitle2>
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item.poll.id} className={styles.item}>
                <Body1>
                  {item.meetingSubject} · {format.format(item.meetingEnd)}
                </Body1>
                <Button
                  onClick={() => {
                    setAnswering(item);
                  }}
                >
                  {m.answerFor(item.meetingSubject)}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {answering ? (
        <AnswerDialog
          key={answering.poll.id}
          item={answering}
          onClose={() => {
            setAnswering(undefined);
          }}
        />
      ) : null}
    </>
  );
}

function AnswerDialog({ item, onClose }: { item: WaitingPoll; onClose: () => void }) {
  const { feedback } = useServices();
  const t = useT();
  const m = t.feedback.waiting;
  const [done, setDone] = useState(false);
  const check = useQuery({
    queryKey: ['feedbackOrganizerCheck', item.poll.id],
    queryFn: () => feedback.isOrganizersPoll(item),
    staleTime: Infinity,
  });
  return (
    <Dialog
      open
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{m.dialogTitle(item.meetingSubject)}</DialogTitle>
          <DialogContent>
            {done ? (
              <Body1 as="p" role="status">
                {thanksText(item.poll.anonymous, t)}
              </Body1>
            ) : check.isPending ? (
              <Body1 as="p">{m.checking}</Body1>
            ) : check.data === true ? (
              <PollAnswer
                poll={item.poll}
                onAnswered={() => {
                  setDone(true);
                }}
              />
            ) : (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{check.isError ? m.checkFailed : m.notOrganizers}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{m.close}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
