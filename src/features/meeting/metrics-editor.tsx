import { Field, Input } from '@fluentui/react-components';
import { EXPECTATION_LIMITS } from '../../domain/expectations/schema';
import { RowActions, counter, ListSection, useEditorStyles, useRowList } from './editor-parts';
import { newMetricRow, type MetricRow } from './expectations-form';
import { messageAt } from './form-errors';

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
  const list = useRowList(rows, onChange, (row) => row.key);
  const full = rows.length >= L.successMetricsMaxCount;
  const listError = messageAt(errors, 'successMetrics');

  return (
    <ListSection
      title="Success metrics"
      error={listError}
      addLabel="Add success metric"
      addRef={list.addRef}
      onAdd={() => {
        list.add(newMetricRow());
      }}
      full={full}
      fullText={`A meeting can have at most ${String(L.successMetricsMaxCount)} success metrics.`}
    >
      {rows.map((row, i) => (
        <div key={row.key} className={styles.section}>
          <Field
            label="Success metric"
            required
            hint={counter(row.text, L.successMetricMaxLength)}
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
            name={`success metric ${String(i + 1)}`}
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
