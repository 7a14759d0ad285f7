import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { EXPECTATION_LIMITS } from '../../domain/expectations/schema';
import type { MeetingExpectations, SaveOutcome } from '../../domain/ports/expectations';
import { ErrorState } from '../shared/error-state';
import { wordedErrors } from '../shared/graph-text';
import { useT } from '../shared/i18n/i18n';
import { AgendaEditor } from './agenda-editor';
import type { MeetingSource } from './meeting-source';
import { ConflictChooser } from './conflict-chooser';
import { DeliverablesEditor } from './deliverables-editor';
import { counter } from './editor-parts';
import {
  checkForm,
  formFromExpectations,
  type ExpectationsForm,
  type Scope,
} from './expectations-form';
import { errorSummary, messageAt } from './form-errors';
import { attendeeNames, attendeeOptions } from './labels';
import { savedNotice, type Notice } from './messages';
import { MetricsEditor } from './metrics-editor';
import { RolesEditor } from './roles-editor';
import { ScopePicker } from './scope-picker';
import { TemplatePicker } from './template-picker';
import {
  baseFor,
  buildSaveRequest,
  defaultScope,
  effectiveOf,
  invalidScope,
  keysFor,
  resolveChoices,
  startOverBase,
  type Choice,
} from './save-plan';
import { useSaveExpectations } from './use-meeting-expectations';

const L = EXPECTATION_LIMITS;

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * What the editor works on: the meeting as it was loaded when editing began. Later refetches do
 * not change it, so the save's base is exactly what the person saw.
 */
export interface EditSession {
  data: MeetingExpectations;
  /** Replacing an unreadable record, on the organizer's explicit choice. */
  startOver: boolean;
}

type ConflictOutcome = Extract<SaveOutcome, { kind: 'conflict' }>;

