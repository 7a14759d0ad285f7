import { Caption1, Field, Input, Select } from '@fluentui/react-components';
import { agendaTime } from '../../domain/expectations/agenda-time';
import { EXPECTATION_LIMITS } from '../../domain/expectations/schema';
import type { Instant } from '../../domain/time/instant';
import {
  PeopleOptions,
  RowActions,
  RowGroup,
  counter,
  ListSection,
  useEditorStyles,
  useRowList,
} from './editor-parts';
import { useT } from '../shared/i18n/i18n';
import { agendaMinutes, newAgendaRow, type AgendaRow } from './expectations-form';
import { messageAt } from './form-errors';
import type { AttendeeOption } from './labels';
import { agendaTimeText } from './messages';

const L = EXPECTATION_LIMITS;

export function AgendaEditor({
  rows,
  onChange,
  people,
  errors,
  meeting,
}: {
  rows: AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
  people: readonly AttendeeOption[];
  errors: Readonly<Record<string, string[]>>;
  meeting: { start: Instant; end: Instant };
}) {
  const styles = useEditorStyles();
  const t = useT();
  const list = useRowList(rows, onChange, (row) => row.key);
  const full = rows.length >= L.agendaMaxItems;
  const listError = messageAt(errors, 'agenda');

  return (
    <ListSection
      title={t.meeting.agenda}
      error={listError}
      addLabel={t.meeting.editor.addAgendaItem}
      addRef={list.addRef}
      onAdd={() => {
        list.add(newAgendaRow());
      }}
      full={full}
      fullText={t.meeting.editor.agendaFull(L.agendaMaxItems)}
    >
      {rows.map((row, i) => {
        const name = t.meeting.editor.agendaItemRow(i + 1);
        return (
          <RowGroup key={row.key} name={t.meeting.editor.agendaItemGroup(i + 1)}>
            <Field
              label={t.meeting.editor.agendaItemTitle}
              required
              hint={counter(row.title, L.agendaTitleMaxLength, t)}
              validationMessage={messageAt(errors, `agenda.${String(i)}.title`)}
            >
              <Input
                ref={list.firstFieldRef(row)}
                value={row.title}
                maxLength={L.agendaTitleMaxLength}
                onChange={(_, data) => {
                  list.update(i, { title: data.value });
                }}
              />
            </Field>
            <Field
              label={t.meeting.editor.presenter}
              validationMessage={messageAt(errors, `agenda.${String(i)}.presenterId`)}
            >
              <Select
                value={row.presenterId}
                onChange={(_, data) => {
                  list.update(i, { presenterId: data.value });
                }}
              >
                <PeopleOptions people={people} none={t.meeting.editor.noPresenter} />
              </Select>
            </Field>
            <Field
              label={t.meeting.editor.minutes}
              hint={t.meeting.editor.minutesHint(L.agendaMinutesMin, L.agendaMinutesMax)}
              validationMessage={messageAt(errors, `agenda.${String(i)}.minutes`)}
            >
              <Input
                type="number"
                inputMode="numeric"
                min={L.agendaMinutesMin}
                max={L.agendaMinutesMax}
                step={1}
                value={row.minutes}
                onChange={(_, data) => {
                  list.update(i, { minutes: data.value });
                }}
              />
            </Field>
            <RowActions
              name={name}
              index={i}
              count={rows.length}
              onMove={(delta) => {
                list.move(i, delta);
              }}
              onRemove={() => {
                list.remove(i);
              }}
            />
          </RowGroup>
        );
      })}
      {rows.length > 0 ? (
        <Caption1 className={styles.hint}>
          {agendaTimeText(agendaTime(agendaMinutes(rows), meeting), t)}
        </Caption1>
      ) : null}
    </ListSection>
  );
}
