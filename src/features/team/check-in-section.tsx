import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CHECK_IN_LIMITS,
  checkInAnswerSchema,
  shiftWeek,
  type CheckInPerson,
  type CheckInState,
  type IsoWeek,
  type MyCheckInAnswer,
} from '../../domain/checkins/check-in';
import { ErrorState } from '../shared/error-state';
import { useErrorText } from '../shared/error-text';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { useStackStyles } from '../shared/stack-styles';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  answer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const CHECK_IN_KEY = ['check-in'] as const;
const answersKey = (week: IsoWeek) => ['check-in-answers', week] as const;

/**
 * The weekly check-in in the channel tab: "Anything blocking you this week?", answered privately
 * to the team's one lead. Whoever turns it on leads it, so the lead is named above the question,
 * before anyone answers: a person who made themselves lead is seen as such by everyone.
 */
export function CheckInSection() {
  const styles = useStyles();
  const m = useT().team.checkIn;
  const { checkIn } = useServices();
  const query = useQuery({
    queryKey: CHECK_IN_KEY,
    queryFn: () => checkIn.state(),
    retry: 1,
  });
  return (
    <section className={styles.section} aria-labelledby="check-in-heading">
      <Subtitle2 as="h2" id="check-in-heading">
        {m.title}
      </Subtitle2>
      {query.isPending ? (
        <Body1 as="p">{m.loading}</Body1>
      ) : query.isError ? (
        <ErrorState title={m.loadFailed} error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.enabled ? (
        <CheckInOn state={query.data} />
      ) : (
        <TurnOn />
      )}
    </section>
  );
}

/** Sets the section's state from a mutation's answer: the relay's word, not a guess. */
function useSetState() {
  const queryClient = useQueryClient();
  return (state: CheckInState) => {
    queryClient.setQueryData(CHECK_IN_KEY, state);
    void queryClient.invalidateQueries({ queryKey: ['check-in-answers'] });
  };
}

function TurnOn() {
  const styles = useStyles();
  const m = useT().team.checkIn;
  const messageOf = useErrorText();
  const { checkIn } = useServices();
  const setState = useSetState();
  const queryClient = useQueryClient();
  const turnOn = useMutation({
    mutationFn: () => checkIn.turnOn(),
    onSuccess: setState,
    // Someone else may have turned it on meanwhile: show who leads it now.
    onError: () => void queryClient.invalidateQueries({ queryKey: CHECK_IN_KEY }),
  });
  return (
    <div className={styles.form}>
      <Body1 as="p">{m.off(m.question)}</Body1>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={turnOn.isPending}
          onClick={() => {
            turnOn.mutate();
          }}
        >
          {m.turnOn}
        </Button>
      </div>
      {turnOn.isError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{messageOf(turnOn.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

function CheckInOn({ state }: { state: Extract<CheckInState, { enabled: true }> }) {
  const m = useT().team.checkIn;
  const { lead, isLead, mine, week } = state;
  return (
    <>
      <MessageBar intent="info">
        <MessageBarBody>{isLead ? m.youLead : m.ledBy(lead.name)}</MessageBarBody>
      </MessageBar>
      <MyAnswer
        // A new answer from the relay starts the form afresh from it.
        key={mine ? `${mine.day}:${String(mine.blocked)}:${mine.note}:${mine.lead.id}` : 'none'}
        week={week}
        lead={lead}
        isLead={isLead}
        mine={mine}
      />
      {isLead ? <LeadView week={week} /> : null}
    </>
  );
}

function MyAnswer({
  week,
  lead,
  isLead,
  mine,
}: {
  week: IsoWeek;
  lead: CheckInPerson;
  isLead: boolean;
  mine: MyCheckInAnswer | null;
}) {
  const styles = useStyles();
  const m = useT().team.checkIn;
  const messageOf = useErrorText();
  const { checkIn } = useServices();
  const setState = useSetState();
  const [blocked, setBlocked] = useState<'yes' | 'no' | ''>(
    mine ? (mine.blocked ? 'yes' : 'no') : '',
  );
  const [note, setNote] = useState(mine?.note ?? '');
  const [errors, setErrors] = useState<{ blocked?: string; note?: string }>({});
  const send = useMutation({
    mutationFn: (input: { blocked: boolean; note: string }) => checkIn.answer(input),
    onSuccess: setState,
  });
  const noteError =
    note.trim().length > CHECK_IN_LIMITS.note ? m.noteTooLong(CHECK_IN_LIMITS.note) : errors.note;

  const submit = () => {
    if (blocked === '') {
      setErrors({ blocked: m.chooseYesNo });
      return;
    }
    const parsed = checkInAnswerSchema.safeParse({ blocked: blocked === 'yes', note });
    if (!parsed.success) {
      // The note's one rule is its length: say it in the user's language, not the schema's.
      setErrors({ note: m.noteTooLong(CHECK_IN_LIMITS.note) });
      return;
    }
    setErrors({});
    send.mutate(parsed.data);
  };

  return (
    <form
      className={styles.form}
      aria-label={m.myAnswer}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {mine ? (
        <Body1 as="p">
          {m.yourAnswer(
            week,
            mine.lead.id !== lead.id
              ? { kind: 'formerLead', name: mine.lead.name }
              : isLead
                ? { kind: 'self' }
                : { kind: 'lead', name: lead.name },
            mine.day,
            mine.blocked,
            mine.note,
          )}
        </Body1>
      ) : (
        <Body1 as="p">{m.notAnswered(week)}</Body1>
      )}
      <Field
        label={m.question}
        required
        validationState={errors.blocked ? 'error' : 'none'}
        validationMessage={errors.blocked}
      >
        <RadioGroup
          value={blocked}
          onChange={(_, d) => {
            setBlocked(d.value === 'yes' ? 'yes' : 'no');
            setErrors((e) => ({ ...e, blocked: undefined }));
          }}
        >
          <Radio value="no" label={m.no} />
          <Radio value="yes" label={m.yes} />
        </RadioGroup>
      </Field>
      <Field
        label={m.note}
        hint={m.noteHint(note.trim().length, CHECK_IN_LIMITS.note)}
        validationState={noteError ? 'error' : 'none'}
        validationMessage={noteError}
      >
        <Textarea
          value={note}
          resize="vertical"
          onChange={(_, d) => {
            setNote(d.value);
          }}
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={send.isPending}>
          {mine ? m.update : m.send}
        </Button>
        {send.isPending ? <Caption1>{m.sending}</Caption1> : null}
      </div>
      {send.isError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{m.notSent(messageOf(send.error))}</MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}

/** The lead's view: a week's answers (blocked first, notes as text), earlier weeks, hand-over. */
function LeadView({ week: current }: { week: IsoWeek }) {
  const styles = useStyles();
  const stack = useStackStyles();
  const m = useT().team.checkIn;
  const { checkIn } = useServices();
  const [week, setWeek] = useState(current);
  const answers = useQuery({
    queryKey: answersKey(week),
    queryFn: () => checkIn.answers(week),
    retry: 1,
  });
  return (
    <section className={styles.section} aria-labelledby="check-in-answers-heading">
      <Subtitle2 as="h3" id="check-in-answers-heading">
        {m.answersFor(week, week === current)}
      </Subtitle2>
      <div className={styles.row}>
        <Button
          onClick={() => {
            setWeek(shiftWeek(week, -1));
          }}
        >
          {m.previousWeek}
        </Button>
        <Button
          disabled={week === current}
          onClick={() => {
            setWeek(shiftWeek(week, 1));
          }}
        >
          {m.nextWeek}
        </Button>
        <Button onClick={() => void answers.refetch()}>{m.refresh}</Button>
      </div>
      {answers.isPending ? (
        <Body1 as="p">{m.loadingAnswers}</Body1>
      ) : answers.isError ? (
        <ErrorState
          title={m.answersFailed}
          error={answers.error}
          onRetry={() => void answers.refetch()}
        />
      ) : answers.data.answers.length === 0 ? (
        <Body1 as="p">{m.noAnswers(week)}</Body1>
      ) : (
        <>
          <Body1 as="p">
            {m.blockedCount(
              answers.data.answers.filter((a) => a.blocked).length,
              answers.data.answers.length,
            )}
          </Body1>
          <ul className={stack.list} aria-label={m.answersList(week)}>
            {answers.data.answers.map((a) => (
              <li key={a.person.id} className={styles.answer}>
                <div className={styles.row}>
                  <Text weight="semibold">{a.person.name}</Text>
                  <Badge
                    appearance={a.blocked ? 'filled' : 'outline'}
                    color={a.blocked ? 'danger' : 'success'}
                  >
                    {a.blocked ? m.blocked : m.notBlocked}
                  </Badge>
                  <Caption1>{a.day}</Caption1>
                </div>
                {a.note ? <Body1 className={styles.note}>{a.note}</Body1> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <LeadControls people={answers.data?.people ?? []} />
    </section>
  );
}

function LeadControls({ people }: { people: readonly { id: string; name: string }[] }) {
  const styles = useStyles();
  const m = useT().team.checkIn;
  const messageOf = useErrorText();
  const { checkIn } = useServices();
  const setState = useSetState();
  const [to, setTo] = useState('');
  const change = useMutation({
    mutationFn: (c: { kind: 'off' } | { kind: 'handOver'; personId: string }) =>
      c.kind === 'off' ? checkIn.turnOff() : checkIn.handOver(c.personId),
    onSuccess: setState,
  });
  return (
    <div className={styles.form}>
      <Caption1>{m.handOverNote}</Caption1>
      <div className={styles.row}>
        <Field label={m.handOverTo} hint={people.length === 0 ? m.handOverHint : undefined}>
          <Select
            value={to}
            disabled={people.length === 0}
            onChange={(_, d) => {
              setTo(d.value);
            }}
          >
            <option value="">{m.choosePerson}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          disabled={to === '' || change.isPending}
          onClick={() => {
            change.mutate({ kind: 'handOver', personId: to });
          }}
        >
          {m.handOver}
        </Button>
        <Button
          disabled={change.isPending}
          onClick={() => {
            change.mutate({ kind: 'off' });
          }}
        >
          {m.turnOff}
        </Button>
      </div>
      {change.isError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{messageOf(change.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
