/**
 * What a form says is wrong, in English: the words of the domain's own checks (its zod messages,
 * which the relay still sends as they are), read as `t.validation` and picked by
 * `features/shared/validation/localize-issue.ts` from each issue's code, path and limits.
 * The source of truth for `validation.de.ts`, whose type is this object's.
 *
 * A `field` argument is a field's name as it starts a sentence ("The purpose", "A topic").
 */
export const validationEn = {
  notText: (field: string) => `${field} must be text.`,
  tooLong: (field: string, max: number, length: number | undefined) =>
    `${field} can be at most ${String(max)} characters (this one has ${
      length === undefined ? 'more' : String(length)
    }).`,
  controlCharacters: (field: string) =>
    `${field} can't contain line breaks, tabs or other control characters.`,
  missing: (field: string) => `${field} is missing.`,
  /** An issue no rule knows (a check with zod's own wording); English keeps that wording. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-template-expression -- text even when the catalog test passes a number
  unknown: (english: string) => `${english}`,
  expectations: {
    fields: {
      purpose: 'The purpose',
      outcome: 'The outcome',
      agendaItem: 'An agenda item',
      customRole: 'A custom role',
      deliverable: 'A deliverable',
      obstacle: 'The obstacle',
      successMetric: 'A success metric',
      attendee: 'The attendee',
      meetingKey: 'The meeting key',
      deliverableId: 'The deliverable id',
    },
    purposeRequired:
      "Say in a sentence or two why this meeting exists; the purpose can't be empty.",
    purposeSentences: (max: number) =>
      `Keep the purpose to ${String(max)} sentences; put details in the agenda.`,
    agendaTitleRequired: 'Give every agenda item a title.',
    minutesNotNumber: 'Agenda minutes must be a number.',
    minutesNotWhole: 'Agenda minutes must be whole minutes.',
    minutesMin: (min: number) =>
      `An agenda item takes at least ${String(min)} minute; leave it blank if untimed.`,
    minutesMax: (max: number) => `An agenda item can take at most ${String(max)} minutes.`,
    agendaMax: (max: number) => `An agenda can have at most ${String(max)} items.`,
    pickRole: 'Pick a role from the list, or add a custom one.',
    customRoleRequired: 'Name the custom role.',
    rolesMax: (max: number) => `A meeting can have at most ${String(max)} roles.`,
    duplicateRole: 'The same person already holds this role.',
    dueDateMissing: 'Choose a due date.',
    dueDateFormat: 'A due date looks like 2026-03-20 (year-month-day).',
    dueDateNotADay: "That due date isn't a day on the calendar.",
    deliverableTitleRequired: 'Give every deliverable a title.',
    status: 'Status is one of: not started, on track, at risk, blocked, done.',
    obstacleNeeded: 'Say what is in the way: an at-risk or blocked deliverable needs its obstacle.',
    deliverablesMax: (max: number) => `A meeting can have at most ${String(max)} deliverables.`,
    duplicateDeliverableId: 'Two deliverables share an id.',
    successMetricRequired: "A success metric can't be empty.",
    successMetricsMax: (max: number) =>
      `A meeting can have at most ${String(max)} success metrics.`,
    version: (version: number) =>
      `Unknown expectations version (this app reads version ${String(version)}).`,
  },
  template: {
    name: 'The template name',
    nameRequired: 'Give the template a name.',
    builtInName: 'A built-in template already has that name; choose another.',
    idInvalid: 'The template id is not valid.',
  },
  program: {
    name: 'The program name',
    subTeam: 'The sub-team',
    nameRequired: 'Give the program a name.',
    idInvalid: 'The program id is not valid.',
    cadence: 'Choose weekly, every two weeks or monthly.',
    groupSize: (min: number, max: number) => `Groups have ${String(min)} to ${String(max)} people.`,
    length: 'Meetings last 15, 20 or 30 minutes.',
    membersMax: (max: number) => `A program can have at most ${String(max)} members.`,
  },
  resources: {
    fields: {
      id: 'An id',
      resourceTitle: 'A resource title',
      resourceLink: 'A resource link',
      resourceNote: 'A resource note',
      topic: 'A topic',
      mentorName: 'The mentor’s name',
      mentorUpn: 'The mentor’s sign-in address',
      responseTime: 'The response time',
      channelName: 'The help channel’s name',
      channelLink: 'The help channel’s link',
    },
    kind: 'A resource is a link, a document or a how-to.',
    resourceTitleRequired: 'Give every resource a title.',
    unsafeLink:
      'Links must start with https:// or msteams: (other kinds of address are not opened from Teams).',
    topicRequired: 'Say what the mentor helps with.',
    mentorNameRequired: 'Name the mentor or expert.',
    mentorUpnRequired: 'Give the mentor’s sign-in address (name@company.com).',
    mentorUpnShape: 'The mentor’s sign-in address looks like name@company.com.',
    channelNameRequired: 'Name the help channel.',
    resourcesMax: (max: number) => `A team can keep at most ${String(max)} resources.`,
    routesMax: (max: number) => `A team can list at most ${String(max)} help routes.`,
    version: (version: number) =>
      `Unknown resources version (this app reads version ${String(version)}).`,
  },
  poll: {
    question: 'A question',
    option: 'A choice option',
    meetingTitle: 'The meeting title',
    questionRequired: "A question's text can't be empty.",
    optionRequired: "A choice option can't be empty.",
  },
  /** Where an expectations error is, for the summary above the editor ("Agenda item 3: …"). */
  where: {
    item: {
      agenda: (n: number) => `Agenda item ${String(n)}`,
      roles: (n: number) => `Role ${String(n)}`,
      deliverables: (n: number) => `Deliverable ${String(n)}`,
      successMetrics: (n: number) => `Success metric ${String(n)}`,
    },
    field: {
      purpose: 'Purpose',
      outcome: 'Outcome or decision',
      agenda: 'Agenda',
      roles: 'Roles',
      deliverables: 'Deliverables',
      successMetrics: 'Success metrics',
    },
    elsewhere: 'Expectations',
  },
};

export type ValidationMessages = typeof validationEn;
