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
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { FEEDBACK_LIMITS, type QuestionKind } from '../../domain/feedback/schema';
import { TENANT_THRESHOLD, commentThreshold } from '../../domain/feedback/threshold';
import type { MeetingRef } from '../../domain/meetings/meeting-ref';
import type { Attendee } from '../../domain/ports/expectations';
import { isFeedbackError, type PollView } from '../../domain/ports/feedback';
import { counter, RowGroup, useEditorStyles } from '../meeting/editor-parts';
import { ErrorState } from '../shared/error-state';
import { en, type Messages } from '../shared/i18n/en';
import { useT } from '../shared/i18n/i18n';
import {
  addQuestion,
  canAddQuestion,
  editLockedText,
  formOfPoll,
  initialForm,
  pollChanges,
  removeQuestion,
  toPollDraft,
  unreachableThreshold,
  updateQuestion,
  votersOf,
  type FormErrors,
  type PollForm,
  type QuestionDraft,
} from './poll-form';
import { useCreatePoll, useUpdatePoll } from './use-feedback';

const L = FEEDBACK_LIMITS;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  people: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** What "anonymous" promises, in plain words, next to the switch that turns it off. */
export const anonymousStatement = (k: number, t: Messages = en): string =>
  t.feedback.editor.anonymousStatement(k, commentThreshold(k));

/**
 * The organizer's feedback poll form: "Add feedback poll" starts from the defaults and the
 * meeting's metric questions; "Edit poll" (with `poll`, the poll as the list last read it) starts
 * from that poll, until someone answers. Who can answer is read from the event either way.
 */
export function PollEditor({
  meeting,
  attendees,
  successMetrics,
  poll,
  onDone,
  onCancel,
}: {
  meeting: MeetingRef;
  attendees: readonly Attendee[];
  successMetrics: readonly string[];
  /** The poll to edit; none to add a new one. */
  poll?: PollView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const editor = useEditorStyles();
  const t = useT();
  const m = t.feedback.editor;
  const [form, setForm] = useState<PollForm>(() =>
    poll ? formOfPoll(poll) : initialForm(successMetrics),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  // One id per form: a retried or double-clicked create makes one poll.
  const [pollId] = useState(() => poll?.id ?? crypto.randomUUID());
  const create = useCreatePoll(meeting.iCalUId);
  const update = useUpdatePoll(meeting.iCalUId);
  const saving = create.isPending || update.isPending;
  const [newKind, setNewKind] = useState<QuestionKind>('rating');
  const { voterIds, cannotVote } = votersOf(attendees);
  const k = form.threshold ?? TENANT_THRESHOLD.defaultK;
  const unreachable = unreachableThreshold(
    voterIds.length,
    k,
    meeting.seriesKey === undefined ? 'meeting' : 'series',
    t,
  );
  // An edit stops once someone answered: said by the relay's refusal, or seen on a reload. The
  // form keeps what the organizer typed either way; only saving is no longer offered.
  const locked =
    poll === undefined
      ? undefined
      : isFeedbackError(update.error, 'answersExist')
        ? t.feedback.form.answeredLock
        : editLockedText(poll, t);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);

  const change = (id: string, patch: Partial<Omit<QuestionDraft, 'id'>>) => {
    setForm((f) => updateQuestion(f, id, patch));
  };
  const submit = () => {
    const result = toPollDraft(form, meeting, attendees, pollId, t);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (poll === undefined) create.mutate(result.draft, { onSuccess: onDone });
    else if (locked === undefined) {
      update.mutate({ poll, changes: pollChanges(poll, result.draft) }, { onSuccess: onDone });
    }
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
      <Text as="h3" size={400} weight="semibold" id="poll-editor-title" tabIndex={-1} ref={title}>
        {poll ? m.editTitle : m.newTitle}
      </Text>
      {form.questions.map((q, i) => (
        <RowGroup key={q.id} name={m.question(i + 1)}>
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
              {m.removeQuestion(i + 1)}
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
          <KindSelect label={m.newKind} value={newKind} onChange={setNewKind} />
          <Button
            onClick={() => {
              setForm((f) => addQuestion(f, newKind));
            }}
          >
            {m.addQuestion}
          </Button>
        </div>
      ) : (
        <Body1 as="p" className={editor.hint}>
          {m.questionsFull(L.questionsMax)}
        </Body1>
      )}
      <Switch
        checked={form.anonymous}
        label={m.anonymous}
        onChange={(_, data) => {
          setForm((f) => ({ ...f, anonymous: data.checked }));
        }}
      />
      <Body1 as="p">{form.anonymous ? anonymousStatement(k, t) : m.namedStatement}</Body1>
      <Switch
        checked={form.shareResults}
        label={m.shareResults}
        onChange={(_, data) => {
          setForm((f) => ({ ...f, shareResults: data.checked }));
        }}
      />
      <section aria-labelledby="poll-people-title" className={editor.section}>
        <Subtitle2 as="h4" id="poll-people-title">
          {m.whoCanAnswer(voterIds.length)}
        </Subtitle2>
        <ul className={styles.people}>
          {attendees
            .filter((a) => a.id)
            .map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          {cannotVote.map((a) => (
            <li key={a.mail}>{m.cannotVote(a.name)}</li>
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
          {poll ? m.fixBeforeSaving : m.fixBeforeAdding}
        </Body1>
      ) : null}
      {create.isError ? (
        <ErrorState title={m.notAdded} error={create.error} onRetry={submit} />
      ) : null}
      {locked !== undefined ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{locked}</MessageBarBody>
        </MessageBar>
      ) : update.isError ? (
        <ErrorState title={m.notChanged} error={update.error} onRetry={submit} />
      ) : null}
      <div className={editor.actions}>
        {poll ? (
          // Stays focusable when it can no longer save, so focus is not lost with the refusal.
          <Button
            appearance="primary"
            type="submit"
            disabledFocusable={saving || locked !== undefined}
          >
            {update.isPending ? m.savingChanges : m.saveChanges}
          </Button>
        ) : (
          <Button appearance="primary" type="submit" disabled={saving}>
            {create.isPending ? m.adding : m.addPoll}
          </Button>
        )}
        <Button onClick={onCancel} disabled={saving}>
          {locked === undefined ? m.cancel : m.backToPoll}
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
  const kinds = useT().feedback.editor.kinds;
  return (
    <Field label={label}>
      <Select
        value={value}
        onChange={(_, data) => {
          onChange(data.value as QuestionKind);
        }}
      >
        {Object.entries(kinds).map(([kind, text]) => (
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
  const t = useT();
  const m = t.feedback.editor;
  const n = index + 1;
  return (
    <>
      <KindSelect
        label={m.kindOf(n)}
        value={q.kind}
        onChange={(kind) => {
          onChange({ kind });
        }}
      />
      <Field
        label={m.question(n)}
        required
        hint={counter(q.text, L.questionTextMaxLength, t)}
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
                label={m.option(j + 1, n)}
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
                  {m.removeOption(j + 1, n)}
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
              {m.addOption(n)}
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
