import type { Permission } from '../http/context';

/**
 * The permissions each kind of Graph route accepts, from Microsoft's permission map
 * (`shared/reference/graph/permissions.json`; a contract test holds this table to it).
 * Only the ones Rapport and the relay use are granted in tokens; the others are accepted here
 * because Graph accepts them too.
 */
export const P = {
  me: {
    delegated: [
      'User.Read',
      'User.ReadWrite',
      'User.ReadBasic.All',
      'User.Read.All',
      'User.ReadWrite.All',
      'Directory.Read.All',
      'Directory.ReadWrite.All',
    ],
    application: [],
  },
  users: {
    delegated: [
      'User.ReadBasic.All',
      'User.Read.All',
      'User.ReadWrite.All',
      'Directory.Read.All',
      'Directory.ReadWrite.All',
    ],
    application: [
      'User.Read.All',
      'User.ReadWrite.All',
      'Directory.Read.All',
      'Directory.ReadWrite.All',
    ],
  },
  mailboxSettings: {
    delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
    application: [],
  },
  calendarRead: {
    delegated: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    application: [],
  },
  calendarReadFull: { delegated: ['Calendars.Read', 'Calendars.ReadWrite'], application: [] },
  calendarWrite: { delegated: ['Calendars.ReadWrite'], application: [] },
  schedule: {
    delegated: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
    application: [],
  },
  chatRead: { delegated: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'], application: [] },
  chatMessagesRead: { delegated: ['Chat.Read', 'Chat.ReadWrite'], application: [] },
  chatMessageSend: { delegated: ['ChatMessage.Send', 'Chat.ReadWrite'], application: [] },
  /** Editing a message: Chat.ReadWrite is the least privileged delegated permission. */
  chatMessageUpdate: { delegated: ['Chat.ReadWrite', 'Group.ReadWrite.All'], application: [] },
  chatMembers: {
    delegated: [
      'ChatMember.Read',
      'ChatMember.ReadWrite',
      'Chat.ReadBasic',
      'Chat.Read',
      'Chat.ReadWrite',
    ],
    application: [],
  },
  groupMembers: {
    delegated: [
      'GroupMember.ReadBasic.All',
      'GroupMember.Read.All',
      'Group.Read.All',
      'GroupMember.ReadWrite.All',
      'Group.ReadWrite.All',
      'Directory.Read.All',
    ],
    application: [
      'GroupMember.ReadBasic.All',
      'GroupMember.Read.All',
      'Group.Read.All',
      'GroupMember.ReadWrite.All',
      'Group.ReadWrite.All',
      'Directory.Read.All',
    ],
  },
  /** GET /groups/{id}/owners: the map lists no GroupMember.ReadBasic.All there. */
  groupOwners: {
    delegated: [
      'GroupMember.Read.All',
      'Group.Read.All',
      'GroupMember.ReadWrite.All',
      'Group.ReadWrite.All',
      'Directory.Read.All',
    ],
    application: [
      'GroupMember.Read.All',
      'Group.Read.All',
      'GroupMember.ReadWrite.All',
      'Group.ReadWrite.All',
      'Directory.Read.All',
    ],
  },
  sitesRead: {
    delegated: [
      'Sites.Read.All',
      'Sites.ReadWrite.All',
      'Sites.Manage.All',
      'Sites.FullControl.All',
    ],
    application: [
      'Sites.Selected',
      'Sites.Read.All',
      'Sites.ReadWrite.All',
      'Sites.Manage.All',
      'Sites.FullControl.All',
    ],
  },
  sitesWrite: {
    delegated: ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
    application: [
      'Sites.Selected',
      'Sites.ReadWrite.All',
      'Sites.Manage.All',
      'Sites.FullControl.All',
    ],
  },
  sitesManage: {
    delegated: ['Sites.Manage.All', 'Sites.FullControl.All'],
    application: ['Sites.Selected', 'Sites.Manage.All', 'Sites.FullControl.All'],
  },
  /** GET /sites/{id}/drive: files permissions, or the sites ones. */
  siteDrive: {
    delegated: [
      'Files.Read',
      'Files.Read.All',
      'Files.ReadWrite',
      'Files.ReadWrite.All',
      'Sites.Read.All',
      'Sites.ReadWrite.All',
      'Sites.Manage.All',
      'Sites.FullControl.All',
    ],
    application: [
      'Files.Read.All',
      'Files.ReadWrite.All',
      'Sites.Selected',
      'Sites.Read.All',
      'Sites.ReadWrite.All',
      'Sites.Manage.All',
      'Sites.FullControl.All',
    ],
  },
  /** GET /sites/{id}/permissions: the apps granted on a site. */
  sitePermissionsList: {
    delegated: ['Sites.FullControl.All'],
    application: ['Sites.FullControl.All'],
  },
  /**
   * POST /sites/{id}/permissions, GET and PATCH /sites/{id}/permissions/{id}: granting
   * Sites.Selected. The map lists them for the application permission only.
   */
  sitePermissionsManage: { delegated: [], application: ['Sites.FullControl.All'] },
  batch: { delegated: [], application: [] },
} satisfies Record<string, Permission>;
