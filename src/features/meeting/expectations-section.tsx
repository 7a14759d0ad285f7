import {
  Body1,
  MessageBar,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { permissionsFor } from '../../domain/expectations/permissions';
import type { MeetingExpectations } from '../../domain/ports/expectations';
import { ErrorState } from '../shared/error-state';
import { wordedText } from '../shared/graph-text';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { SignInPrompt, needsSignIn } from '../shared/sign-in-prompt';
import { ExpectationsEditor, type EditSession } from './expectations-editor';
import type { MeetingSource } from './meeting-source';
import { ExpectationsView } from './expectations-view';
import { inviteMessage, type Notice } from './messages';
import { effectiveOf } from './save-plan';
import { useInviteCatchUp, useMeetingExpectations } from './use-meeting-expectations';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // The live region stays in the page even when empty; it should not add a gap then.
  live: { ':empty': { marginBottom: `calc(-1 * ${tokens.spacingVerticalM})` } },
});

/**
 * The meeting's expectations in the meeting tab (details tab and side panel): loading, the read
 * view, and the organizer's editor. Status messages go to one polite live region that stays in
 * the page, so they are announced whichever view is showing.
 */
export function ExpectationsSection({
  source,
  startEditing = false,
}: {
  source: MeetingSource | undefined;
  /** Open straight into the editor when the meeting has none yet and this person may add them. */
  startEditing?: boolean;
}) {
  const styles = useStyles();
  const t = useT();
  const query = useMeetingExpectations(source);

  if (source === undefined) {
    return <Body1 as="p">{t.meeting.openFromMeeting}</Body1>;
  }
  if (query.isPending) {
    return (
      <div className={styles.area} aria-busy="true">
        <Skeleton aria-label={t.meeting.loadingExpectations}>
          <SkeletonItem size={24} />
          <SkeletonItem size={48} />
          <SkeletonItem size={48} />
        </Skeleton>
      </div>
    );
  }
  if (query.isError) {
    return needsSignIn(query.error) ? (
      <SignInPrompt onSignedIn={() => void query.refetch()} />
    ) : (
      <ErrorState
        title={t.meeting.expectationsLoadFailed}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.data.kind === 'notFound') {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{wordedText(query.data, t)}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <Loaded
      source={source}
      startEditing={startEditing}
      data={query.data.data}
      refreshing={query.isFetching}
      onRefresh={() => void query.refetch()}
    />
  );
}

function Loaded({
  source,
  startEditing,
  data,
  refreshing,
  onRefresh,
}: {
  source: MeetingSource;
  startEditing: boolean;
  data: MeetingExpectations;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const { host } = useServices();
  const locale = host.context().locale || 'en-US';
  const [session, setSession] = useState<EditSession | undefined>(() => {
    const { canEditAll } = permissionsFor(data.me.id, data.organizerIds, undefined);
    const empty = effectiveOf(data) === undefined && data.invalid === undefined;
    return startEditing && canEditAll && empty ? { data, startOver: false } : undefined;
  });
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [returnFocus, setReturnFocus] = useState(0);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const catchUp = useInviteCatchUp(data);

  // Back from the editor, focus returns to the button that opened it.
  useEffect(() => {
    if (returnFocus > 0) editButtonRef.current?.focus();
  }, [returnFocus]);

  const open = (startOver: boolean) => {
    setNotice(undefined);
    setSession({ data, startOver });
  };
  const close = (next?: Notice) => {
    setSession(undefined);
    setNotice(next);
    setReturnFocus((n) => n + 1);
  };
  const catchUpNotice =
    catchUp.data === 'updated' || (typeof catchUp.data === 'object' && 'failed' in catchUp.data)
      ? inviteMessage(catchUp.data, t)
      : undefined;
  const shown = notice ?? catchUpNotice;

  return (
    <div className={styles.area}>
      <div role="status" aria-live="polite" className={styles.live}>
        {shown ? (
          <MessageBar intent={shown.intent} layout="multiline">
            <MessageBarBody>{shown.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {session ? (
        <ExpectationsEditor
          source={source}
          session={session}
          onDone={close}
          onCancel={() => {
            close();
          }}
        />
      ) : (
        <ExpectationsView
          source={source}
          data={data}
          locale={locale}
          refreshing={refreshing}
          onEdit={() => {
            open(false);
          }}
          onStartOver={() => {
            open(true);
          }}
          onRefresh={onRefresh}
          editButtonRef={editButtonRef}
        />
      )}
    </div>
  );
}
