import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MeetingSummary } from '../../domain/meetings/meeting';
import { useT } from '../shared/i18n/i18n';
import { timeIn } from './format';

const useStyles = makeStyles({
  time: { minWidth: '7.5rem', color: tokens.colorNeutralForeground2 },
  badges: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  cancelled: { textDecorationLine: 'line-through' },
  purpose: { color: tokens.colorNeutralForeground2 },
});

/** One meeting on Home, with whether it has expectations and, for its organizer, a way to add them. */
export function MeetingCard({
  meeting,
  zone,
  locale,
  onOpenExpectations,
}: {
  meeting: MeetingSummary;
  zone: string;
  locale: string;
  /** Opens the meeting's expectations; `add` when the organizer has none to show yet. */
  onOpenExpectations?: (meeting: MeetingSummary, add: boolean) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const subject = meeting.subject || t.shared.untitledMeeting;
  const when = meeting.isAllDay
    ? t.home.allDay
    : `${timeIn(meeting.start, zone, locale)} – ${timeIn(meeting.end, zone, locale)}`;
  const needsPurpose =
    meeting.isOrganizer && !meeting.isCancelled && meeting.expectations === undefined;
  return (
    <li>
      <Card size="small" aria-label={`${subject}, ${when}`}>
        <CardHeader
          image={<Caption1 className={styles.time}>{when}</Caption1>}
          header={
            <Body1 className={meeting.isCancelled ? styles.cancelled : undefined}>
              <strong>{subject}</strong>
            </Body1>
          }
          description={
            <div className={styles.badges}>
              <Caption1>
                {meeting.isOrganizer ? t.home.youOrganize : t.home.organizer(meeting.organizerName)}
              </Caption1>
              {meeting.isCancelled ? (
                <Badge appearance="tint" color="danger">
                  {t.home.cancelled}
                </Badge>
              ) : null}
              {meeting.response === 'tentative' ? (
                <Badge appearance="tint" color="warning">
                  {t.home.tentative}
                </Badge>
              ) : null}
              {meeting.response === 'notResponded' && !meeting.isOrganizer ? (
                <Badge appearance="outline">{t.home.notAnswered}</Badge>
              ) : null}
              {meeting.expectations ? (
                <Badge appearance="tint" color="success">
                  {meeting.expectations.scope === 'series'
                    ? t.home.expectationsSetSeries
                    : t.home.expectationsSet}
                </Badge>
              ) : needsPurpose ? (
                <Badge appearance="tint" color="warning">
                  {t.home.noPurposeYet}
                </Badge>
              ) : null}
              {meeting.isOnline && meeting.joinUrl ? (
                <Link href={meeting.joinUrl} target="_blank" rel="noreferrer">
                  {t.home.joinInTeams}
                </Link>
              ) : null}
            </div>
          }
        />
        {meeting.expectations ? (
          <Caption1 as="p" className={styles.purpose} dir="auto">
            {meeting.expectations.purpose}
          </Caption1>
        ) : null}
        {onOpenExpectations && (needsPurpose || meeting.expectations) ? (
          <div>
            <Button
              size="small"
              appearance={needsPurpose ? 'primary' : 'secondary'}
              aria-label={
                needsPurpose
                  ? t.home.addExpectationsTo(subject)
                  : t.home.openExpectationsOf(subject)
              }
              onClick={() => {
                onOpenExpectations(meeting, needsPurpose);
              }}
            >
              {needsPurpose ? t.home.addExpectations : t.home.openExpectations}
            </Button>
          </div>
        ) : null}
      </Card>
    </li>
  );
}
