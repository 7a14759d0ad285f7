import { Button, Body1, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FeedbackSection } from '../feedback/feedback-section';
import { PollStage } from '../feedback/poll-stage';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
import { FromLastTime } from '../summaries/from-last-time';
import { SummarySection } from '../summaries/summary-section';
import { useServices } from '../shared/services';
import { hasMeetingStage } from '../../domain/ports/host';
import { ExpectationsSection } from './expectations-section';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
});

/**
 * The meeting tab (details tab before, side panel during): the meeting's expectations for
 * everyone, the meeting's feedback poll, and in the side panel a way to share Rapport to the stage.
 */
export function MeetingPanel({ stageUrl }: { stageUrl: string }) {
  const styles = useStyles();
  const { host } = useServices();
  const t = useT();
  const context = host.context();
  const [shareState, setShareState] = useState<'idle' | 'sharing' | 'shared' | Error>('idle');
  const inSidePanel = context.frameContext === 'sidePanel';
  const source = context.chat?.id
    ? ({ kind: 'chat', chatId: context.chat.id } as const)
    : undefined;

  const share = async () => {
    setShareState('sharing');
    try {
      if (!(await host.canShareToStage())) throw new Error(t.meeting.cannotShare);
      await host.shareToStage(stageUrl);
      setShareState('shared');
    } catch (err) {
      setShareState(err instanceof Error ? err : new Error(String(err)));
    }
  };

  return (
    <main className={styles.page} aria-labelledby="meeting-panel-title">
      <Title3 as="h1" id="meeting-panel-title">
        {t.meeting.panelTitle}
      </Title3>
      {hasMeetingStage(context.hostName) ? null : <Body1 as="p">{t.meeting.noStageHere}</Body1>}
      {inSidePanel ? (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => void share()}
            disabled={shareState === 'sharing'}
          >
            {t.meeting.shareToStage}
          </Button>
          {shareState === 'shared' ? (
            <Text as="p" role="status">
              {t.meeting.sharedToStage}
            </Text>
          ) : null}
        </div>
      ) : null}
      {shareState instanceof Error ? (
        <ErrorState title={t.meeting.shareFailed} error={shareState} />
      ) : null}
      <FromLastTime source={source} />
      <ExpectationsSection source={source} />
      <SummarySection source={source} />
      <FeedbackSection source={source} stageUrl={stageUrl} />
    </main>
  );
}

/** What everyone sees on the meeting stage: a shared poll's count, or a note. */
export function MeetingStage({ pollId }: { pollId?: string | undefined }) {
  const styles = useStyles();
  const t = useT();
  return (
    <main className={styles.page} aria-labelledby="meeting-stage-title">
      <Title3 as="h1" id="meeting-stage-title">
        {t.meeting.stageTitle}
      </Title3>
      {pollId ? <PollStage pollId={pollId} /> : <Body1 as="p">{t.meeting.stageNote}</Body1>}
    </main>
  );
}
