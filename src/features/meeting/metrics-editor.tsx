import { Field, Input } from '@fluentui/react-components';
import { EXPECTATION_LIMITS } from '../../domain/expectations/schema';
import { RowActions, counter, ListSection, useEditorStyles, useRowList } from './editor-parts';
import { newMetricRow, type MetricRow } from './expectations-form';
import { messageAt } from './form-errors';
import { useT } from '../shared/i18n/i18n';

const L = EXPECTATION_LIMITS;

/** Statements the meeting can be judged against afterwards. */
export function MetricsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: MetricRow[];
  onChange: (rows: MetricRow[]) => void;
  errors: Readonly<Record<string, string[]>>;
}) {
  const styles = useEditorStyles();
  const t = useT();
  const list = useRowList(rows, onChange, (row) => row.key);
  const full = rows.length >= L.successMetricsMaxCount;
  const listError = messageAt(errors, 'successMetrics');

  return (
    <ListSection
      title={t.meeting.successMetrics}
      error={listError}
      addLabel={t.meeting.editor.addSuccessMetric}
      addRef={list.addRef}
      onAdd={() => {
        list.add(newMetricRow());
      }}
      full={full}
      fullText={t.meeting.editor.metricsFull(L.successMetricsMaxCount)}
    >
      {rows.map((row, i) => (
        <div key={row.key} className={styles.section}>
          <Field
            label={t.meeting.editor.successMetric}
            required
            hint={counter(row.text, L.successMetricMaxLength, t)}
            validationMessage={messageAt(errors, `successMetrics.${String(i)}`)}
          >
            <Input
              ref={list.firstFieldRef(row)}
              value={row.text}
              maxLength={L.successMetricMaxLength}
              onChange={(_, data) => {
                list.update(i, { text: data.value });
              }}
            />
          </Field>
          <RowActions
            name={t.meeting.editor.metricRow(i + 1)}
            index={i}
            count={rows.length}
            onRemove={() => {
              list.remove(i);
            }}
          />
        </div>
      ))}
    </ListSection>
  );
}
