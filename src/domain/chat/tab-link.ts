/**
 * A Teams deep link that opens a Rapport tab in a chat (a meeting's chat), in the form Teams
 * documents for tabs: `https://teams.microsoft.com/l/entity/<app id>/<entity id>?context=…` with
 * the chat in the context. `appId` is the Teams app id (the app package's `id`), not the Entra
 * client id; `entityId` is the tab's own (its `page.id` in the Teams context).
 */
export function chatTabLink(tab: {
  appId: string;
  entityId: string;
  chatId: string;
  /** Shown by Teams while the tab opens. */
  label?: string;
}): string {
  const query = new URLSearchParams();
  if (tab.label !== undefined && tab.label !== '') query.set('label', tab.label);
  query.set('context', JSON.stringify({ chatId: tab.chatId, contextType: 'chat' }));
  // URLSearchParams writes spaces as "+", which Teams' link parser reads literally.
  const search = query.toString().replace(/\+/g, '%20');
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(tab.appId)}/${encodeURIComponent(tab.entityId)}?${search}`;
}
