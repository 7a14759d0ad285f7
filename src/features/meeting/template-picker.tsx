import { Button, Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { TEMPLATES, templateById, type TemplateId } from '../../domain/expectations/templates';
import { applyTemplateToForm, type ExpectationsForm } from './expectations-form';
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

/**
 * Picks a template and applies it to the form. Applying only fills what is empty (the domain's
 * rule), and the note says what it filled, so nobody wonders whether their text was replaced.
 */
export function TemplatePicker({
  form,
  onApply,
}: {
  form: ExpectationsForm;
  onApply: (form: ExpectationsForm) => void;
}) {
  const styles = useStyles();
  const [templateId, setTemplateId] = useState<TemplateId | ''>('');
  const [note, setNote] = useState<string | undefined>(undefined);

  const apply = () => {
    if (templateId === '') return;
    const template = templateById(templateId);
    const applied = applyTemplateToForm(form, template);
    onApply(applied.form);
    setNote(templateNote(template.name, applied.filled));
  };

  return (
    <>
      <div className={styles.picker}>
        <Field label="Template">
          <Select
            value={templateId}
            onChange={(_, d) => {
              setTemplateId(d.value as TemplateId | '');
            }}
          >
            <option value="">Choose a template</option>
            {TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabledFocusable={templateId === ''} onClick={apply}>
          Apply template
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {note ? <Caption1 className={styles.note}>{note}</Caption1> : null}
      </div>
    </>
  );
}
