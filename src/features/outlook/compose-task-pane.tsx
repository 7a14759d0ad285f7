import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AppointmentCompose, ComposeAttendee } from '../../domain/ports/appointment-compose';
import { FeedbackSection } from '../feedback/feedback-section';
import { ExpectationsSection } from '../meeting/expectations-section';
import type { MeetingSource } from '../meeting/meeting-source';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { useDraftSweep } from './use-draft-sweep';

/**
 * The Outlook add-in's task pane on a meeting being composed (issue 9): what Outlook's form holds
 * (subject, time, attendees), read through the AppointmentCompose port, and the meeting tab's own
 * expectations section and feedback poll for that meeting.
 *
 * Rapport's record is keyed by the meeting's `iCalUId`, which exists once Outlook has saved the
 * item: `saveAsync` gives its item id, `convertToRestId` its Graph id, and the section reads the
 * event (and so the `iCalUId`) through Graph, as Home opens a meeting by event id. A meeting never
 * saved asks to be saved first; one already saved (or sent) opens with what is stored, and saves
 * follow the meeting tab's rules (ETag, merge, conflicts). The invite section goes into the form's
 * body (the add-in's invite writer), keeping everything the organizer typed.
 */

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  facts: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { marginInlineStart: 0 },
  start: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
});

interface Meeting {
  subject: string;
  start: Date;
  end: Date;
  attendees: ComposeAttendee[];
  /** Graph's id of the saved item; undefined while Outlook never saved it. */
  eventId: string | undefined;
}

async function readMeeting(compose: AppointmentCompose): Promise<Meeting> {
  const [subject, start, end, required, optional, itemId] = await Promise.all([
    compose.getSubject(),
    compose.getStart(),
    compose.getEnd(),
    compose.getRequiredAttendees(),
    compose.getOptionalAttendees(),
    compose.getItemId(),
  ]);
  return {
    subject,
    start,
    end,
    attendees: [...required, ...optional],
    eventId: itemId === undefined ? undefined : compose.toRestId(itemId),
  };
}

export function ComposeTaskPane({ compose }: { compose: AppointmentCompose }) {
  const styles = useStyles();
  const t = useT();
  const { host } = useServices();
  const [meeting, setMeeting] = useState<Meeting | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  /** Saved from this pane just now: open straight into the editor. */
  const [justSaved, setJustSaved] = useState(false);
  // Records of earlier drafts discarded unsent go when the organizer next opens the pane.
  useDraftSweep();

  useEffect(() => {
    let live = true;
    readMeeting(compose).then(
      (m) => {
        if (live) setMeeting(m);
      },
      (err: unknown) => {
        if (live) setLoadError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [compose]);

  const saveMeeting = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const itemId = await compose.save();
      // Read again: the organizer may have changed the form since the pane opened.
      const saved = await readMeeting(compose);
      setMeeting({ ...saved, eventId: compose.toRestId(itemId) });
      setJustSaved(true);
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  if (loadError !== undefined) {
    return (
      <main className={styles.root}>
        <ErrorState title={t.outlook.reading} error={loadError} />
      </main>
    );
  }
  if (!meeting) {
    return (
      <main className={styles.root}>
        <Spinner label={t.outlook.reading} />
      </main>
    );
  }
  const timeFormat = new Intl.DateTimeFormat(host.context().locale || 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const source: MeetingSource | undefined =
    meeting.eventId === undefined ? undefined : { kind: 'event', eventId: meeting.eventId };
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {t.outlook.title}
      </Text>
      <dl className={styles.facts} aria-label={t.outlook.thisMeeting}>
        <dt className={styles.term}>{t.outlook.meeting}</dt>
        <dd className={styles.detail} data-testid="compose-subject" dir="auto">
          {meeting.subject || t.outlook.noSubject}
        </dd>
        <dt className={styles.term}>{t.outlook.when}</dt>
        <dd className={styles.detail}>
          {timeFormat.format(meeting.start)} – {timeFormat.format(meeting.end)}
        </dd>
        <dt className={styles.term}>{t.outlook.attendees}</dt>
        <dd className={styles.detail} dir="auto">
          {meeting.attendees.length === 0
            ? t.outlook.noAttendees
            : meeting.attendees.map((a) => a.displayName).join(', ')}
        </dd>
      </dl>
      {source === undefined ? (
        <div className={styles.start}>
          <Body1 as="p">{t.outlook.notSaved}</Body1>
          <Button appearance="primary" disabled={saving} onClick={() => void saveMeeting()}>
            {t.outlook.saveAndAdd}
          </Button>
          <div role="status">
            {saving ? <Spinner size="tiny" label={t.outlook.saving} /> : null}
          </div>
          {saveError !== undefined ? (
            <ErrorState
              title={t.outlook.saveFailed}
              error={saveError}
              onRetry={() => void saveMeeting()}
            />
          ) : null}
          <Body1 as="p">{t.outlook.pollNote}</Body1>
        </div>
      ) : (
        <>
          <ExpectationsSection source={source} startEditing={justSaved} />
          <FeedbackSection source={source} stageUrl={`${window.location.origin}/?view=stage`} />
        </>
      )}
    </main>
  );
}

/** Shown when the pane opened outside a meeting being composed. */
export function NotComposingMeeting({ reason }: { reason: string }) {
  const styles = useStyles();
  const t = useT();
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {t.outlook.title}
      </Text>
      <MessageBar intent="info">
        <MessageBarBody>{t.outlook.notComposing(reason)}</MessageBarBody>
      </MessageBar>
    </main>
  );
}
