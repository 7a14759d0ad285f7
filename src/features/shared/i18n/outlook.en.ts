/**
 * The Outlook add-in's task pane (issue 9) in English, read as `t.outlook`. The editor, the poll
 * and their messages are the meeting tab's own strings; these are the pane's. The source of truth
 * for `outlook.de.ts`, whose type is this object's.
 */
export const outlookEn = {
  title: 'Rapport',
  thisMeeting: 'This meeting',
  meeting: 'Meeting',
  when: 'When',
  attendees: 'Attendees',
  noSubject: '(no subject yet)',
  noAttendees: 'None yet',
  reading: 'Reading the meeting…',
  notSaved:
    'Rapport keeps expectations with the meeting, so Outlook saves it first, as a draft in your calendar. Nobody is invited until you send it.',
  saveAndAdd: 'Save the meeting and add expectations',
  saving: 'Saving the meeting…',
  saveFailed: 'Outlook could not save the meeting.',
  inviteInForm:
    'Written into the invite you are composing; your own text stays as it is, and attendees get it when you send the meeting.',
  pollNote:
    'Attendees answer a feedback poll in the meeting’s Rapport tab in Teams; you can add one here once the meeting is saved.',
  notComposing: (reason: string) =>
    `Open Rapport from the ribbon of a meeting you are scheduling in Outlook. (${reason})`,
};

export type OutlookMessages = typeof outlookEn;
