import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { FEEDBACK_LIMITS } from '../../domain/feedback/schema';
import { isFeedbackError, type FeedbackError, type PollView } from '../../domain/ports/feedback';
import { counter, useEditorStyles } from '../meeting/editor-parts';
import { ErrorState } from '../shared/error-state';
import { answersOf, type AnswerDraft } from './answer-draft';
import { useAnswerPoll } from './use-feedback';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const RATING_WORDS = ['1 – not at all', '2', '3', '4', '5 – very much'];

/** The relay's word that this person's answer cannot be taken at all, whatever they change. */
const isRefusal = (err: unknown): err is FeedbackError =>
  isFeedbackError(err, 'alreadyAnswered') || isFeedbackError(err, 'closed');

/**
 * An attendee's answer to an open poll; named polls say so before anything is sent. A refusal
 * (answered already, or closed) goes to `onRefused` when given, for the caller to keep in view.
 */
export function PollAnswer({
  poll,
  onAnswered,
  onRefused,
}: {
  poll: PollView;
  onAnswered: () => void;
  onRefused?: (message: string) => void;
}) {
  const styles = useStyles();
  const editor = useEditorStyles();
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  // One id per answer: a resend after a dropped connection counts once.
  const [submissionId] = useState(() => crypto.randomUUID());
  const answer = useAnswerPoll(poll);
  const titleId = `poll-answer-${poll.id}`;

  const submit = () => {
    const checked = answersOf(poll.questions, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    answer.mutate(
      { submissionId, answers: checked.answers },
      {
        onSuccess: onAnswered,
        onError: (err) => {
          if (isRefusal(err)) onRefused?.(err.message);
        },
      },
    );
  };

  return (
    <form
      className={styles.form}
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Body1 as="p" id={titleId}>
        Your feedback on “{poll.meetingTitle}”
      </Body1>
      <MessageBar intent={poll.anonymous ? 'info' : 'warning'} layout="multiline">
        <MessageBarBody>
          {poll.anonymous
            ? 'This poll is anonymous: your answer is stored without your name, and results show only as totals over several people.'
            : 'This poll is named: the organizer will see your name next to your answers.'}
        </MessageBarBody>
      </MessageBar>
      {poll.questions.map((q) => {
        const message = errors[`answers.${q.id}`]?.join(' ');
        const value = draft[q.id] ?? '';
        const set = (v: string) => {
          setDraft((d) => ({ ...d, [q.id]: v }));
        };
        if (q.kind === 'text') {
          return (
            <Field
              key={q.id}
              label={q.text}
              hint={`Optional. ${counter(value, FEEDBACK_LIMITS.textAnswerMaxLength)}`}
              validationMessage={message}
            >
              <Textarea
                value={value}
                maxLength={FEEDBACK_LIMITS.textAnswerMaxLength}
                onChange={(_, data) => {
                  set(data.value);
                }}
              />
            </Field>
          );
        }
        const options = q.kind === 'rating' ? RATING_WORDS : q.options;
        return (
          <Field key={q.id} label={q.text} required validationMessage={message}>
            <RadioGroup
              layout={q.kind === 'rating' ? 'horizontal' : 'vertical'}
              value={value}
              onChange={(_, data) => {
                set(data.value);
              }}
            >
              {options.map((label, i) => (
                <Radio key={i} value={String(q.kind === 'rating' ? i + 1 : i)} label={label} />
              ))}
            </RadioGroup>
          </Field>
        );
      })}
      {Object.keys(errors).length > 0 ? (
        <Body1 as="p" className={editor.error} role="alert">
          Some questions need an answer before you send.
        </Body1>
      ) : null}
      {answer.isError && !(onRefused && isRefusal(answer.error)) ? (
        <ErrorState title="Your answer was not sent." error={answer.error} />
      ) : null}
      <div className={editor.actions}>
        <Button appearance="primary" type="submit" disabled={answer.isPending}>
          {answer.isPending ? 'Sending…' : 'Send answer'}
        </Button>
      </div>
    </form>
  );
}
