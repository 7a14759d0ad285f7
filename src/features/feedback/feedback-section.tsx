import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import type { PollView } from '../../domain/ports/feedback';
import type { MeetingSource } from '../meeting/meeting-source';
import { effectiveOf } from '../meeting/save-plan';
import { useMeetingExpectations } from '../meeting/use-meeting-expectations';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { SignInPrompt, needsSignIn } from '../shared/sign-in-prompt';
import { PollAnswer } from './poll-answer';
import { PollEditor } from './poll-editor';
import { mayEdit } from './poll-form';
import { PollResultsView } from './poll-results';
import { PostToChat } from './post-to-chat';
import { answeredText, thanksText } from './poll-text';
import { useClosePoll, useMeetingPolls } from './use-feedback';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  poll: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  questions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * The meeting tab's Feedback section: the organizer adds a poll, edits it until someone answers,
 * shares it to the stage, reads results and closes it; attendees answer. Polls come from the relay; the meeting, its people
 * and its success metrics from the same query the expectations section uses.
 */
export function FeedbackSection({
  source,
  stageUrl,
}: {
  source: MeetingSource | undefined;
  stageUrl: string;
}) {
  const styles = useStyles();
  const t = useT();
  const meeting = useMeetingExpectations(source);
  // The expectations section above explains a meeting that cannot be opened.
  if (meeting.data?.kind !== 'found') return null;
  return (
    <section className={styles.area} aria-labelledby="feedback-title">
      <Subtitle2 as="h2" id="feedback-title">
        {t.feedback.section.title}
      </Subtitle2>
      <Polls
        data={meeting.data.data}
        stageUrl={stageUrl}
        chatId={source?.kind === 'chat' ? source.chatId : undefined}
      />
    </section>
  );
}

