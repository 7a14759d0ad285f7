import {
  Badge,
  Body1,
  Caption1,
  Card,
  CardHeader,
  Link,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { groupByLocalDay } from '../../domain/meetings/upcoming-days';
import type { MeetingSummary } from '../../domain/meetings/meeting';
import { ErrorState } from '../shared/error-state';
import { useServices } from '../shared/services';
import { SignInPrompt, needsSignIn } from '../shared/sign-in-prompt';
import { dayHeading, timeIn, zoneName } from './format';
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
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  time: { minWidth: '7.5rem', color: tokens.colorNeutralForeground2 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  cancelled: { textDecorationLine: 'line-through' },
});

function MeetingCard({
  meeting,
  zone,
  locale,
}: {
  meeting: MeetingSummary;
  zone: string;
  locale: string;
}) {
  const styles = useStyles();
  const when = meeting.isAllDay
    ? 'All day'
    : `${timeIn(meeting.start, zone, locale)} – ${timeIn(meeting.end, zone, locale)}`;
  return (
    <li>
      <Card size="small" aria-label={`${meeting.subject || 'Untitled meeting'}, ${when}`}>
        <CardHeader
          image={<Caption1 className={styles.time}>{when}</Caption1>}
          header={
            <Body1 className={meeting.isCancelled ? styles.cancelled : undefined}>
              <strong>{meeting.subject || 'Untitled meeting'}</strong>
            </Body1>
          }
          description={
            <div className={styles.badges}>
              <Caption1>
                {meeting.isOrganizer ? 'You organize' : `Organizer: ${meeting.organizerName}`}
              </Caption1>
              {meeting.isCancelled ? (
                <Badge appearance="tint" color="danger">
                  Cancelled
                </Badge>
              ) : null}
              {meeting.response === 'tentative' ? (
                <Badge appearance="tint" color="warning">
                  Tentative
                </Badge>
              ) : null}
              {meeting.response === 'notResponded' && !meeting.isOrganizer ? (
                <Badge appearance="outline">Not answered</Badge>
              ) : null}
              {meeting.isOnline && meeting.joinUrl ? (
                <Link href={meeting.joinUrl} target="_blank" rel="noreferrer">
                  Join in Teams
                </Link>
              ) : null}
            </div>
          }
        />
      </Card>
    </li>
  );
}

/** The personal tab: my next seven days, in my own time zone. */
export function HomePage() {
  const styles = useStyles();
  const { clock, host } = useServices();
  const home = useHome();
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

  const { meetings, timeZone, me } = home.data;
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
      {days.length === 0 ? (
        <Text as="p">No meetings in the next 7 days. Enjoy the focus time.</Text>
      ) : (
        days.map((day) => (
          <section key={day.date} className={styles.day} aria-labelledby={`day-${day.date}`}>
            <Subtitle2 as="h2" id={`day-${day.date}`}>
              {dayHeading(day.date, locale)}
            </Subtitle2>
            <ul className={styles.list}>
              {day.meetings.map((m) => (
                <MeetingCard key={m.id} meeting={m} zone={timeZone} locale={locale} />
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}
