import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { MergeConflict } from '../../domain/expectations/merge';
import { conflictLabel, conflictLines } from './conflict-text';
import type { Choice } from './save-plan';
import { useT } from '../shared/i18n/i18n';

const useStyles = makeStyles({
  chooser: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  conflict: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sides: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(8rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Both versions of everything two people changed at once, side by side, with a choice for each.
 * Everything else from both sides is already combined by the merge; the person's own edits stay
 * in the editor behind this until a save succeeds.
 */
export function ConflictChooser({
  conflicts,
  theirsBy,
  nameOf,
  saving,
  onSave,
  onBack,
}: {
  conflicts: readonly MergeConflict[];
  /** Who saved the version on the server, when known. */
  theirsBy?: string;
  nameOf: (id: string) => string;
  saving: boolean;
  onSave: (choices: Choice[]) => void;
  onBack: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const c = t.meeting.conflict;
  const id = useId();
  const [choices, setChoices] = useState<(Choice | undefined)[]>(() =>
    conflicts.map(() => undefined),
  );
  const [missing, setMissing] = useState(false);
  const theirsName = theirsBy ?? c.someoneElse;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The editor's fields give way to this; focus follows so nobody is left on a removed field.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className={styles.chooser} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.heading} ref={headingRef} tabIndex={-1}>
        {c.heading}
      </h3>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{c.savedWhileEditing(theirsName)}</MessageBarTitle>
          {c.explanation}
        </MessageBarBody>
      </MessageBar>
      {conflicts.map((conflict, index) => {
        const label = conflictLabel(conflict, t);
        const choice = choices[index];
        return (
          <div
            key={index}
            className={styles.conflict}
            role="group"
            aria-labelledby={`${id}-${String(index)}`}
          >
            <Text id={`${id}-${String(index)}`} weight="semibold" dir="auto">
              {label}
            </Text>
            <div className={styles.sides}>
              <Side title={c.yours} lines={conflictLines(conflict, 'mine', nameOf, t)} />
              <Side
                title={c.theirs(theirsName)}
                lines={conflictLines(conflict, 'theirs', nameOf, t)}
              />
            </div>
            <Field
              label={c.keepWhich(label)}
              validationMessage={missing && choice === undefined ? c.chooseVersion : undefined}
            >
              <RadioGroup
                layout="horizontal"
                value={choice ?? ''}
                onChange={(_, data) => {
                  setChoices(
                    choices.map((current, i) => (i === index ? (data.value as Choice) : current)),
                  );
                }}
              >
                <Radio value="mine" label={c.keepMine} />
                <Radio value="theirs" label={c.keepTheirs} />
              </RadioGroup>
            </Field>
          </div>
        );
      })}
      <div role="status" aria-live="polite">
        {missing && choices.some((current) => current === undefined) ? (
          <Text>{c.chooseEvery}</Text>
        ) : null}
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={saving}
          onClick={() => {
            if (choices.some((current) => current === undefined)) {
              setMissing(true);
              return;
            }
            onSave(choices.filter((current): current is Choice => current !== undefined));
          }}
        >
          {c.saveWithChoices}
        </Button>
        <Button onClick={onBack}>{c.backToEdits}</Button>
      </div>
    </section>
  );
}

function Side({ title, lines }: { title: string; lines: string[] }) {
  const styles = useStyles();
  return (
    <div className={styles.side}>
      <Caption1>{title}</Caption1>
      <ul className={styles.lines}>
        {lines.map((line, i) => (
          <li key={i} dir="auto">
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}