function Polls({
  data,
  stageUrl,
  chatId,
}: {
  data: MeetingExpectations;
  stageUrl: string;
  /** The meeting chat the tab runs in; none when the host named no chat, so nothing to post to. */
  chatId: string | undefined;
}) {
  const styles = useStyles();
  const m = useT().feedback.section;
  const [adding, setAdding] = useState(false);
  /** The poll whose editor is open. */
  const [editing, setEditing] = useState<string>();
  /** The poll whose card takes focus when an editor closes, and whether its edit was saved. */
  const [back, setBack] = useState<{ pollId: string; saved: boolean }>();
  const polls = useMeetingPolls(data.meeting.iCalUId, data.organizerIds);
  if (polls.isPending) return <Body1 as="p">{m.loading}</Body1>;
  if (polls.isError) {
    return needsSignIn(polls.error) ? (
      <SignInPrompt onSignedIn={() => void polls.refetch()} />
    ) : (
      // Its own button, not the shared "Try again": the expectations above may offer one too.
      <div className={styles.area}>
        <ErrorState title={m.loadFailed} error={polls.error} />
        <div className={styles.actions}>
          <Button onClick={() => void polls.refetch()}>{m.reload}</Button>
        </div>
      </div>
    );
  }
  const isOrganizer = data.meeting.isOrganizer;
  const open = polls.data.filter((p) => p.status === 'open');
  const edited = polls.data.find((p) => p.id === editing);
  if (edited) {
    const close = (saved: boolean) => {
      setEditing(undefined);
      setBack({ pollId: edited.id, saved });
    };
    return (
      <PollEditor
        key={edited.id}
        meeting={data.meeting}
        attendees={data.attendees}
        successMetrics={effectiveOf(data)?.expectations.successMetrics ?? []}
        poll={edited}
        onDone={() => {
          close(true);
        }}
        onCancel={() => {
          close(false);
        }}
      />
    );
  }
  if (adding) {
    return (
      <PollEditor
        meeting={data.meeting}
        attendees={data.attendees}
        successMetrics={effectiveOf(data)?.expectations.successMetrics ?? []}
        onDone={() => {
          setAdding(false);
        }}
        onCancel={() => {
          setAdding(false);
        }}
      />
    );
  }
  return (
    <div className={styles.area}>
      {polls.data.length === 0 && !isOrganizer ? <Body1 as="p">{m.noPollYet}</Body1> : null}
      {polls.data.map((p) => (
        <PollCard
          key={p.id}
          poll={p}
          stageUrl={stageUrl}
          chat={chatId === undefined ? undefined : { id: chatId, subject: data.meeting.subject }}
          onChanged={() => void polls.refetch()}
          onEdit={() => {
            setBack(undefined);
            setEditing(p.id);
          }}
          returned={back?.pollId === p.id ? back : undefined}
        />
      ))}
      {isOrganizer && open.length === 0 ? (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => {
              setAdding(true);
            }}
          >
            {m.addPoll}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function PollCard({
  poll,
  stageUrl,
  chat,
  onChanged,
  onEdit,
  returned,
}: {
  poll: PollView;
  stageUrl: string;
  chat: { id: string; subject: string } | undefined;
  onChanged: () => void;
  onEdit: () => void;
  /** Set when the poll's editor just closed: the card takes focus, and says a saved edit was. */
  returned: { saved: boolean } | undefined;
}) {
  const styles = useStyles();
  const t = useT();
  const m = t.feedback.section;
  const { host } = useServices();
  const inSidePanel = host.context().frameContext === 'sidePanel';
  const [justAnswered, setJustAnswered] = useState(false);
  // Why an answer from this tab was refused (given in another tab, or the poll closed): kept
  // after the poll reloads, which would otherwise show a second try only the first one's thanks.
  const [refusal, setRefusal] = useState<string>();
  const [share, setShare] = useState<'idle' | 'sharing' | 'shared' | Error>('idle');
  const close = useClosePoll(poll);
  const titleId = `poll-${poll.id}`;
  const title = useRef<HTMLHeadingElement>(null);
  const focusHere = returned !== undefined;
  useEffect(() => {
    if (focusHere) title.current?.focus();
  }, [focusHere]);

  const shareToStage = async () => {
    setShare('sharing');
    try {
      if (!(await host.canShareToStage())) throw new Error(m.cannotShare);
      const url = new URL(stageUrl);
      url.searchParams.set('poll', poll.id);
      await host.shareToStage(url.toString());
      setShare('shared');
    } catch (err) {
      setShare(err instanceof Error ? err : new Error(String(err)));
    }
  };

  return (
    <article className={styles.poll} aria-labelledby={titleId}>
      <Text as="h3" weight="semibold" id={titleId} tabIndex={-1} ref={title}>
        {m.pollHeading(poll.status === 'open')}
      </Text>
      <Body1 as="p">
        {answeredText(poll.responses, t)}. {poll.anonymous ? m.anonymous : m.named}
      </Body1>
      {poll.isCreator ? (
        <ol className={styles.questions} aria-label={m.questions}>
          {poll.questions.map((q) => (
            <li key={q.id}>{q.text}</li>
          ))}
        </ol>
      ) : null}
      <div role="status" aria-live="polite">
        {refusal !== undefined ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{refusal}</MessageBarBody>
          </MessageBar>
        ) : justAnswered || (poll.answered && !poll.mayAnswer) ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{thanksText(poll.anonymous, t)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {share === 'shared' ? <Body1 as="p">{m.sharedToStage}</Body1> : null}
        {returned?.saved ? <Body1 as="p">{m.changesSaved}</Body1> : null}
      </div>
      {poll.mayAnswer && !justAnswered && refusal === undefined ? (
        <PollAnswer
          poll={poll}
          onAnswered={() => {
            setJustAnswered(true);
          }}
          onRefused={setRefusal}
        />
      ) : null}
      {poll.status === 'closed' && !poll.answered && !poll.isCreator ? (
        <Body1 as="p">{t.feedback.pollClosed}</Body1>
      ) : null}
      {poll.isCreator ? (
        <div className={styles.actions}>
          {inSidePanel && poll.status === 'open' ? (
            <Button onClick={() => void shareToStage()} disabled={share === 'sharing'}>
              {m.shareToStage}
            </Button>
          ) : null}
          {mayEdit(poll) ? <Button onClick={onEdit}>{m.editPoll}</Button> : null}
          <Button onClick={onChanged}>{m.reloadPoll}</Button>
          {poll.status === 'open' ? (
            <Button
              onClick={() => {
                close.mutate(undefined, { onSuccess: onChanged });
              }}
              disabled={close.isPending}
            >
              {m.closePoll}
            </Button>
          ) : null}
        </div>
      ) : null}
      {poll.isCreator && poll.status === 'open' && chat !== undefined ? (
        <PostToChat poll={poll} chatId={chat.id} meetingSubject={chat.subject} />
      ) : null}
      {share instanceof Error ? <ErrorState title={m.shareFailed} error={share} /> : null}
      {close.isError ? <ErrorState title={m.notClosed} error={close.error} /> : null}
      {poll.isCreator || poll.shareResults ? <PollResultsView poll={poll} /> : null}
    </article>
  );
}
