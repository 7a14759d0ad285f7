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
import { useT } from '../shared/i18n/i18n';

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
  const t = useT();
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
        {t.summaries.title}
      </Subtitle2>
      <div role="status" aria-live="polite" className={styles.live}>
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {summary.isPending ? <Body1 as="p">{t.summaries.looking}</Body1> : null}
      {summary.isError ? (
        <ErrorState
          title={t.summaries.loadFailed}
          error={summary.error}
          onRetry={() => void summary.refetch()}
        />
      ) : null}
      {summary.data?.kind === 'invalid' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.summaries.invalid}</MessageBarBody>
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
                {stored.record.postedMessageId ? t.summaries.posted : t.summaries.notConfirmed}
              </Body1>
            </>
          ) : (
            <Body1 as="p">{t.summaries.intro}</Body1>
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
              {stored ? t.summaries.edit : t.summaries.write}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
