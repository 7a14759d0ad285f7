import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  PROGRAM_LIMITS,
  activeMembers,
  dueRound,
  programSchema,
  roundStart,
  type Cadence,
  type DayPart,
  type MembershipChange,
  type Program,
} from '../../domain/social/program';
import { localFieldErrors } from '../shared/validation/localize-issue';
import { STATS_WEEKS, type ProgramStats } from '../../domain/social/stats';
import { instant } from '../../domain/time/instant';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { useStackStyles } from '../shared/stack-styles';
import { MeetingRate } from './meeting-rate';
import { errorText } from '../shared/error-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const PROGRAMS_KEY = ['programs'] as const;

function usePrograms() {
  const { programs } = useServices();
  return useQuery({ queryKey: PROGRAMS_KEY, queryFn: () => programs.load(), retry: 1 });
}

/** The team's coffee programs: start one, and join, snooze or leave on your own. */
export function ProgramsSection({ locale }: { locale: string }) {
  const styles = useStyles();
  const stack = useStackStyles();
  const m = useT().programs;
  const query = usePrograms();
  if (query.isPending) return <Body1 as="p">{m.loading}</Body1>;
  if (query.isError) {
    return (
      <ErrorState title={m.loadFailed} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const { me, programs, stats, unreadable } = query.data;
  return (
    <section className={styles.section} aria-labelledby="programs-heading">
      <Subtitle2 as="h2" id="programs-heading">
        {m.title}
      </Subtitle2>
      {programs.length === 0 ? (
        <Body1 as="p">{m.none}</Body1>
      ) : (
        <ul className={stack.list}>
          {programs.map((p) => (
            <ProgramCard key={p.id} program={p} stats={stats[p.id]} meId={me.id} locale={locale} />
          ))}
        </ul>
      )}
      {unreadable > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{m.unreadable(unreadable)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <StartProgram leadId={me.id} />
    </section>
  );
}

function ProgramCard({
  program,
  stats,
  meId,
  locale,
}: {
  program: Program;
  stats: ProgramStats | undefined;
  meId: string;
  locale: string;
}) {
  const styles = useStyles();
  const t = useT();
  const m = t.programs;
  const { programs, clock } = useServices();
  const queryClient = useQueryClient();
  const [snoozeUntil, setSnoozeUntil] = useState('');
  const [subTeam, setSubTeam] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const change = useMutation({
    mutationFn: (c: MembershipChange | { kind: 'startNow' }) =>
      c.kind === 'startNow'
        ? programs.startRoundNow(program.id, meId)
        : programs.changeMembership(program.id, c),
    onSuccess: (outcome) => {
      if (outcome.kind === 'missing') setError(m.missing);
      else if (outcome.kind === 'busy') setError(m.busy);
      else setError(undefined);
      void queryClient.invalidateQueries({ queryKey: PROGRAMS_KEY });
    },
    onError: (err) => {
      setError(m.changeFailed(errorText(err, t)));
    },
  });
  const now = clock.now();
  const mine = program.members.find((m) => m.id === meId);
  const due = dueRound(program, now);
  const next = roundStart(program, due === undefined ? 0 : due + 1);
  const date = (ms: number) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(ms));
  const taking = activeMembers(program, now).length;
  const snoozed = mine?.snoozedUntil !== undefined && Date.parse(mine.snoozedUntil) > now;
  const meta = [
    m.cadence[program.cadence],
    m.meta.groupsOf(program.groupSize),
    m.meta.minutes(program.lengthMinutes),
    m.part[program.preferredPart],
    m.meta.looksAhead(program.lookAheadDays),
    ...(program.avoidRepeatWeeks > 0 ? [m.meta.noRepeatWithin(program.avoidRepeatWeeks)] : []),
    ...(program.mixSubTeams ? [m.meta.mixesSubTeams] : []),
    m.meta.nextRound(date(next)),
  ];
  return (
    <li>
      <Card aria-label={program.name}>
        <Body1 as="h3" dir="auto">
          <strong>{program.name}</strong>
        </Body1>
        <Caption1 className={styles.meta}>{meta.join(' · ')}</Caption1>
        <Caption1>{m.takingPart(taking, program.members.length > taking)}</Caption1>
        {stats && stats.rounds > 0 ? (
          <Caption1>{m.recent(STATS_WEEKS, stats.rounds, stats.groups, stats.booked)}</Caption1>
        ) : null}
        {stats && stats.rounds > 0 && (mine || program.leadIds.includes(meId)) ? (
          <MeetingRate programId={program.id} />
        ) : null}
        {mine ? (
          <div className={styles.row}>
            {snoozed ? (
              <Badge appearance="tint" color="warning">
                {m.snoozedUntil(date(Date.parse(mine.snoozedUntil ?? '')))}
              </Badge>
            ) : (
              <Badge appearance="tint" color="success">
                {m.youreIn}
              </Badge>
            )}
            {snoozed ? (
              <Button
                onClick={() => {
                  change.mutate({ kind: 'resume', id: meId });
                }}
              >
                {m.resume}
              </Button>
            ) : (
              <>
                <Field label={m.snoozeUntil}>
                  <Input
                    type="date"
                    value={snoozeUntil}
                    onChange={(_, d) => {
                      setSnoozeUntil(d.value);
                    }}
                  />
                </Field>
                <Button
                  disabledFocusable={snoozeUntil === ''}
                  onClick={() => {
                    const until = Date.parse(`${snoozeUntil}T00:00:00Z`);
                    if (Number.isNaN(until) || until <= now) {
                      setError(m.pickLaterDate);
                      return;
                    }
                    change.mutate({ kind: 'snooze', id: meId, until: instant(until) });
                  }}
                >
                  {m.snooze}
                </Button>
              </>
            )}
            <Button
              onClick={() => {
                change.mutate({ kind: 'leave', id: meId });
              }}
            >
              {m.leave(program.name)}
            </Button>
          </div>
        ) : (
          <div className={styles.row}>
            {program.mixSubTeams ? (
              <Field label={m.subTeam} hint={m.subTeamHint}>
                <Input
                  value={subTeam}
                  maxLength={60}
                  onChange={(_, d) => {
                    setSubTeam(d.value);
                  }}
                />
              </Field>
            ) : null}
            <Button
              appearance="primary"
              onClick={() => {
                const team = subTeam.trim();
                change.mutate({
                  kind: 'join',
                  id: meId,
                  ...(team === '' ? {} : { subTeam: team }),
                });
              }}
              disabled={change.isPending}
            >
              {m.join(program.name)}
            </Button>
          </div>
        )}
        {program.leadIds.includes(meId) ? (
          <div className={styles.row}>
            <Button
              onClick={() => {
                change.mutate({ kind: 'startNow' });
              }}
              disabled={change.isPending}
            >
              {due === undefined ? m.startFirstRound : m.startRound(due + 2)}
            </Button>
          </div>
        ) : null}
        <div role="status" aria-live="polite">
          {error ? (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </Card>
    </li>
  );
}

function StartProgram({ leadId }: { leadId: string }) {
  const styles = useStyles();
  const t = useT();
  const all = t.programs;
  const m = all.start;
  const { programs, clock } = useServices();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<Cadence>('weekly');
  const [groupSize, setGroupSize] = useState('2');
  const [length, setLength] = useState('20');
  const [part, setPart] = useState<DayPart>('any');
  const [lookAhead, setLookAhead] = useState('5');
  const [avoidWeeks, setAvoidWeeks] = useState('12');
  const [mix, setMix] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | undefined>(undefined);
  const start = useMutation({
    mutationFn: (p: Program) => programs.start(p),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PROGRAMS_KEY }),
  });

  const submit = async () => {
    setDone(undefined);
    // The first round starts next Monday, UTC, so people have time to join.
    const now = new Date(clock.now());
    const days = (8 - now.getUTCDay()) % 7 || 7;
    const firstRound = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days);
    const parsed = programSchema.safeParse(
      {
        schemaVersion: 1,
        id: crypto.randomUUID(),
        name,
        cadence,
        groupSize: Number(groupSize),
        lengthMinutes: Number(length),
        preferredPart: part,
        lookAheadDays: Number(lookAhead),
        avoidRepeatWeeks: Number(avoidWeeks),
        mixSubTeams: mix,
        leadIds: [leadId],
        firstRoundAt: new Date(firstRound).toISOString(),
        members: [],
      },
      // The input lets a message say how long a too-long name is.
      { reportInput: true },
    );
    if (!parsed.success) {
      setErrors(localFieldErrors(parsed.error, 'program', t));
      return;
    }
    setErrors({});
    try {
      await start.mutateAsync(parsed.data);
      setDone(m.started(parsed.data.name));
      setName('');
    } catch (err) {
      setErrors({ '': [m.failed(errorText(err, t))] });
    }
  };

  return (
    <form
      className={styles.section}
      aria-labelledby="start-program"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Subtitle2 as="h3" id="start-program">
        {m.title}
      </Subtitle2>
      <Field
        label={m.name}
        required
        validationMessage={errors.name?.join(' ')}
        hint={m.characters(name.length, PROGRAM_LIMITS.nameMaxLength)}
      >
        <Input
          value={name}
          maxLength={PROGRAM_LIMITS.nameMaxLength}
          onChange={(_, d) => {
            setName(d.value);
          }}
        />
      </Field>
      <div className={styles.row}>
        <Field label={m.howOften}>
          <Select
            value={cadence}
            onChange={(_, d) => {
              setCadence(d.value as Cadence);
            }}
          >
            {Object.entries(all.cadence).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={m.groupSize}>
          <Select
            value={groupSize}
            onChange={(_, d) => {
              setGroupSize(d.value);
            }}
          >
            {[2, 3, 4].map((n) => (
              <option key={n} value={String(n)}>
                {m.people(n)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={m.length}>
          <Select
            value={length}
            onChange={(_, d) => {
              setLength(d.value);
            }}
          >
            {[15, 20, 30].map((n) => (
              <option key={n} value={String(n)}>
                {m.minutes(n)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={m.timeOfDay}>
          <Select
            value={part}
            onChange={(_, d) => {
              setPart(d.value as DayPart);
            }}
          >
            {Object.entries(all.part).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={m.lookAhead} validationMessage={errors.lookAheadDays?.join(' ')}>
          <Select
            value={lookAhead}
            onChange={(_, d) => {
              setLookAhead(d.value);
            }}
          >
            {[1, 2, 3, 5, 10].map((n) => (
              <option key={n} value={String(n)}>
                {m.workingDays(n)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={m.noRepeatWithin} validationMessage={errors.avoidRepeatWeeks?.join(' ')}>
          <Select
            value={avoidWeeks}
            onChange={(_, d) => {
              setAvoidWeeks(d.value);
            }}
          >
            {[0, 4, 8, 12, 26, 52].map((n) => (
              <option key={n} value={String(n)}>
                {n === 0 ? m.noLimit : m.weeks(n)}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label={m.mix}
          checked={mix}
          onChange={(_, d) => {
            setMix(d.checked === true);
          }}
        />
      </div>
      <div>
        <Button type="submit" appearance="primary" disabled={start.isPending}>
          {m.submit}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {done ? <Body1>{done}</Body1> : null}
        {errors[''] ? (
          <MessageBar intent="error">
            <MessageBarBody>{errors[''].join(' ')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </form>
  );
}
