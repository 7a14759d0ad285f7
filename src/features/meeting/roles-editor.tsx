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
import { ROLE_LABELS, type AttendeeOption } from './labels';

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
  const list = useRowList(rows, onChange, (row) => row.key);
  const full = rows.length >= L.rolesMaxCount;
  const listError = messageAt(errors, 'roles');

  return (
    <ListSection
      title="Roles"
      error={listError}
      addLabel="Add role"
      addRef={list.addRef}
      onAdd={() => {
        list.add(newRoleRow());
      }}
      full={full}
      fullText={`A meeting can have at most ${String(L.rolesMaxCount)} roles.`}
    >
      {rows.map((row, i) => {
        const at = `roles.${String(i)}`;
        const rowError = messageAt(errors, at);
        return (
          <RowGroup key={row.key} name={`Role ${String(i + 1)}`}>
            <Field label="Role" validationMessage={messageAt(errors, `${at}.kind`)}>
              <Select
                ref={list.firstFieldRef(row)}
                value={row.kind}
                onChange={(_, data) => {
                  list.update(i, { kind: data.value as RoleKind });
                }}
              >
                {ROLE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {ROLE_LABELS[kind]}
                  </option>
                ))}
              </Select>
            </Field>
            {row.kind === 'custom' ? (
              <Field
                label="Role name"
                required
                hint={counter(row.label, L.customRoleLabelMaxLength)}
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
            <Field label="Held by" required validationMessage={messageAt(errors, `${at}.holderId`)}>
              <Select
                value={row.holderId}
                onChange={(_, data) => {
                  list.update(i, { holderId: data.value });
                }}
              >
                <PeopleOptions people={people} none="Choose a person" />
              </Select>
            </Field>
            {rowError ? <Text className={styles.error}>{rowError}</Text> : null}
            <RowActions
              name={`role ${String(i + 1)}`}
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
