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
import { useT } from '../shared/i18n/i18n';
import { answersOf, type AnswerDraft } from './answer-draft';
import { useAnswerPoll } from './use-feedback';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

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
  const t = useT();
  const m = t.feedback.answer;
  const ratingWords = [m.ratingLowest, '2', '3', '4', m.ratingHighest];
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  // One id per answer: a resend after a dropped connection counts once.
  const [submissionId] = useState(() => crypto.randomUUID());
  const answer = useAnswerPoll(poll);
  const titleId = `poll-answer-${poll.id}`;

  const submit = () => {
    const checked = answersOf(poll.questions, draft, t);
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
          // The relay client's words for the two refusals, in the person's language.
          if (isRefusal(err)) onRefused?.(m[err.kind === 'closed' ? 'closed' : 'alreadyAnswered']);
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
        {m.yourFeedback(poll.meetingTitle)}
      </Body1>
      <MessageBar intent={poll.anonymous ? 'info' : 'warning'} layout="multiline">
        <MessageBarBody>{poll.anonymous ? m.anonymousNote : m.namedNote}</MessageBarBody>
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
              hint={m.optional(counter(value, FEEDBACK_LIMITS.textAnswerMaxLength, t))}
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
        const options = q.kind === 'rating' ? ratingWords : q.options;
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
          {m.fixBeforeSending}
        </Body1>
      ) : null}
      {answer.isError && !(onRefused && isRefusal(answer.error)) ? (
        <ErrorState title={m.notSent} error={answer.error} />
      ) : null}
      <div className={editor.actions}>
        <Button appearance="primary" type="submit" disabled={answer.isPending}>
          {answer.isPending ? m.sending : m.send}
        </Button>
      </div>
    </form>
  );
}
