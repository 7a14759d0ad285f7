import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { renderInviteSection, replaceSection } from '../../domain/expectations/invite-section';
import { purposeSchema } from '../../domain/expectations/schema';
import type { AppointmentCompose, ComposeAttendee } from '../../domain/ports/appointment-compose';

/**
 * The Outlook add-in's task pane on a meeting being composed (issue 9, first step): what Outlook's
 * form holds (subject, time, attendees), read through the AppointmentCompose port, and the
 * meeting's purpose written into the invite as Rapport's section, keeping everything the
 * organizer typed (`replaceSection`, the meeting tab's invite code). The full expectations editor
 * and the stored record come next.
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
});

interface Meeting {
  subject: string;
  start: Date;
  end: Date;
  attendees: ComposeAttendee[];
}

async function readMeeting(compose: AppointmentCompose): Promise<Meeting> {
  const [subject, start, end, required, optional] = await Promise.all([
    compose.getSubject(),
    compose.getStart(),
    compose.getEnd(),
    compose.getRequiredAttendees(),
    compose.getOptionalAttendees(),
  ]);
  return { subject, start, end, attendees: [...required, ...optional] };
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function ComposeTaskPane({ compose }: { compose: AppointmentCompose }) {
  const styles = useStyles();
  const [meeting, setMeeting] = useState<Meeting | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [purpose, setPurpose] = useState('');
  const [purposeError, setPurposeError] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    readMeeting(compose).then(
      (m) => {
        if (live) setMeeting(m);
      },
      (err: unknown) => {
        if (live) setLoadError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [compose]);

  const addToInvite = async () => {
    const parsed = purposeSchema.safeParse(purpose);
    if (!parsed.success) {
      setPurposeError(parsed.error.issues[0]?.message ?? 'Check the purpose.');
      return;
    }
    setPurposeError(undefined);
    setStatus({ kind: 'saving' });
    try {
      const section = renderInviteSection(
        {
          purpose: parsed.data,
          outcome: '',
          agenda: [],
          roles: [],
          deliverables: [],
          successMetrics: [],
        },
        () => undefined,
      );
      const body = await compose.getBodyHtml();
      await compose.setBodyHtml(replaceSection(body, section));
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  if (loadError !== undefined) {
    return (
      <main className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>{loadError}</MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  if (!meeting) {
    return (
      <main className={styles.root}>
        <Spinner label="Reading the meeting…" />
      </main>
    );
  }
  const attendeeCount = meeting.attendees.length;
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        Rapport
      </Text>
      <dl className={styles.facts} aria-label="This meeting">
        <dt className={styles.term}>Meeting</dt>
        <dd className={styles.detail} data-testid="compose-subject">
          {meeting.subject || '(no subject yet)'}
        </dd>
        <dt className={styles.term}>When</dt>
        <dd className={styles.detail}>
          {timeFormat.format(meeting.start)} – {timeFormat.format(meeting.end)}
        </dd>
        <dt className={styles.term}>Attendees</dt>
        <dd className={styles.detail}>
          {attendeeCount === 0
            ? 'None yet'
            : meeting.attendees.map((a) => a.displayName).join(', ')}
        </dd>
      </dl>
      <Field
        label="Purpose"
        hint="One or two sentences: why this meeting, and what it should decide or produce."
        required
        {...(purposeError
          ? { validationState: 'error' as const, validationMessage: purposeError }
          : {})}
      >
        <Textarea
          value={purpose}
          onChange={(_, data) => {
            setPurpose(data.value);
            if (status.kind !== 'saving') setStatus({ kind: 'idle' });
          }}
          resize="vertical"
        />
      </Field>
      <div>
        <Button
          appearance="primary"
          disabled={status.kind === 'saving'}
          onClick={() => {
            void addToInvite();
          }}
        >
          Add to the invite
        </Button>
      </div>
      <div role="status">
        {status.kind === 'saved' && (
          <MessageBar intent="success">
            <MessageBarBody>
              Added to the invite. Your own text in the invite is kept as it is.
            </MessageBarBody>
          </MessageBar>
        )}
        {status.kind === 'saving' && <Spinner size="tiny" label="Writing the invite…" />}
      </div>
      {status.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}

/** Shown when the pane opened outside a meeting being composed. */
export function NotComposingMeeting({ reason }: { reason: string }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        Rapport
      </Text>
      <MessageBar intent="info">
        <MessageBarBody>
          Open Rapport from the ribbon of a meeting you are scheduling in Outlook. ({reason})
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
