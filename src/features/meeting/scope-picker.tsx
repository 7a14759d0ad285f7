import { Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import type { Scope } from './expectations-form';
import { scopesFor } from './save-plan';
import type { Messages } from '../shared/i18n/en';
import { useT } from '../shared/i18n/i18n';

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
  const t = useT();
  const choosable = scopesFor(data.meeting).length > 1 && fixed === undefined;
  const text = scopeNote(data, scope, startOver, fixed, t);
  return (
    <>
      {choosable ? (
        <Field label={t.meeting.editor.applyTo}>
          <RadioGroup
            value={scope}
            onChange={(_, d) => {
              onChange(d.value as Scope);
            }}
          >
            <Radio value="occurrence" label={t.meeting.editor.thisMeetingOnly} />
            <Radio value="series" label={t.meeting.editor.everyMeetingInSeries} />
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
  t: Messages,
): string | undefined {
  if (startOver && fixed !== undefined) {
    return t.meeting.editor.replacesUnreadable(fixed === 'series');
  }
  if (startOver) return t.meeting.editor.unknownScope;
  if (scope === 'series' && data.occurrence !== undefined) return t.meeting.editor.seriesKeepsOwn;
  if (scope === 'occurrence' && data.occurrence === undefined && data.series !== undefined) {
    return t.meeting.editor.ownCopy;
  }
  return undefined;
}
