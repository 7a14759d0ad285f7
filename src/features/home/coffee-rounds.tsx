import {
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { BookingOutcome } from '../../domain/ports/programs';
import { myRound, type MyRound } from '../../domain/social/my-round';
import type { Program } from '../../domain/social/program';
import type { Round } from '../../domain/social/round';
import type { Instant } from '../../domain/time/instant';
import { instant } from '../../domain/time/instant';
import { useServices } from '../shared/services';
import { useStackStyles } from '../shared/stack-styles';
import { DidYouMeet } from './did-you-meet';
import { timeIn } from './format';
import { useT } from '../shared/i18n/i18n';
import { iceBreakerText } from './ice-breaker';
import { errorText } from '../shared/error-text';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  prompt: { fontStyle: 'italic', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
});

const names = (people: readonly { name: string }[], and: string): string => {
  const list = people.map((p) => p.name);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')}${and}${list.at(-1) ?? ''}`;
};

const dayAndTime = (start: Instant, end: Instant, zone: string, locale: string) => {
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(start);
  return `${day}, ${timeIn(start, zone, locale)}–${timeIn(end, zone, locale)}`;
};

/**
 * Coffee programs I joined, on Home: my group this round with its slot in my own time, the
 * ice-breaker, and the host's one-click booking; or why I am not in a group this round. A round
 * that is due and unplanned is planned here, by whichever member opens Rapport first.
 */
export function CoffeeRounds({
  programs,
  rounds,
  meId,
  timeZone,
  locale,
}: {
  programs: readonly Program[];
  rounds: readonly Round[];
  meId: string;
  timeZone: string;
  locale: string;
}) {
  const styles = useStyles();
  const stack = useStackStyles();
  const t = useT();
  const { clock } = useServices();
  const now = clock.now();
  const mine = programs.flatMap((p) => {
    const round = rounds.find((r) => r.programId === p.id);
    const view = myRound(p, round, meId, now);
    return view ? [view] : [];
  });
  if (mine.length === 0) return null;
  return (
    <section className={stack.section} aria-labelledby="coffee-rounds">
      <Subtitle2 as="h2" id="coffee-rounds">
        {t.home.coffee.title}
      </Subtitle2>
      <ul className={stack.list}>
        {mine.map((view) => (
          <li key={view.program.id}>
            <Card className={styles.card} aria-label={view.program.name}>
              <Body1 as="h3">
                <strong>{view.program.name}</strong>
              </Body1>
              <RoundBody view={view} timeZone={timeZone} locale={locale} />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoundBody({
  view,
  timeZone,
  locale,
}: {
  view: MyRound;
  timeZone: string;
  locale: string;
}) {
  const styles = useStyles();
  const t = useT();
  const c = t.home.coffee;
  const date = (at: number) =>
    new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' }).format(at);
  switch (view.kind) {
    case 'waiting':
      return <Text>{c.firstRound(date(view.nextRoundAt))}</Text>;
    case 'nextRound':
      return <Text>{c.nextRound(date(view.nextRoundAt))}</Text>;
    case 'snoozed':
      return <Text>{c.snoozed(date(view.until))}</Text>;
    case 'toPlan':
      return <PlanRound program={view.program} number={view.number} />;
    case 'leftOut':
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {c.leftOut}
            {t.domainText.leftOut[view.why]}
          </MessageBarBody>
        </MessageBar>
      );
    case 'grouped':
      return (
        <>
          <Text>
            {c.meetingBefore}
            <strong>{names(view.others, c.and)}</strong>
            {c.meetingAfter}
          </Text>
          <Text>
            {dayAndTime(view.slot.start, view.slot.end, timeZone, locale)}{' '}
            <Caption1 className={styles.meta}>{c.yourTime}</Caption1>
          </Text>
          <Text className={styles.prompt}>
            {c.iceBreaker(iceBreakerText(view.round.prompt, t))}
          </Text>
          <Booking view={view} timeZone={timeZone} locale={locale} />
          {view.past ? <DidYouMeet programId={view.program.id} round={view.round.number} /> : null}
        </>
      );
  }
}

/** Plans the due round once per mount; the ETag'd create makes one member's plan win. */
function PlanRound({ program, number }: { program: Program; number: number }) {
  const { programs } = useServices();
  const t = useT();
  const queryClient = useQueryClient();
  const plan = useMutation({
    mutationFn: () => programs.planRound(program, number),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['home'] }),
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    plan.mutate();
  }, [plan]);
  if (plan.isError) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {t.home.coffee.planFailed(errorText(plan.error, t))}
          <Button
            size="small"
            onClick={() => {
              plan.mutate();
            }}
          >
            {t.shared.tryAgain}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <Spinner size="tiny" labelPosition="after" label={t.home.coffee.finding} />;
}

function Booking({
  view,
  timeZone,
  locale,
}: {
  view: Extract<MyRound, { kind: 'grouped' }>;
  timeZone: string;
  locale: string;
}) {
  const { programs } = useServices();
  const t = useT();
  const c = t.home.coffee;
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<BookingOutcome | undefined>(undefined);
  const book = useMutation({
    mutationFn: () => programs.book(view.program, view.round.number, view.groupIndex),
    onSuccess: (result) => {
      setOutcome(result);
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
  if (view.booked || outcome?.kind === 'booked') {
    const moved = outcome?.kind === 'booked' && outcome.moved;
    const slot =
      outcome?.kind === 'booked'
        ? {
            start: instant(Date.parse(outcome.slot.start)),
            end: instant(Date.parse(outcome.slot.end)),
          }
        : view.slot;
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {moved ? c.moved(dayAndTime(slot.start, slot.end, timeZone, locale)) : ''}
          {c.booked}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (view.past) return <Text>{c.passed}</Text>;
  if (!view.iAmHost) return <Text>{c.hostBooks(view.host.name)}</Text>;
  return (
    <>
      <Text>{c.youHost}</Text>
      <div>
        <Button
          appearance="primary"
          disabledFocusable={book.isPending}
          onClick={() => {
            book.mutate();
          }}
        >
          {book.isPending ? c.booking : c.bookIt}
        </Button>
      </div>
      {outcome?.kind === 'noSlot' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{c.noSlot}</MessageBarBody>
        </MessageBar>
      ) : null}
      {book.isError ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{c.bookFailed(errorText(book.error, t))}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
