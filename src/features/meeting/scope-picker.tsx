import { Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import type { Scope } from './expectations-form';
import { scopesFor } from './save-plan';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Apply to: this meeting only / every meeting in the series" for a meeting in a series, and what
 * saving to the chosen scope does to this meeting and the rest of the series.
 */
export function ScopePicker({
  data,
  scope,
  onChange,
  startOver,
  fixed,
}: {
  data: MeetingExpectations;
  scope: Scope;
  onChange: (scope: Scope) => void;
  startOver: boolean;
  /** Start over replaces one known record: its scope is not for choosing. */
  fixed: Scope | undefined;
}) {
  const styles = useStyles();
  const choosable = scopesFor(data.meeting).length > 1 && fixed === undefined;
  const text = scopeNote(data, scope, startOver, fixed);
  return (
    <>
      {choosable ? (
        <Field label="Apply to">
          <RadioGroup
            value={scope}
            onChange={(_, d) => {
              onChange(d.value as Scope);
            }}
          >
            <Radio value="occurrence" label="This meeting only" />
            <Radio value="series" label="Every meeting in the series" />
          </RadioGroup>
        </Field>
      ) : null}
      {text ? (
        <Text as="p" className={styles.note}>
          {text}
        </Text>
      ) : null}
    </>
  );
}

function scopeNote(
  data: MeetingExpectations,
  scope: Scope,
  startOver: boolean,
  fixed: Scope | undefined,
): string | undefined {
  if (startOver && fixed !== undefined) {
    return `Saving replaces the unreadable expectations stored for ${
      fixed === 'series' ? 'the whole series' : 'this meeting'
    }.`;
  }
  if (startOver) {
    return 'Rapport can’t tell whether the unreadable expectations belong to this meeting or to the whole series, so it won’t replace them; saving adds expectations only where none are stored.';
  }
  if (scope === 'series' && data.occurrence !== undefined) {
    return 'This meeting has expectations of its own, which stay in place for it; the other meetings in the series get these.';
  }
  if (scope === 'occurrence' && data.occurrence === undefined && data.series !== undefined) {
    return 'This meeting gets its own copy; the rest of the series keeps the series’ expectations.';
  }
  return undefined;
}
