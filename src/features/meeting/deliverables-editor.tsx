import { Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import {
  DELIVERABLE_STATUSES,
  EXPECTATION_LIMITS,
  STATUSES_WITH_OBSTACLE,
  type DeliverableStatus,
} from '../../domain/expectations/schema';
import {
  PeopleOptions,
  RowActions,
  RowGroup,
  counter,
  ListSection,
  useEditorStyles,
  useRowList,
} from './editor-parts';
import { newDeliverableRow, type DeliverableRow } from './expectations-form';
import { messageAt } from './form-errors';
import { STATUS_LABELS, type AttendeeOption } from './labels';

const L = EXPECTATION_LIMITS;

/** Deliverables: what, who owns it (an attendee with a directory id), by when, and its status. */
export function DeliverablesEditor({
  rows,
  onChange,
  people,
  errors,
}: {
  rows: DeliverableRow[];
  onChange: (rows: DeliverableRow[]) => void;
  people: readonly AttendeeOption[];
  errors: Readonly<Record<string, string[]>>;
}) {
  const styles = useEditorStyles();
  const list = useRowList(rows, onChange, (row) => row.id);
  const full = rows.length >= L.deliverablesMaxCount;
  const listError = messageAt(errors, 'deliverables');

  return (
    <ListSection
      title="Deliverables"
      error={listError}
      addLabel="Add deliverable"
      addRef={list.addRef}
      onAdd={() => {
        // The id is the deliverable's for good (its own item is keyed by it).
        list.add(newDeliverableRow(crypto.randomUUID()));
      }}
      full={full}
      fullText={`A meeting can have at most ${String(L.deliverablesMaxCount)} deliverables.`}
    >
      {rows.map((row, i) => {
        const at = `deliverables.${String(i)}`;
        const idError = messageAt(errors, `${at}.id`);
        return (
          <RowGroup key={row.id} name={`Deliverable ${String(i + 1)}`}>
            <Field
              label="Deliverable title"
              required
              hint={counter(row.title, L.deliverableTitleMaxLength)}
              validationMessage={messageAt(errors, `${at}.title`)}
            >
              <Input
                ref={list.firstFieldRef(row)}
                value={row.title}
                maxLength={L.deliverableTitleMaxLength}
                onChange={(_, data) => {
                  list.update(i, { title: data.value });
                }}
              />
            </Field>
            <Field label="Owner" required validationMessage={messageAt(errors, `${at}.ownerId`)}>
              <Select
                value={row.ownerId}
                onChange={(_, data) => {
                  list.update(i, { ownerId: data.value });
                }}
              >
                <PeopleOptions people={people} none="Choose a person" />
              </Select>
            </Field>
            <Field label="Due date" required validationMessage={messageAt(errors, `${at}.due`)}>
              <Input
                type="date"
                value={row.due}
                onChange={(_, data) => {
                  list.update(i, { due: data.value });
                }}
              />
            </Field>
            <Field label="Status" validationMessage={messageAt(errors, `${at}.status`)}>
              <Select
                value={row.status}
                onChange={(_, data) => {
                  list.update(i, { status: data.value as DeliverableStatus });
                }}
              >
                {DELIVERABLE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </Select>
            </Field>
            {STATUSES_WITH_OBSTACLE.has(row.status) ? (
              <Field
                label="Obstacle"
                required
                hint={counter(row.obstacle, L.obstacleMaxLength)}
                validationMessage={messageAt(errors, `${at}.obstacle`)}
              >
                <Textarea
                  value={row.obstacle}
                  maxLength={L.obstacleMaxLength}
                  resize="vertical"
                  onChange={(_, data) => {
                    list.update(i, { obstacle: data.value });
                  }}
                />
              </Field>
            ) : null}
            {idError ? <Text className={styles.error}>{idError}</Text> : null}
            <RowActions
              name={`deliverable ${String(i + 1)}`}
              index={i}
              count={rows.length}
              onRemove={() => {
                list.remove(i);
              }}
            />
          </RowGroup>
        );
      })}
    </ListSection>
  );
}
