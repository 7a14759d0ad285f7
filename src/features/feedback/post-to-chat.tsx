import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { PollView } from '../../domain/ports/feedback';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { SignInPrompt, needsSignIn } from '../shared/sign-in-prompt';
import { pollChatPost } from './poll-chat-post';
import { useChatPosted, usePostToChat } from './use-chat-post';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
});

/**
 * The poll creator's "Post link to meeting chat": a short message with a link to this tab, posted
 * once (the chat is looked at first, by the message's marker), then "Posted to the meeting chat".
 */
export function PostToChat({
  poll,
  chatId,
  meetingSubject,
}: {
  poll: PollView;
  chatId: string;
  meetingSubject: string;
}) {
  const styles = useStyles();
  const t = useT();
  const m = t.feedback.chat;
  const { host, teamsAppId } = useServices();
  const context = host.context();
  const post = useMemo(
    () =>
      pollChatPost({
        pollId: poll.id,
        meetingSubject,
        closesAt: poll.closesAt,
        chatId,
        teamsAppId,
        ...(context.pageId === undefined ? {} : { tabEntityId: context.pageId }),
        locale: context.locale,
        t,
      }),
    [poll.id, poll.closesAt, meetingSubject, chatId, teamsAppId, context.pageId, context.locale, t],
  );
  const posted = useChatPosted(chatId, post.marker);
  const send = usePostToChat(chatId, post);
  const failure = posted.isError ? posted.error : send.isError ? send.error : undefined;

  if (failure !== undefined && needsSignIn(failure)) {
    return (
      <SignInPrompt
        onSignedIn={() => {
          send.reset();
          void posted.refetch();
        }}
      />
    );
  }
  const isPosted = posted.data === true;
  return (
    <div className={styles.box}>
      {isPosted ? null : (
        <Button
          onClick={() => {
            send.mutate();
          }}
          disabled={posted.isPending || posted.isError || send.isPending}
        >
          {send.isPending ? m.posting : m.post}
        </Button>
      )}
      <div role="status" aria-live="polite">
        {isPosted ? <Body1 as="p">{m.posted}</Body1> : null}
      </div>
      {posted.isError ? (
        <ErrorState
          title={m.lookFailed}
          error={posted.error}
          onRetry={() => void posted.refetch()}
        />
      ) : null}
      {send.isError ? (
        <ErrorState
          title={m.postFailed}
          error={send.error}
          onRetry={() => {
            send.mutate();
          }}
        />
      ) : null}
    </div>
  );
}
