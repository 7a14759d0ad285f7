/**
 * The team tab's UI strings in English (the channel tab "Team", its setup page and the weekly
 * check-in), read as `t.team`. The source of truth for `team.de.ts`, whose type is this object's.
 */
export const teamEn = {
  title: (team: string) => `Rapport for ${team}`,
  yourTeam: 'your team',
  config: {
    title: 'Add Rapport to this channel',
    intro:
      'Your team gets coffee programs, a weekly check-in, shared resources and help routes in one tab.',
    tabName: 'Tab name',
    tabNameInvalid: (max: number) => `Give the tab a name of 1 to ${String(max)} characters.`,
  },
  checkIn: {
    title: 'Weekly check-in',
    loading: 'Loading the weekly check-in…',
    loadFailed: 'The weekly check-in could not be loaded.',
    question: 'Anything blocking you this week?',
    off: (question: string) =>
      `Off for this team. Once on, each member can answer “${question}” every week. Answers carry the person’s name and go to one lead only, the person who turns it on: nobody else in the team can read them, in Rapport or in SharePoint.`,
    turnOn: 'Turn on the weekly check-in and lead it',
    youLead:
      'You lead this check-in: only you see the answers, with names. Nobody else in the team can read them.',
    ledBy: (lead: string) =>
      `Led by ${lead}. Only ${lead} sees your answer, with your name. If ${lead} should not lead your team’s check-in, don’t answer: ask them to hand it over or turn it off.`,
    noteTooLong: (max: number) => `Keep the note to ${String(max)} characters.`,
    chooseYesNo: 'Choose yes or no.',
    myAnswer: 'My check-in answer',
    /**
     * The member's answer as the relay keeps it. `givenTo` is who it went to: the earlier lead
     * (`formerLead`), the member (`self`), or the lead by name.
     */
    yourAnswer: (
      week: string,
      givenTo: { kind: 'formerLead' | 'lead'; name: string } | { kind: 'self' },
      day: string,
      blocked: boolean,
      note: string,
    ) =>
      `Your answer for ${week}, given to ${
        givenTo.kind === 'self'
          ? 'yourself'
          : givenTo.kind === 'formerLead'
            ? `${givenTo.name}, who led the check-in then,`
            : givenTo.name
      } on ${day}: ${blocked ? 'blocked' : 'not blocked'}${note ? ` (“${note}”)` : ''}. Change it below if things changed; it replaces this one.`,
    notAnswered: (week: string) => `You have not answered for ${week} yet.`,
    no: 'No, nothing is blocking me',
    yes: 'Yes, something is blocking me',
    note: 'Note (optional)',
    noteHint: (length: number, max: number) =>
      `What is in the way, or what would help. ${String(length)} of ${String(max)} characters.`,
    update: 'Update my answer',
    send: 'Send my answer',
    sending: 'Sending…',
    notSent: (error: string) => `Your answer was not sent: ${error}`,
    answersFor: (week: string, thisWeek: boolean) =>
      `Answers for ${week}${thisWeek ? ' (this week)' : ''}`,
    previousWeek: 'Previous week',
    nextWeek: 'Next week',
    refresh: 'Refresh answers',
    loadingAnswers: 'Loading the answers…',
    answersFailed: 'The answers could not be loaded.',
    noAnswers: (week: string) => `No answers for ${week}.`,
    blockedCount: (blocked: number, total: number) =>
      `${String(blocked)} of ${String(total)} blocked.`,
    answersList: (week: string) => `Check-in answers for ${week}`,
    blocked: 'Blocked',
    notBlocked: 'Not blocked',
    handOverNote:
      'Handing over or turning off keeps earlier answers with the lead they were given to: a new lead sees only answers given to them.',
    handOverTo: 'Hand the check-in over to',
    handOverHint: 'Someone can take it over once they have answered.',
    choosePerson: 'Choose a person',
    handOver: 'Hand over',
    turnOff: 'Turn off the weekly check-in',
  },
};

export type TeamMessages = typeof teamEn;
