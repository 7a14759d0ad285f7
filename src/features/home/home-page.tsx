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
  const [opened, setOpened] = useState<{ meeting: MeetingSummary; add: boolean } | undefined>();
  const locale = host.context().locale || 'en-US';

  if (home.isPending) {
    return (
      <main className={styles.page} aria-busy="true">
        <Title3 as="h1">Your next 7 days</Title3>
        <Skeleton aria-label="Loading your meetings">
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
        <Title3 as="h1">Your next 7 days</Title3>
        {needsSignIn(home.error) ? (
          <SignInPrompt onSignedIn={() => void home.refetch()} />
        ) : (
          <ErrorState
            title="Your meetings could not be loaded."
            error={home.error}
            onRetry={() => void home.refetch()}
          />
        )}
      </main>
    );
  }

  const { meetings, timeZone, me, deliverables, unreadable, expectationsUnavailable, social } =
    home.data;
  const now = clock.now();
  const days = groupByLocalDay(meetings, timeZone, now);
  return (
    <main className={styles.page}>
      <div className={styles.heading}>
        <Title3 as="h1">Your next 7 days</Title3>
        <Text as="p" size={200}>
          {me.displayName} · times in {zoneName(timeZone, locale, now)}
        </Text>
      </div>
      {expectationsUnavailable ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{expectationsUnavailable}</MessageBarBody>
        </MessageBar>
      ) : (
        <MyDeliverables deliverables={deliverables} today={localDateOf(now, timeZone)} />
      )}
      <WhereToGetHelp />
      <CoffeeRounds
        programs={social.programs}
        rounds={social.rounds}
        meId={me.id}
        timeZone={timeZone}
        locale={locale}
      />
      <FeedbackWaiting locale={locale} />
      {unreadable > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {unreadable === 1
              ? '1 stored expectation record was changed outside Rapport and cannot be shown. Its meeting’s organizer can open the meeting to start it over.'
              : `${String(unreadable)} stored expectation records were changed outside Rapport and cannot be shown. Their meetings’ organizers can open the meetings to start them over.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {days.length === 0 ? (
        <Text as="p">No meetings in the next 7 days. Enjoy the focus time.</Text>
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