/** The organizer's editor: the whole record for one scope, validated before it is saved. */
export function ExpectationsEditor({
  source,
  session,
  onDone,
  onCancel,
}: {
  source: MeetingSource;
  session: EditSession;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const { data, startOver } = session;
  const effective = startOver ? undefined : effectiveOf(data);
  const fixedScope = startOver ? invalidScope(data) : undefined;
  const [form, setForm] = useState<ExpectationsForm>(() =>
    formFromExpectations(
      effective?.expectations,
      effective ? { source: effective.scope, live: data.deliverables } : {},
    ),
  );
  const [scope, setScope] = useState<Scope>(fixedScope ?? defaultScope(data));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<
    { outcome: ConflictOutcome; scope: Scope; round: number } | undefined
  >(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [summaryShown, setSummaryShown] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useSaveExpectations(source);
  const people = attendeeOptions(data.attendees);
  const nameOf = attendeeNames(data.attendees, t);

  // Keyboard and screen reader users land on the editor they opened.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // …and on the list of problems when a save could not go ahead.
  useEffect(() => {
    if (summaryShown > 0) summaryRef.current?.focus();
  }, [summaryShown]);

  const showErrors = (next: Record<string, string[]>) => {
    setErrors(next);
    setSummaryShown((n) => n + 1);
  };

  const handle = (outcome: SaveOutcome, savedScope: Scope) => {
    if (outcome.kind === 'saved') {
      onDone(savedNotice(outcome, t));
    } else if (outcome.kind === 'conflict') {
      setConflict((current) => ({ outcome, scope: savedScope, round: (current?.round ?? 0) + 1 }));
    } else {
      setConflict(undefined);
      showErrors(wordedErrors(outcome, t));
    }
  };

  const submit = async () => {
    setFailure(undefined);
    const check = checkForm(form, keysFor(data.meeting, scope), scope, t);
    if (!check.ok) {
      showErrors(check.errors);
      return;
    }
    setErrors({});
    const base = startOver ? startOverBase(data, scope) : baseFor(data, scope);
    try {
      handle(
        await save.mutateAsync(
          buildSaveRequest(data, scope, base, check.expectations, t.domainText.invite),
        ),
        scope,
      );
    } catch (error) {
      setFailure(error);
    }
  };

  const saveChoices = async (choices: Choice[]) => {
    if (!conflict) return;
    setFailure(undefined);
    const { outcome, scope: conflictScope } = conflict;
    const value = resolveChoices(outcome.merged, outcome.conflicts, choices);
    try {
      // The server's record is now what this save builds on.
      handle(
        await save.mutateAsync(
          buildSaveRequest(data, conflictScope, outcome.theirs, value, t.domainText.invite),
        ),
        conflictScope,
      );
    } catch (error) {
      setFailure(error);
    }
  };

  const title = startOver
    ? t.meeting.editor.startOver
    : effective
      ? t.meeting.editExpectations
      : t.meeting.addExpectations;
  const summary = errorSummary(errors, t);

  return (
    <section className={styles.editor} aria-labelledby="expectations-editor-heading">
      <h2
        id="expectations-editor-heading"
        className={styles.heading}
        ref={headingRef}
        tabIndex={-1}
      >
        {title}
      </h2>
      {conflict ? (
        <ConflictChooser
          key={conflict.round}
          conflicts={conflict.outcome.conflicts}
          {...(conflict.outcome.theirs.version.lastModifiedBy?.displayName
            ? { theirsBy: conflict.outcome.theirs.version.lastModifiedBy.displayName }
            : {})}
          nameOf={nameOf}
          saving={save.isPending}
          onSave={(choices) => void saveChoices(choices)}
          onBack={() => {
            setConflict(undefined);
          }}
        />
      ) : (
        <form
          className={styles.form}
          aria-labelledby="expectations-editor-heading"
          noValidate
          onSubmit={(event) => {
            // A lone text field still submits on Enter; only the Save button saves.
            event.preventDefault();
          }}
        >
          <TemplatePicker
            form={form}
            onApply={(next) => {
              setForm(next);
            }}
          />
          <Field
            label={t.meeting.purpose}
            required
            hint={t.meeting.editor.purposeHint(counter(form.purpose, L.purposeMaxLength, t))}
            validationMessage={messageAt(errors, 'purpose')}
          >
            <Textarea
              value={form.purpose}
              maxLength={L.purposeMaxLength}
              resize="vertical"
              onChange={(_, d) => {
                setForm({ ...form, purpose: d.value });
              }}
            />
          </Field>
          <Field
            label={t.meeting.outcome}
            hint={counter(form.outcome, L.outcomeMaxLength, t)}
            validationMessage={messageAt(errors, 'outcome')}
          >
            <Textarea
              value={form.outcome}
              maxLength={L.outcomeMaxLength}
              resize="vertical"
              onChange={(_, d) => {
                setForm({ ...form, outcome: d.value });
              }}
            />
          </Field>
          <AgendaEditor
            rows={form.agenda}
            onChange={(agenda) => {
              setForm({ ...form, agenda });
            }}
            people={people}
            errors={errors}
            meeting={data.meeting}
          />
          <RolesEditor
            rows={form.roles}
            onChange={(roles) => {
              setForm({ ...form, roles });
            }}
            people={people}
            errors={errors}
          />
          <DeliverablesEditor
            rows={form.deliverables}
            onChange={(deliverables) => {
              setForm({ ...form, deliverables });
            }}
            people={people}
            errors={errors}
          />
          <MetricsEditor
            rows={form.successMetrics}
            onChange={(successMetrics) => {
              setForm({ ...form, successMetrics });
            }}
            errors={errors}
          />
          <ScopePicker
            data={data}
            scope={scope}
            onChange={setScope}
            startOver={startOver}
            fixed={fixedScope}
          />
          {summary.length > 0 ? (
            <div ref={summaryRef} tabIndex={-1} role="alert">
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t.meeting.editor.fixBeforeSaving}</MessageBarTitle>
                  <ul>
                    {summary.map((line, i) => (
                      <li key={i} dir="auto">
                        {line}
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            </div>
          ) : null}
          <div className={styles.actions}>
            {/* Not a submit button: Enter in a field must not save half-written expectations. */}
            <Button appearance="primary" disabled={save.isPending} onClick={() => void submit()}>
              {t.meeting.editor.save}
            </Button>
            <Button onClick={onCancel}>{t.meeting.editor.cancel}</Button>
          </div>
        </form>
      )}
      {failure !== undefined ? (
        <ErrorState
          title={t.meeting.editor.saveFailed}
          error={failure}
          {...(conflict ? {} : { onRetry: () => void submit() })}
        />
      ) : null}
    </section>
  );
}
