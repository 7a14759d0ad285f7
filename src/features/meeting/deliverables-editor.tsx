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
import { useT } from '../shared/i18n/i18n';
import type { AttendeeOption } from './labels';

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
  const t = useT();
  const list = useRowList(rows, onChange, (row) => row.id);
  const full = rows.length >= L.deliverablesMaxCount;
  const listError = messageAt(errors, 'deliverables');

  return (
    <ListSection
      title={t.meeting.deliverables}
      error={listError}
      addLabel={t.meeting.editor.addDeliverable}
      addRef={list.addRef}
      onAdd={() => {
        // The id is the deliverable's for good (its own item is keyed by it).
        list.add(newDeliverableRow(crypto.randomUUID()));
      }}
      full={full}
      fullText={t.meeting.editor.deliverablesFull(L.deliverablesMaxCount)}
    >
      {rows.map((row, i) => {
        const at = `deliverables.${String(i)}`;
        const idError = messageAt(errors, `${at}.id`);
        return (
          <RowGroup key={row.id} name={t.meeting.editor.deliverableGroup(i + 1)}>
            <Field
              label={t.meeting.editor.deliverableTitle}
              required
              hint={counter(row.title, L.deliverableTitleMaxLength, t)}
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
            <Field
              label={t.meeting.editor.owner}
              required
              validationMessage={messageAt(errors, `${at}.ownerId`)}
            >
              <Select
                value={row.ownerId}
                onChange={(_, data) => {
                  list.update(i, { ownerId: data.value });
                }}
              >
                <PeopleOptions people={people} none={t.meeting.editor.choosePerson} />
              </Select>
            </Field>
            <Field
              label={t.meeting.editor.dueDate}
              required
              validationMessage={messageAt(errors, `${at}.due`)}
            >
              <Input
                type="date"
                value={row.due}
                onChange={(_, data) => {
                  list.update(i, { due: data.value });
                }}
              />
            </Field>
            <Field label={t.meeting.status_} validationMessage={messageAt(errors, `${at}.status`)}>
              <Select
                value={row.status}
                onChange={(_, data) => {
                  list.update(i, { status: data.value as DeliverableStatus });
                }}
              >
                {DELIVERABLE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t.meeting.status[status]}
                  </option>
                ))}
              </Select>
            </Field>
            {STATUSES_WITH_OBSTACLE.has(row.status) ? (
              <Field
                label={t.meeting.obstacle}
                required
                hint={counter(row.obstacle, L.obstacleMaxLength, t)}
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
              name={t.meeting.editor.deliverableRow(i + 1)}
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
