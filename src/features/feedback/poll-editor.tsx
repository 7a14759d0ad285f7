import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { FEEDBACK_LIMITS, type QuestionKind } from '../../domain/feedback/schema';
import { TENANT_THRESHOLD, commentThreshold } from '../../domain/feedback/threshold';
import type { MeetingRef } from '../../domain/meetings/meeting-ref';
import type { Attendee } from '../../domain/ports/expectations';
import { counter, RowGroup, useEditorStyles } from '../meeting/editor-parts';
import { ErrorState } from '../shared/error-state';
import {
  addQuestion,
  canAddQuestion,
  initialForm,
  removeQuestion,
  toPollDraft,
  unreachableThreshold,
  updateQuestion,
  votersOf,
  type FormErrors,
  type PollForm,
  type QuestionDraft,
} from './poll-form';
import { useCreatePoll } from './use-feedback';

const L = FEEDBACK_LIMITS;

const KIND_LABELS: Record<QuestionKind, string> = {
  rating: 'Rating (1 to 5)',
  choice: 'Single choice',
  text: 'Free text',
};

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  people: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** What "anonymous" promises, in plain words, next to the switch that turns it off. */
export const ANONYMOUS_STATEMENT = `Anonymous: answers are stored without names and with no time finer than the day. Nobody, you included, can see who answered what. Results show only as totals once at least ${String(TENANT_THRESHOLD.defaultK)} people have answered, and comments once ${String(commentThreshold(TENANT_THRESHOLD.defaultK))} have.`;

const NAMED_STATEMENT =
  'Named: you will see who gave each answer. People are told before they answer.';

