import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type ReactNode, type RefObject } from 'react';
import { moveItem, removeItem, replaceItem } from './expectations-form';
import { en, type Messages } from '../shared/i18n/en';
import { useT } from '../shared/i18n/i18n';
import type { AttendeeOption } from './labels';

/** Pieces every list in the expectations editor shares. */

export const useEditorStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 'none',
  },
  heading: { margin: 0 },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * Moves focus into a row the person just added (its first field), so keyboard users carry on
 * typing there; `mark` before adding, `refFor` on the row's first input.
 */
export function useFocusNewRow() {
  const pending = useRef<string | undefined>(undefined);
  return {
    mark: (key: string) => {
      pending.current = key;
    },
    refFor: (key: string) => (element: HTMLElement | null) => {
      if (element && pending.current === key) {
        pending.current = undefined;
        element.focus();
      }
    },
  };
}

/**
 * What each list editor does to its rows. Focus follows the person: into a row they add, and back
 * to the Add button when they remove one (the removed row's buttons are gone).
 */
export function useRowList<R extends object>(
  rows: readonly R[],
  onChange: (rows: R[]) => void,
  keyOf: (row: R) => string,
) {
  const addRef = useRef<HTMLButtonElement>(null);
  const focus = useFocusNewRow();
  return {
    addRef,
    firstFieldRef: (row: R) => focus.refFor(keyOf(row)),
    update: (index: number, change: Partial<R>) => {
      const row = rows[index];
      if (row) onChange(replaceItem(rows, index, { ...row, ...change }));
    },
    add: (row: R) => {
      focus.mark(keyOf(row));
      onChange([...rows, row]);
    },
    remove: (index: number) => {
      onChange(removeItem(rows, index));
      addRef.current?.focus();
    },
    move: (index: number, delta: -1 | 1) => {
      onChange(moveItem(rows, index, delta));
    },
  };
}

/**
 * A list's frame: heading, its rows, the list-level error (announced), and the Add button, which
 * stays focusable when the list is full so the reason next to it can be found.
 */
export function ListSection({
  title,
  error,
  addLabel,
  addRef,
  onAdd,
  full,
  fullText,
  children,
}: {
  title: string;
  error: string | undefined;
  addLabel: string;
  addRef: RefObject<HTMLButtonElement | null>;
  onAdd: () => void;
  full: boolean;
  fullText: string;
  children: ReactNode;
}) {
  const styles = useEditorStyles();
  return (
    <section className={styles.section}>
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
      {error ? (
        <Text role="alert" className={styles.error}>
          {error}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <Button ref={addRef} disabledFocusable={full} onClick={onAdd}>
          {addLabel}
        </Button>
        {full ? <Caption1 className={styles.hint}>{fullText}</Caption1> : null}
      </div>
    </section>
  );
}

/** "12 of 300 characters", for a field's hint. */
export const counter = (value: string, max: number, t: Messages = en): string =>
  t.meeting.characters(value.length, max);

/**
 * One item of a list, as a group named "Agenda item 2" so its fields and buttons are announced
 * (and found) with the item they belong to.
 */
export function RowGroup({ name, children }: { name: string; children: ReactNode }) {
  const styles = useEditorStyles();
  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend}>{name}</legend>
      {children}
    </fieldset>
  );
}

/**
 * Move up / Move down / Remove for one row. Their names start with the visible words and add the
 * row ("Remove deliverable 2"), so each is distinct and still matches what is on screen.
 */
export function RowActions({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  name: string;
  index: number;
  count: number;
  onMove?: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const styles = useEditorStyles();
  const t = useT();
  return (
    <div className={styles.actions}>
      {onMove ? (
        <>
          <Button
            size="small"
            aria-label={t.meeting.editor.moveUpRow(name)}
            disabledFocusable={index === 0}
            onClick={() => {
              onMove(-1);
            }}
          >
            {t.meeting.editor.moveUp}
          </Button>
          <Button
            size="small"
            aria-label={t.meeting.editor.moveDownRow(name)}
            disabledFocusable={index === count - 1}
            onClick={() => {
              onMove(1);
            }}
          >
            {t.meeting.editor.moveDown}
          </Button>
        </>
      ) : null}
      <Button size="small" aria-label={t.meeting.editor.removeRow(name)} onClick={onRemove}>
        {t.meeting.editor.remove}
      </Button>
    </div>
  );
}

/** The options of a people picker, after a "nobody" option with the given words. */
export function PeopleOptions({
  people,
  none,
}: {
  people: readonly AttendeeOption[];
  none: string;
}) {
  return (
    <>
      <option value="">{none}</option>
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.label}
        </option>
      ))}
    </>
  );
}
