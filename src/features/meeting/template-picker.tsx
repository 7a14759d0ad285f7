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
import { TEMPLATES, type ExpectationsTemplate } from '../../domain/expectations/templates';
import { fieldErrors } from '../../domain/expectations/schema';
import { useServices } from '../shared/services';
import { counter } from './editor-parts';
import { applyTemplateToForm, type ExpectationsForm } from './expectations-form';
import { messageAt } from './form-errors';
import { templateNote } from './messages';

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
    const template: ExpectationsTemplate | undefined = [...TEMPLATES, ...teamTemplates].find(
      (t) => t.id === templateId,
    );
    if (template === undefined) return;
    const applied = applyTemplateToForm(form, template);
    onApply(applied.form);
    setNote(templateNote(template.name, applied.filled));
  };

  const saveTemplate = async () => {
    setNote(undefined);
    const built = teamTemplateFrom(crypto.randomUUID(), name, sourceOf(form));
    if (!built.success) {
      setErrors(fieldErrors(built.error));
      return;
    }
    setErrors({});
    try {
      const outcome = await save.mutateAsync(built.data);
      if (outcome.kind === 'invalid') {
        setErrors(outcome.errors);
        return;
      }
      setNaming(false);
      setName('');
      setNote(`Saved “${outcome.template.name}” as a template for your team.`);
    } catch (err) {
      setErrors({ '': [`The template could not be saved: ${String(err)}`] });
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
        <Field label="Template">
          <Select
            value={templateId}
            onChange={(_, d) => {
              setTemplateId(d.value);
            }}
          >
            <option value="">Choose a template</option>
            <optgroup label="Built in">
              {TEMPLATES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </optgroup>
            {teamTemplates.length > 0 ? (
              <optgroup label="Your team’s">
                {teamTemplates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </Field>
        <Button disabledFocusable={templateId === ''} onClick={apply}>
          Apply template
        </Button>
        {naming ? null : (
          <Button
            onClick={() => {
              setNaming(true);
              setNote(undefined);
            }}
          >
            Save as team template
          </Button>
        )}
      </div>
      {naming ? (
        <div className={styles.picker}>
          <Field
            label="Template name"
            hint={counter(name, TEAM_TEMPLATE_LIMITS.nameMaxLength)}
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
            Save template
          </Button>
          <Button
            aria-label="Cancel saving the template"
            onClick={() => {
              setNaming(false);
              setErrors({});
            }}
          >
            Cancel
          </Button>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {note ? <Caption1 className={styles.note}>{note}</Caption1> : null}
      </div>
    </>
  );
}
