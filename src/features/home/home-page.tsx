import {
  MessageBar,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { groupByLocalDay } from '../../domain/meetings/upcoming-days';
import { useState } from 'react';
import type { MeetingSummary } from '../../domain/meetings/meeting';
import { localDateOf } from '../../domain/time/zones';
import { WhereToGetHelp } from '../commitments/where-to-get-help';
import { FeedbackWaiting } from '../feedback/feedback-waiting';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { useStackStyles } from '../shared/stack-styles';
import { SignInPrompt, needsSignIn } from '../shared/sign-in-prompt';
import { dayHeading, zoneName } from './format';
import { CoffeeRounds } from './coffee-rounds';
import { ExpectationsDialog } from './expectations-dialog';
import { MeetingCard } from './meeting-card';
import { MyDeliverables } from './my-deliverables';
import { useHome } from './use-home';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '880px',
  },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  day: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The personal tab: my next seven days, in my own time zone. */
export function HomePage() {
  const styles = useStyles();
  const stack = useStackStyles();
  const { clock, host } = useServices();
  const home = useHome();
  const t = useT();
  const [opened, setOpened] = useState<{ meeting: MeetingSummary; add: boolean } | undefined>();
  const locale = host.context().locale || 'en-US';

  if (home.isPending) {
    return (
      <main className={styles.page} aria-busy="true">
        <Title3 as="h1">{t.home.title}</Title3>
        <Skeleton aria-label={t.home.loading}>
          <SkeletonItem size={48} />
          <SkeletonItem size={48} />
          <SkeletonItem size={48} />
        </Skeleton>
      </main>
    );
  }
  if (home.isError) {
    return (
      <main className={styles.page}>
        <Title3 as="h1">{t.home.title}</Title3>
        {needsSignIn(home.error) ? (
          <SignInPrompt onSignedIn={() => void home.refetch()} />
        ) : (
          <ErrorState
            title={t.home.loadFailed}
            error={home.error}
            onRetry={() => void home.refetch()}
          />
        )}
      </main>
    );
  }

  const {
    meetings,
    timeZone,
    me,
    deliverables,
    unreadable,
    expectationsUnavailable,
    social,
    recentMeetings,
    resources,
  } = home.data;
  const now = clock.now();
  const days = groupByLocalDay(meetings, timeZone, now);
  return (
    <main className={styles.page}>
      <div className={styles.heading}>
        <Title3 as="h1">{t.home.title}</Title3>
        <Text as="p" size={200}>
          {t.home.timesIn(me.displayName, zoneName(timeZone, locale, now))}
        </Text>
      </div>
      {expectationsUnavailable ? (
        <MessageBar intent="info" layout="multiline">
          {/* The reader only ever sets it when the team site is closed to this person. */}
          <MessageBarBody>{t.graphErrors.siteClosed}</MessageBarBody>
        </MessageBar>
      ) : (
        <MyDeliverables deliverables={deliverables} today={localDateOf(now, timeZone)} />
      )}
      <WhereToGetHelp read={resources} />
      <CoffeeRounds
        programs={social.programs}
        rounds={social.rounds}
        meId={me.id}
        timeZone={timeZone}
        locale={locale}
      />
      <FeedbackWaiting locale={locale} recent={recentMeetings} />
      {unreadable > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.home.unreadable(unreadable)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {days.length === 0 ? (
        <Text as="p">{t.home.noMeetings}</Text>
      ) : (
        days.map((day) => (
          <section key={day.date} className={styles.day} aria-labelledby={`day-${day.date}`}>
            <Subtitle2 as="h2" id={`day-${day.date}`}>
              {dayHeading(day.date, locale)}
            </Subtitle2>
            <ul className={stack.list}>
              {day.meetings.map((m) => (
                <MeetingCard
                  key={m.id}
                  meeting={m}
                  zone={timeZone}
                  locale={locale}
                  {...(expectationsUnavailable
                    ? {}
                    : {
                        onOpenExpectations: (meeting: MeetingSummary, add: boolean) => {
                          setOpened({ meeting, add });
                        },
                      })}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      {opened ? (
        <ExpectationsDialog
          meeting={opened.meeting}
          add={opened.add}
          onClose={() => {
            setOpened(undefined);
          }}
        />
      ) : null}
    </main>
  );
}
