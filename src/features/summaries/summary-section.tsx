import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import { ErrorState } from '../shared/error-state';
import type { MeetingSource } from '../meeting/meeting-source';
import { useMeetingExpectations } from '../meeting/use-meeting-expectations';
import { SummaryEditor, type SummaryNotice } from './summary-editor';
import { SummaryPreview } from './summary-preview';
import { useSummary } from './use-summary';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalS,
  },
  start: { alignSelf: 'flex-start' },
  live: { ':empty': { display: 'none' } },
});

/**
 * The meeting's written summary in the meeting tab: the organizer writes, previews and posts it
 * to the meeting chat (and edits it later); everyone sees the posted summary here too. Needs the
 * meeting's chat, so only the tab in a meeting shows it, not Home.
 */
export function SummarySection({ source }: { source: MeetingSource | undefined }) {
  const query = useMeetingExpectations(source);
  if (source?.kind !== 'chat' || query.data?.kind !== 'found') return null;
  return <Loaded chatId={source.chatId} data={query.data.data} />;
}

function Loaded({ chatId, data }: { chatId: string; data: MeetingExpectations }) {
  const styles = useStyles();
  const titleId = useId();
  const summary = useSummary(data.meeting.iCalUId);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<SummaryNotice | undefined>(undefined);
  const [returnFocus, setReturnFocus] = useState(0);
  const openButton = useRef<HTMLButtonElement>(null);
  const isOrganizer = data.meeting.isOrganizer || data.organizerIds.includes(data.me.id);
  const stored = summary.data?.kind === 'found' ? summary.data : undefined;

  // Back from the editor, focus returns to the button that opened it.
  useEffect(() => {
    if (returnFocus > 0) openButton.current?.focus();
  }, [returnFocus]);

  if (!isOrganizer && stored === undefined) return null;
  const close = (next?: SummaryNotice) => {
    setEditing(false);
    setNotice(next);
    setReturnFocus((n) => n + 1);
  };

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        Meeting summary
      </Subtitle2>
      <div role="status" aria-live="polite" className={styles.live}>
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {summary.isPending ? <Body1 as="p">Looking for the meeting’s summary…</Body1> : null}
      {summary.isError ? (
        <ErrorState
          title="The meeting’s summary could not be loaded."
          error={summary.error}
          onRetry={() => void summary.refetch()}
        />
      ) : null}
      {summary.data?.kind === 'invalid' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            The stored summary was changed outside Rapport and no longer reads correctly. Ask
            whoever changed it, or have a site owner remove it, before writing a new one.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {editing ? (
        <SummaryEditor
          data={data}
          chatId={chatId}
          stored={stored}
          onDone={close}
          onCancel={() => {
            close();
          }}
        />
      ) : summary.isSuccess && summary.data.kind !== 'invalid' ? (
        <>
          {stored ? (
            <>
              <SummaryPreview
                subject={stored.record.subject}
                content={stored.record.content}
                headingId={`${titleId}-posted`}
              />
              <Body1 as="p">
                {stored.record.postedMessageId
                  ? 'Posted to the meeting chat.'
                  : 'Saved, but not yet confirmed in the meeting chat: open it and post again.'}
              </Body1>
            </>
          ) : (
            <Body1 as="p">
              After the meeting, post a summary to the meeting chat: the expectations are filled in,
              you add decisions and next steps.
            </Body1>
          )}
          {isOrganizer ? (
            <Button
              ref={openButton}
              className={styles.start}
              appearance={stored ? 'secondary' : 'primary'}
              onClick={() => {
                setNotice(undefined);
                setEditing(true);
              }}
            >
              {stored ? 'Edit summary' : 'Write summary'}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
