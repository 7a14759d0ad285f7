import { Field, Input, Select, Text } from '@fluentui/react-components';
import { EXPECTATION_LIMITS, ROLE_KINDS, type RoleKind } from '../../domain/expectations/schema';
import {
  PeopleOptions,
  RowActions,
  RowGroup,
  counter,
  ListSection,
  useEditorStyles,
  useRowList,
} from './editor-parts';
import { newRoleRow, type RoleRow } from './expectations-form';
import { messageAt } from './form-errors';
import { useT } from '../shared/i18n/i18n';
import type { AttendeeOption } from './labels';

const L = EXPECTATION_LIMITS;

/** Roles, each held by an attendee with a directory id; custom roles carry their own name. */
export function RolesEditor({
  rows,
  onChange,
  people,
  errors,
}: {
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  people: readonly AttendeeOption[];
  errors: Readonly<Record<string, string[]>>;
}) {
  const styles = useEditorStyles();
  const t = useT();
  const list = useRowList(rows, onChange, (row) => row.key);
  const full = rows.length >= L.rolesMaxCount;
  const listError = messageAt(errors, 'roles');

  return (
    <ListSection
      title={t.meeting.roles}
      error={listError}
      addLabel={t.meeting.editor.addRole}
      addRef={list.addRef}
      onAdd={() => {
        list.add(newRoleRow());
      }}
      full={full}
      fullText={t.meeting.editor.rolesFull(L.rolesMaxCount)}
    >
      {rows.map((row, i) => {
        const at = `roles.${String(i)}`;
        const rowError = messageAt(errors, at);
        return (
          <RowGroup key={row.key} name={t.meeting.editor.roleGroup(i + 1)}>
            <Field
              label={t.meeting.editor.role}
              validationMessage={messageAt(errors, `${at}.kind`)}
            >
              <Select
                ref={list.firstFieldRef(row)}
                value={row.kind}
                onChange={(_, data) => {
                  list.update(i, { kind: data.value as RoleKind });
                }}
              >
                {ROLE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t.meeting.roleKinds[kind]}
                  </option>
                ))}
              </Select>
            </Field>
            {row.kind === 'custom' ? (
              <Field
                label={t.meeting.editor.roleName}
                required
                hint={counter(row.label, L.customRoleLabelMaxLength, t)}
                validationMessage={messageAt(errors, `${at}.label`)}
              >
                <Input
                  value={row.label}
                  maxLength={L.customRoleLabelMaxLength}
                  onChange={(_, data) => {
                    list.update(i, { label: data.value });
                  }}
                />
              </Field>
            ) : null}
            <Field
              label={t.meeting.editor.heldBy}
              required
              validationMessage={messageAt(errors, `${at}.holderId`)}
            >
              <Select
                value={row.holderId}
                onChange={(_, data) => {
                  list.update(i, { holderId: data.value });
                }}
              >
                <PeopleOptions people={people} none={t.meeting.editor.choosePerson} />
              </Select>
            </Field>
            {rowError ? <Text className={styles.error}>{rowError}</Text> : null}
            <RowActions
              name={t.meeting.editor.roleRow(i + 1)}
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
