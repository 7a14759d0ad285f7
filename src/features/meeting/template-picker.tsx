import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  TEAM_TEMPLATE_LIMITS,
  asTemplate,
  sortTemplates,
  teamTemplateFrom,
  type TeamTemplate,
} from '../../domain/expectations/team-templates';
import type { ExpectationsTemplate } from '../../domain/expectations/templates';
import { useServices } from '../shared/services';
import { counter } from './editor-parts';
import { applyTemplateToForm, type ExpectationsForm } from './expectations-form';
import { messageAt } from './form-errors';
import { wordedErrors } from '../shared/graph-text';
import { localFieldErrors } from '../shared/validation/localize-issue';
import { builtInTemplates } from './built-in-templates';
import { templateNote } from './messages';
import { useT } from '../shared/i18n/i18n';
import { errorText } from '../shared/error-text';

const useStyles = makeStyles({
  picker: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  note: { color: tokens.colorNeutralForeground2 },
});

const TEAM_TEMPLATES_KEY = ['teamTemplates'] as const;

/** The form's template-worthy parts as typed: minutes that are not numbers reach the schema. */
const sourceOf = (form: ExpectationsForm) => ({
  purpose: form.purpose,
  outcome: form.outcome,
  agenda: form.agenda.map((row) => ({
    title: row.title,
    ...(row.minutes.trim() === '' ? {} : { minutes: Number(row.minutes) }),
  })),
  successMetrics: form.successMetrics.map((row) => row.text),
});

/**
 * Picks a template (built in, or one the team saved) and applies it to the form, and saves the
 * form's purpose, outcome, agenda and metrics as a team template. Applying only fills what is
 * empty (the domain's rule), and the note says what it filled.
 */
export function TemplatePicker({
  form,
  onApply,
}: {
  form: ExpectationsForm;
  onApply: (form: ExpectationsForm) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const { expectations, host } = useServices();
  const locale = host.context().locale || 'en-US';
  const queryClient = useQueryClient();
  const team = useQuery({
    queryKey: TEAM_TEMPLATES_KEY,
    queryFn: () => expectations.teamTemplates(),
    staleTime: 60_000,
    retry: 1,
  });
  const teamTemplates = sortTemplates(team.data?.templates ?? [], locale).map(asTemplate);
  const builtIn = builtInTemplates(t);
  const [templateId, setTemplateId] = useState('');
  const [note, setNote] = useState<string | undefined>(undefined);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const save = useMutation({
    mutationFn: (template: TeamTemplate) => expectations.saveTeamTemplate(template),
    onSuccess: (outcome) => {
      if (outcome.kind === 'saved')
        void queryClient.invalidateQueries({ queryKey: TEAM_TEMPLATES_KEY });
    },
  });

  const apply = () => {
    const template: ExpectationsTemplate | undefined = [...builtIn, ...teamTemplates].find(
      (candidate) => candidate.id === templateId,
    );
    if (template === undefined) return;
    const applied = applyTemplateToForm(form, template);
    onApply(applied.form);
    setNote(templateNote(template.name, applied.filled, t));
  };

  const saveTemplate = async () => {
    setNote(undefined);
    const built = teamTemplateFrom(crypto.randomUUID(), name, sourceOf(form));
    if (!built.success) {
      setErrors(localFieldErrors(built.error, 'template', t));
      return;
    }
    setErrors({});
    try {
      const outcome = await save.mutateAsync(built.data);
      if (outcome.kind === 'invalid') {
        setErrors(wordedErrors(outcome, t));
        return;
      }
      setNaming(false);
      setName('');
      setNote(t.meeting.editor.templateSaved(outcome.template.name));
    } catch (err) {
      setErrors({ '': [t.meeting.editor.templateSaveFailed(errorText(err, t))] });
    }
  };

  // What is wrong with the form's own fields shows as one line here; the fields keep their text.
  const contentError = Object.entries(errors)
    .filter(([path]) => path !== 'name' && path !== 'id' && path !== 'schemaVersion')
    .map(([, messages]) => messages.join(' '))
    .join(' ');

  return (
    <>
      <div className={styles.picker}>
        <Field label={t.meeting.editor.template}>
          <Select
            value={templateId}
            onChange={(_, d) => {
              setTemplateId(d.value);
            }}
          >
            <option value="">{t.meeting.editor.chooseTemplate}</option>
            <optgroup label={t.meeting.editor.builtIn}>
              {builtIn.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </optgroup>
            {teamTemplates.length > 0 ? (
              <optgroup label={t.meeting.editor.yourTeams}>
                {teamTemplates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </Field>
        <Button disabledFocusable={templateId === ''} onClick={apply}>
          {t.meeting.editor.applyTemplate}
        </Button>
        {naming ? null : (
          <Button
            onClick={() => {
              setNaming(true);
              setNote(undefined);
            }}
          >
            {t.meeting.editor.saveAsTeamTemplate}
          </Button>
        )}
      </div>
      {naming ? (
        <div className={styles.picker}>
          <Field
            label={t.meeting.editor.templateName}
            hint={counter(name, TEAM_TEMPLATE_LIMITS.nameMaxLength, t)}
            validationMessage={messageAt(errors, 'name') ?? (contentError || undefined)}
          >
            <Input
              value={name}
              maxLength={TEAM_TEMPLATE_LIMITS.nameMaxLength}
              onChange={(_, d) => {
                setName(d.value);
              }}
            />
          </Field>
          <Button
            appearance="primary"
            disabled={save.isPending}
            onClick={() => void saveTemplate()}
          >
            {t.meeting.editor.saveTemplate}
          </Button>
          <Button
            aria-label={t.meeting.editor.cancelSavingTemplate}
            onClick={() => {
              setNaming(false);
              setErrors({});
            }}
          >
            {t.meeting.editor.cancel}
          </Button>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {note ? <Caption1 className={styles.note}>{note}</Caption1> : null}
      </div>
    </>
  );
}
