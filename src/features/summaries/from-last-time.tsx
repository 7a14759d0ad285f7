import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import { attendeeNames } from '../meeting/labels';
import { useT } from '../shared/i18n/i18n';
import type { MeetingSource } from '../meeting/meeting-source';
import { useMeetingExpectations } from '../meeting/use-meeting-expectations';
import { useServices } from '../shared/services';
import { useLastOccurrence } from './use-summary';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * "From last time": in an occurrence of a recurring meeting, the deliverables agreed at the
 * previous occurrence with their status now, first thing in the tab, so commitments are checked
 * rather than forgotten. Shows nothing for single meetings or when last time agreed nothing.
 */
export function FromLastTime({ source }: { source: MeetingSource | undefined }) {
  const query = useMeetingExpectations(source);
  if (query.data?.kind !== 'found' || query.data.data.meeting.seriesKey === undefined) return null;
  return <Loaded data={query.data.data} />;
}

function Loaded({ data }: { data: MeetingExpectations }) {
  const styles = useStyles();
  const t = useT();
  const titleId = useId();
  const last = useLastOccurrence(data.meeting);
  const locale = useServices().host.context().locale || 'en-US';
  if (!last.data) return null;
  const nameOf = attendeeNames(data.attendees, t);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(
    new Date(last.data.start),
  );
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        {t.summaries.fromLastTime}
      </Subtitle2>
      <Body1 as="p">{t.summaries.agreedOn(when)}</Body1>
      <ul className={styles.list}>
        {last.data.deliverables.map(({ deliverable: d }) => (
          <li key={d.id}>
            <strong>{d.title}</strong>
            {t.summaries.ownerDue(nameOf(d.ownerId), d.due, t.meeting.status[d.status])}
            {'obstacle' in d && d.obstacle ? ` (${d.obstacle})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