/** The organizer's "Add feedback poll" form: defaults, metric questions, custom questions. */
export function PollEditor({
  meeting,
  attendees,
  successMetrics,
  onDone,
  onCancel,
}: {
  meeting: MeetingRef;
  attendees: readonly Attendee[];
  successMetrics: readonly string[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const editor = useEditorStyles();
  const [form, setForm] = useState<PollForm>(() => initialForm(successMetrics));
  const [errors, setErrors] = useState<FormErrors>({});
  // One id per form: a retried or double-clicked create makes one poll.
  const [pollId] = useState(() => crypto.randomUUID());
  const create = useCreatePoll(meeting.iCalUId);
  const [newKind, setNewKind] = useState<QuestionKind>('rating');
  const { voterIds, cannotVote } = votersOf(attendees);
  const unreachable = unreachableThreshold(
    voterIds.length,
    TENANT_THRESHOLD.defaultK,
    meeting.seriesKey === undefined ? 'meeting' : 'series',
  );

  const change = (id: string, patch: Partial<Omit<QuestionDraft, 'id'>>) => {
    setForm((f) => updateQuestion(f, id, patch));
  };
  const submit = () => {
    const result = toPollDraft(form, meeting, attendees, pollId);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.draft, { onSuccess: onDone });
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="poll-editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Subtitle2 as="h3" id="poll-editor-title">
        New feedback poll
      </Subtitle2>
      {form.questions.map((q, i) => (
        <RowGroup key={q.id} name={`Question ${String(i + 1)}`}>
          <QuestionFields
            question={q}
            index={i}
            errors={errors}
            onChange={(patch) => {
              change(q.id, patch);
            }}
          />
          <div className={editor.actions}>
            <Button
              onClick={() => {
                setForm((f) => removeQuestion(f, q.id));
              }}
            >
              Remove question {i + 1}
            </Button>
          </div>
        </RowGroup>
      ))}
      {errors.questions ? (
        <Body1 as="p" className={editor.error} role="alert">
          {errors.questions}
        </Body1>
      ) : null}
      {canAddQuestion(form) ? (
        <div className={editor.actions}>
          <KindSelect label="Kind of new question" value={newKind} onChange={setNewKind} />
          <Button
            onClick={() => {
              setForm((f) => addQuestion(f, newKind));
            }}
          >
            Add question
          </Button>
        </div>
      ) : (
        <Body1 as="p" className={editor.hint}>
          A poll can have at most {L.questionsMax} questions.
        </Body1>
      )}
      <Switch
        checked={form.anonymous}
        label="Anonymous"
        onChange={(_, data) => {
          setForm((f) => ({ ...f, anonymous: data.checked }));
        }}
      />
      <Body1 as="p">{form.anonymous ? ANONYMOUS_STATEMENT : NAMED_STATEMENT}</Body1>
      <Switch
        checked={form.shareResults}
        label="Share results with attendees"
        onChange={(_, data) => {
          setForm((f) => ({ ...f, shareResults: data.checked }));
        }}
      />
      <section aria-labelledby="poll-people-title" className={editor.section}>
        <Subtitle2 as="h4" id="poll-people-title">
          Who can answer ({voterIds.length})
        </Subtitle2>
        <ul className={styles.people}>
          {attendees
            .filter((a) => a.id)
            .map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          {cannotVote.map((a) => (
            <li key={a.mail}>{a.name} — cannot vote (no account in your organization)</li>
          ))}
        </ul>
        {errors.attendees ? (
          <Body1 as="p" className={editor.error} role="alert">
            {errors.attendees}
          </Body1>
        ) : null}
      </section>
      {unreachable ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{unreachable}</MessageBarBody>
        </MessageBar>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <Body1 as="p" className={editor.error} role="alert">
          Some fields need attention before the poll can be added.
        </Body1>
      ) : null}
      {create.isError ? (
        <ErrorState title="The poll was not added." error={create.error} onRetry={submit} />
      ) : null}
      <div className={editor.actions}>
        <Button appearance="primary" type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding the poll…' : 'Add poll'}
        </Button>
        <Button onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function KindSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: QuestionKind;
  onChange: (kind: QuestionKind) => void;
}) {
  return (
    <Field label={label}>
      <Select
        value={value}
        onChange={(_, data) => {
          onChange(data.value as QuestionKind);
        }}
      >
        {Object.entries(KIND_LABELS).map(([kind, text]) => (
          <option key={kind} value={kind}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function QuestionFields({
  question: q,
  index,
  errors,
  onChange,
}: {
  question: QuestionDraft;
  index: number;
  errors: FormErrors;
  onChange: (patch: Partial<Omit<QuestionDraft, 'id'>>) => void;
}) {
  const editor = useEditorStyles();
  const n = String(index + 1);
  return (
    <>
      <KindSelect
        label={`Kind of question ${n}`}
        value={q.kind}
        onChange={(kind) => {
          onChange({ kind });
        }}
      />
      <Field
        label={`Question ${n}`}
        required
        hint={counter(q.text, L.questionTextMaxLength)}
        validationMessage={errors[`questions.${q.id}.text`]}
      >
        <Input
          value={q.text}
          maxLength={L.questionTextMaxLength}
          onChange={(_, data) => {
            onChange({ text: data.value });
          }}
        />
      </Field>
      {q.kind === 'choice' ? (
        <>
          {q.options.map((option, j) => (
            <div key={j} className={editor.actions}>
              <Field
                label={`Option ${String(j + 1)} of question ${n}`}
                required
                validationMessage={errors[`questions.${q.id}.options.${String(j)}`]}
              >
                <Input
                  value={option}
                  maxLength={L.choiceOptionMaxLength}
                  onChange={(_, data) => {
                    onChange({ options: q.options.map((o, k) => (k === j ? data.value : o)) });
                  }}
                />
              </Field>
              {q.options.length > L.choiceOptionsMin ? (
                <Button
                  onClick={() => {
                    onChange({ options: q.options.filter((_, k) => k !== j) });
                  }}
                >
                  Remove option {j + 1} of question {n}
                </Button>
              ) : null}
            </div>
          ))}
          {q.options.length < L.choiceOptionsMax ? (
            <Button
              onClick={() => {
                onChange({ options: [...q.options, ''] });
              }}
            >
              Add option to question {n}
            </Button>
          ) : null}
          {errors[`questions.${q.id}.options`] ? (
            <Body1 as="p" className={editor.error} role="alert">
              {errors[`questions.${q.id}.options`]}
            </Body1>
          ) : null}
        </>
      ) : null}
    </>
  );
}
