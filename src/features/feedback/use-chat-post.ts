import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChatPost } from '../../domain/chat/chat-post';
import { useServices } from '../shared/services';

const postedKey = (chatId: string, marker: string) => ['meetingChatPost', chatId, marker] as const;

/**
 * Whether the chat already holds this post: read from the chat itself, nothing stored, so the
 * button's state is true after a reload and for a post made from another device.
 */
export function useChatPosted(chatId: string, marker: string) {
  const { meetingChat } = useServices();
  return useQuery({
    queryKey: postedKey(chatId, marker),
    queryFn: () => meetingChat.isPosted(chatId, marker),
    retry: 1,
  });
}

export function usePostToChat(chatId: string, post: ChatPost) {
  const { meetingChat } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => meetingChat.postOnce(chatId, post),
    onSuccess: () => {
      queryClient.setQueryData(postedKey(chatId, post.marker), true);
    },
  });
}
