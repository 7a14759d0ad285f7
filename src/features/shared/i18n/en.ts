import { SUMMARY_STATUS_WORDS } from '../../../domain/summaries/build-summary';
import { domainTextEn } from './domain-text.en';
import { feedbackEn } from './feedback.en';
import { graphErrorsEn } from './graph-errors.en';
import { outlookEn } from './outlook.en';
import { plural, type PluralForms } from './plural';
import { programsEn } from './programs.en';
import { relayEn } from './relay.en';
import { startupEn } from './startup.en';
import { teamEn } from './team.en';
import { templatesEn } from './templates.en';
import { validationEn } from './validation.en';

const n = (count: number, forms: PluralForms) => plural('en', count, forms);

/**
 * Rapport's UI strings in English: the source of truth for every other catalog (whose type is
 * this object's). Plain strings, or functions for interpolation and plurals that return plain
 * text: React escapes it, so no message ever carries HTML.
 *
 * To add a string: add it here under its feature, add its translation in `de.ts` (`tsc` fails
 * until it is there), and read it with `useT()` in the component.
 */
export const en = {
  domainText: domainTextEn,
  feedback: feedbackEn,
  graphErrors: graphErrorsEn,
  outlook: outlookEn,
  programs: programsEn,
  relay: relayEn,
  startup: startupEn,
  team: teamEn,
  templates: templatesEn,
  validation: validationEn,
  shared: {
    tryAgain: 'Try again',
    signInPrompt: 'Sign in so Rapport can show your meetings.',
    signIn: 'Sign in',
    signInFailed: 'Sign-in did not finish.',
    untitledMeeting: 'Untitled meeting',
    close: 'Close',
  },
  home: {
    title: 'Your next 7 days',
    loading: 'Loading your meetings',
    loadFailed: 'Your meetings could not be loaded.',
    timesIn: (name: string, zone: string) => `${name} · times in ${zone}`,
    unreadable: (count: number) =>
      n(count, {
        one: '1 stored expectation record was changed outside Rapport and cannot be shown. Its meeting’s organizer can open the meeting to start it over.',
        other: `${String(count)} stored expectation records were changed outside Rapport and cannot be shown. Their meetings’ organizers can open the meetings to start them over.`,
      }),
    noMeetings: 'No meetings in the next 7 days. Enjoy the focus time.',
    allDay: 'All day',
    youOrganize: 'You organize',
    organizer: (name: string) => `Organizer: ${name}`,
    cancelled: 'Cancelled',
    tentative: 'Tentative',
    notAnswered: 'Not answered',
    expectationsSetSeries: 'Expectations set for the series',
    expectationsSet: 'Expectations set',
    noPurposeYet: 'No purpose yet',
    joinInTeams: 'Join in Teams',
    addExpectationsTo: (subject: string) => `Add expectations to ${subject}`,
    openExpectationsOf: (subject: string) => `Open expectations of ${subject}`,
    addExpectations: 'Add expectations',
    openExpectations: 'Open expectations',
    yourDeliverables: 'Your deliverables',
    nothingAssigned: 'Nothing assigned to you in meeting expectations.',
    allDone: 'Everything you own is done.',
    overdue: 'Overdue',
    due: (date: string) => `Due ${date}`,
    from: (subject: string) => `From ${subject}`,
    obstacle: (text: string) => `Obstacle: ${text}`,
    moreDone: (count: number) =>
      n(count, { one: '1 more is done.', other: `${String(count)} more are done.` }),
    coffee: {
      title: 'Coffee chats',
      and: ' and ',
      firstRound: (date: string) => `The first round starts ${date}. You’re in.`,
      nextRound: (date: string) =>
        `You joined after this round was planned; you’re in from ${date}.`,
      snoozed: (date: string) =>
        `Snoozed until ${date}. Resume any time from the team’s channel tab.`,
      leftOut: 'Not in a group this round. ',
      meetingBefore: 'You’re meeting ',
      meetingAfter: '.',
      yourTime: '(your time)',
      iceBreaker: (prompt: string) => `Ice-breaker: ${prompt}`,
      planFailed: (error: string) => `This round could not be planned yet: ${error} `,
      finding: 'Finding a time that suits your group…',
      moved: (when: string) => `The old time was taken, so Rapport found a new one: ${when}. `,
      booked: 'Booked as a Teams meeting; it’s in everyone’s calendar.',
      passed: 'This slot has passed without a booking.',
      hostBooks: (host: string) =>
        `${host} hosts this round and books it; the invite will reach your calendar.`,
      youHost: 'You host this round: book it and everyone gets a Teams invite.',
      booking: 'Booking…',
      bookIt: 'Book it',
      noSlot:
        'The time is no longer free for everyone, and no other common free time is left this round. The group meets next round.',
      bookFailed: (error: string) =>
        `The meeting could not be booked: ${error}. Trying again never books it twice.`,
      didYouMeetFailed: (error: string) => `“Did you meet?” could not be loaded: ${error} `,
      thanks: 'Thanks for saying whether you met. Only the program’s overall rate is shown.',
      didYouMeet: 'Did you meet?',
      privateHint:
        'Private: nobody, the program’s lead included, sees your answer; only the overall rate.',
      met: {
        yes: 'Yes, we met',
        some: 'Some of us met',
        later: 'Not yet, we’ll meet later',
        no: 'No, we didn’t meet',
      },
      sending: 'Sending…',
      sendAnswer: 'Send answer',
    },
  },
  meeting: {
    panelTitle: 'Rapport for this meeting',
    noStageHere:
      'Outside Teams, Rapport shows and edits this meeting’s expectations, summary and feedback here; sharing to the meeting stage happens in the Teams meeting.',
    shareToStage: 'Share to stage',
    sharedToStage: 'Shared to the meeting stage.',
    cannotShare: 'This meeting does not let Rapport share to the stage.',
    shareFailed: 'Could not share to the stage.',
    stageTitle: 'Rapport on the stage',
    stageNote: 'Shared by the organizer. End-of-meeting feedback shows here when a poll is open.',
    status: SUMMARY_STATUS_WORDS,
    roleKinds: {
      facilitator: 'Facilitator',
      noteTaker: 'Note-taker',
      decisionMaker: 'Decision-maker',
      coOrganizer: 'Co-organizer',
      custom: 'Custom',
    },
    unknownAttendee: 'Unknown attendee',
    inviteUpdated: 'Invite updated for attendees.',
    inviteUnchanged: 'Invite unchanged — no update sent.',
    inviteNotOrganizer:
      'Only the organizer’s Rapport can change the invite; it catches up the next time they open this tab.',
    saved: (merged: boolean, invite: string) =>
      `Expectations saved.${merged ? ' Merged with changes made meanwhile by someone else.' : ''} ${invite}`,
    lastChangedByOn: (who: string, when: string) => `Last changed by ${who} on ${when}`,
    lastChangedBy: (who: string) => `Last changed by ${who}`,
    lastChangedOn: (when: string) => `Last changed on ${when}`,
    statusSetBy: (name: string) => `Status set by ${name}, not the owner`,
    agendaTime: (total: number, meetingMinutes: number, over: number, untimed: number) =>
      `${String(total)} of ${String(meetingMinutes)} minutes planned` +
      (untimed === 0
        ? ''
        : `, plus ${String(untimed)} untimed ${n(untimed, { one: 'item', other: 'items' })}`) +
      (over > 0 ? ` — ${String(over)} over` : ''),
    templatedFields: {
      purpose: 'purpose',
      outcome: 'outcome',
      agenda: 'agenda',
      successMetrics: 'success metrics',
    },
    list: (names: readonly string[]) =>
      names.length === 1
        ? (names[0] ?? '')
        : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`,
    templateNothingFilled: (template: string) =>
      `Nothing filled in: every part “${template}” covers already has your text, which is kept.`,
    templateFilled: (list: string, template: string) =>
      `Filled in the ${list} from “${template}”. Anything you had written is kept.`,
    openFromMeeting:
      'Open Rapport from a meeting (its details tab or side panel) to see the meeting’s expectations.',
    loadingExpectations: 'Loading the meeting’s expectations',
    expectationsLoadFailed: 'The meeting’s expectations could not be loaded.',
    meetingLabel: 'Meeting: ',
    setForSeries: 'Set for the whole series',
    noExpectationsOrganizer:
      'This meeting has no expectations yet. Add its purpose, agenda, roles and deliverables so everyone knows why it exists.',
    noExpectationsAttendee: 'The organizer hasn’t added expectations to this meeting yet.',
    editExpectations: 'Edit expectations',
    addExpectations: 'Add expectations',
    refresh: 'Refresh',
    purpose: 'Purpose',
    outcome: 'Outcome or decision',
    noneWritten: 'None written.',
    agenda: 'Agenda',
    noAgenda: 'No agenda items.',
    minutes: (m: number) => `${String(m)} min`,
    roles: 'Roles',
    noRoles: 'No roles.',
    deliverables: 'Deliverables',
    noDeliverables: 'No deliverables.',
    owner: (name: string, you: boolean, due: string) =>
      `Owner: ${name}${you ? ' (you)' : ''} · Due ${due}`,
    statusLabel: 'Status:',
    obstacleLabel: 'Obstacle:',
    successMetrics: 'Success metrics',
    noSuccessMetrics: 'No success metrics.',
    obstacleNeeded: 'Say what is in the way: an at-risk or blocked deliverable needs its obstacle.',
    yourProgressOn: (title: string) => `Your progress on ${title}`,
    status_: 'Status',
    obstacle: 'Obstacle',
    characters: (length: number, max: number) => `${String(length)} of ${String(max)} characters`,
    updateStatus: 'Update status',
    statusUpdated: 'Status updated.',
    statusConflict: (status: string, obstacle: string) =>
      `Someone changed this status meanwhile: it is now ${status}${obstacle ? ` (${obstacle})` : ''}. Your choice is still above; select Update status to apply it over theirs.`,
    statusSaveFailed: 'Your status could not be saved.',
    editor: {
      startOver: 'Start over',
      purposeHint: (counter: string) => `One or two sentences. ${counter}`,
      fixBeforeSaving: 'Fix these before saving',
      save: 'Save expectations',
      cancel: 'Cancel',
      saveFailed: 'The expectations could not be saved. Your edits are still here.',
      moveUp: 'Move up',
      moveUpRow: (row: string) => `Move up ${row}`,
      moveDown: 'Move down',
      moveDownRow: (row: string) => `Move down ${row}`,
      remove: 'Remove',
      removeRow: (row: string) => `Remove ${row}`,
      addAgendaItem: 'Add agenda item',
      agendaFull: (max: number) => `An agenda can have at most ${String(max)} items.`,
      agendaItemRow: (i: number) => `agenda item ${String(i)}`,
      agendaItemGroup: (i: number) => `Agenda item ${String(i)}`,
      agendaItemTitle: 'Agenda item title',
      presenter: 'Presenter',
      noPresenter: 'No presenter',
      minutes: 'Minutes',
      minutesHint: (min: number, max: number) => `Optional, ${String(min)} to ${String(max)}`,
      addRole: 'Add role',
      rolesFull: (max: number) => `A meeting can have at most ${String(max)} roles.`,
      roleGroup: (i: number) => `Role ${String(i)}`,
      roleRow: (i: number) => `role ${String(i)}`,
      role: 'Role',
      roleName: 'Role name',
      heldBy: 'Held by',
      choosePerson: 'Choose a person',
      addDeliverable: 'Add deliverable',
      deliverablesFull: (max: number) => `A meeting can have at most ${String(max)} deliverables.`,
      deliverableGroup: (i: number) => `Deliverable ${String(i)}`,
      deliverableRow: (i: number) => `deliverable ${String(i)}`,
      deliverableTitle: 'Deliverable title',
      owner: 'Owner',
      dueDate: 'Due date',
      addSuccessMetric: 'Add success metric',
      metricsFull: (max: number) => `A meeting can have at most ${String(max)} success metrics.`,
      successMetric: 'Success metric',
      metricRow: (i: number) => `success metric ${String(i)}`,
      templateSaved: (name: string) => `Saved “${name}” as a template for your team.`,
      templateSaveFailed: (error: string) => `The template could not be saved: ${error}`,
      template: 'Template',
      chooseTemplate: 'Choose a template',
      builtIn: 'Built in',
      yourTeams: 'Your team’s',
      applyTemplate: 'Apply template',
      saveAsTeamTemplate: 'Save as team template',
      templateName: 'Template name',
      saveTemplate: 'Save template',
      cancelSavingTemplate: 'Cancel saving the template',
      applyTo: 'Apply to',
      thisMeetingOnly: 'This meeting only',
      everyMeetingInSeries: 'Every meeting in the series',
      replacesUnreadable: (series: boolean) =>
        `Saving replaces the unreadable expectations stored for ${
          series ? 'the whole series' : 'this meeting'
        }.`,
      unknownScope:
        'Rapport can’t tell whether the unreadable expectations belong to this meeting or to the whole series, so it won’t replace them; saving adds expectations only where none are stored.',
      seriesKeepsOwn:
        'This meeting has expectations of its own, which stay in place for it; the other meetings in the series get these.',
      ownCopy:
        'This meeting gets its own copy; the rest of the series keeps the series’ expectations.',
      unreadableTitle: 'Stored expectations can’t be read',
      unreadableBody: (by: string | undefined) =>
        `They were changed outside Rapport${by ? ` (last by ${by})` : ''} and no longer pass its checks. Rapport won’t overwrite them unless an organizer chooses to.`,
      startOverReplaces: 'Start over replaces them with new expectations you write.',
      organizerCanStartOver: 'An organizer can start over.',
    },
    conflict: {
      someoneElse: 'Someone else',
      heading: 'Choose which changes to keep',
      savedWhileEditing: (name: string) => `${name} saved while you were editing`,
      explanation:
        'Their other changes and yours are combined. Both of you changed the items below: choose a version for each. Nothing is saved until you do, and your edits stay in the editor.',
      yours: 'Yours',
      theirs: (name: string) => `Theirs (${name})`,
      keepWhich: (label: string) => `Keep which version of ${label}?`,
      chooseVersion: 'Choose a version.',
      keepMine: 'Keep mine',
      keepTheirs: 'Keep theirs',
      chooseEvery: 'Choose “Keep mine” or “Keep theirs” for every item first.',
      saveWithChoices: 'Save with these choices',
      backToEdits: 'Back to my edits',
      noAgendaItems: 'No agenda items',
      noRoles: 'No roles',
      nothingWritten: 'Nothing written',
      noSuccessMetrics: 'No success metrics',
      removed: 'Removed',
      deliverableLine: (title: string, owner: string, due: string, status: string) =>
        `${title} — ${owner}, due ${due}, ${status}`,
    },
  },
  summaries: {
    fromLastTime: 'From last time',
    agreedOn: (when: string) => `Deliverables agreed on ${when}, and where they stand now:`,
    ownerDue: (owner: string, due: string, status: string) => `: ${owner}, due ${due}, ${status}`,
    title: 'Meeting summary',
    looking: 'Looking for the meeting’s summary…',
    loadFailed: 'The meeting’s summary could not be loaded.',
    invalid:
      'The stored summary was changed outside Rapport and no longer reads correctly. Ask whoever changed it, or have a site owner remove it, before writing a new one.',
    posted: 'Posted to the meeting chat.',
    notConfirmed: 'Saved, but not yet confirmed in the meeting chat: open it and post again.',
    intro:
      'After the meeting, post a summary to the meeting chat: the expectations are filled in, you add decisions and next steps.',
    edit: 'Edit summary',
    write: 'Write summary',
    postedNotice: 'The summary is posted to the meeting chat.',
    updatedNotice: 'The summary in the meeting chat is updated.',
    conflictNotice:
      'Someone else changed this summary meanwhile, so yours was not posted. Their version is shown; edit it again to change it.',
    editHeading: 'Edit the meeting summary',
    writeHeading: 'Write the meeting summary',
    postFailed: 'The summary could not be posted.',
    posting: 'Posting…',
    updatePosted: 'Update the posted summary',
    post: 'Post to meeting chat',
    backToEditing: 'Back to editing',
    fromExpectations: (none: boolean) =>
      `From the meeting’s expectations${none ? ' (none were written)' : ''}:`,
    deliverablesInSummary: 'Deliverables in the summary',
    cannotPostYet: 'The summary can’t be posted yet.',
    preview: 'Preview',
    cancel: 'Cancel',
    previewHeading: (subject: string) => `Meeting summary: ${subject}`,
    nothingYet: 'Nothing to summarize yet.',
    decisions: 'Decisions',
    decisionsHint: (count: number, length: number) =>
      `One decision per line: up to ${String(count)}, each at most ${String(length)} characters.`,
    nextSteps: 'Next steps',
    nextStepsHint: (count: number, length: number) =>
      `One step per line: up to ${String(count)}, each at most ${String(length)} characters.`,
    line: (i: number) => `Line ${String(i)}: `,
  },
  commitments: {
    whereToGetHelp: 'Where to get help',
    loadingRoutes: 'Loading your team’s help routes…',
    routesFailed:
      'Your team’s help routes could not be loaded. They are in the team’s channel tab.',
    noRoutes:
      'Your team has not listed help routes yet; anyone in the team can add them in the team’s Rapport tab.',
    askedFrom: { mentor: 'from a mentor', channel: 'in the help channel' },
    youAsked: (route: string, when: string) => `You asked for help ${route} on ${when}.`,
    kinds: { link: 'Link', document: 'Document', howTo: 'How-to' },
    helpRoutes: 'Help routes',
    helpChannel: 'Help channel: ',
    expectAnswer: (time: string) => `Expect an answer ${time}`,
    resources: 'Resources',
    resourcesAndRoutes: 'Resources and help routes',
    loadingResources: "Loading the team's resources",
    resourcesFailed: "The team's resources could not be loaded.",
    resourcesInvalid:
      'The stored resources were changed outside Rapport and cannot be shown. Saving here replaces them.',
    noResources:
      'No resources or help routes yet. Add a help channel, mentors per topic and the links your team relies on.',
    editResources: 'Edit resources and help routes',
    teamCommitments: 'Team commitments',
    loadingCommitments: "Loading the team's commitments",
    commitmentsFailed: "The team's commitments could not be loaded.",
    noneDueSince: (since: string) => `No deliverables due since ${since}.`,
    headline: (onTrack: number, atRisk: number, blocked: number, overdue: number) =>
      `${String(onTrack)} on track, ${String(atRisk)} at risk, ${String(blocked)} blocked, ${String(overdue)} overdue`,
    dueSince: (total: number, since: string, headline: string) =>
      `${String(total)} ${n(total, { one: 'deliverable', other: 'deliverables' })} due since ${since}: ${headline}.`,
    byMeeting: 'Deliverables by meeting',
    meetingOrSeries: 'Meeting or series',
    columns: {
      onTrack: 'On track',
      atRisk: 'At risk',
      blocked: 'Blocked',
      overdue: 'Overdue',
      notStarted: 'Not started',
      done: 'Done',
      total: 'Total',
    },
    countsOnly: 'Counts only: owners report their own progress, and this view never shows who.',
    notCounted: (count: number) =>
      `${String(count)} ${n(count, { one: 'stored item', other: 'stored items' })} changed outside Rapport could not be counted.`,
    chatWith: (name: string, topic: string, answers: string | undefined) =>
      `Chat with ${name} (${topic})${answers ? `, answers ${answers}` : ''}`,
    postIn: (channel: string, answers: string | undefined) =>
      `Post in ${channel}${answers ? `, answers ${answers}` : ''}`,
    couldNotOpen: 'Teams could not open it.',
    notNoted: 'Teams opened it, but Rapport could not note that you asked for help.',
    askForHelp: 'Ask for help',
    askForHelpWith: (title: string) => `Ask for help with ${title}`,
    noMentors:
      'Your team has not listed mentors or a help channel yet. Anyone in the team can add them in the team’s Rapport tab.',
    whoToAsk: 'Who to ask',
    message: 'Message',
    chatHint: 'Teams opens a chat with this typed in; you send it.',
    channelHint: 'Teams opens the help channel; paste this into a new post there.',
    openChatWith: (name: string) => `Open a chat with ${name}`,
    openHelpChannel: 'Open the help channel',
    cancel: 'Cancel',
    editor: {
      label: 'Edit resources and help routes',
      helpChannel: 'Help channel',
      channelName: 'Channel name',
      channelLink: 'Channel link',
      channelLinkHint: 'In Teams, the channel’s “Get link to channel”.',
      responseTime: 'Expected response time',
      responseTimeHint: 'For example: within a day',
      mentor: (i: number) => `Mentor or expert ${String(i)}`,
      topic: 'Topic',
      name: 'Name',
      signInAddress: 'Sign-in address',
      removeMentor: (i: number) => `Remove mentor ${String(i)}`,
      resource: (i: number) => `Resource ${String(i)}`,
      kind: 'Kind',
      title: 'Title',
      link: 'Link',
      note: 'Note',
      removeResource: (i: number) => `Remove resource ${String(i)}`,
      addMentor: 'Add a mentor or expert',
      addResource: 'Add a resource',
      conflict:
        'Someone saved the team’s resources while you were editing; theirs are shown above. Your changes are still in this form: select Save to put them in place of theirs, or Cancel to keep theirs.',
      needsChange: 'Some fields need a change before saving: see the messages next to them.',
      saveFailed: 'The resources could not be saved.',
      save: 'Save resources and help routes',
    },
  },
};

export type Messages = typeof en;
