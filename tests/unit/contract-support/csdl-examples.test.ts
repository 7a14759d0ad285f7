/**
 * Microsoft's documented response bodies, checked against Microsoft's own CSDL. Where they
 * disagree, the test pins the exact problems and says which side is at fault, so a contract test
 * that copies a documented body knows what not to copy.
 */
import { describe, expect, it } from 'vitest';
import {
  checkAgainstCsdl,
  checkCollectionResponse,
  type CsdlOptions,
} from '../../contract/support/csdl';
import { loadExample, loadExamples } from '../../contract/support/example-shape';

function responseBody(name: string): unknown {
  return loadExample(name).response?.body;
}

/** The JSON path of each problem (the text before the first ": "). */
function pathsOf(problems: readonly string[]): string[] {
  return problems.map((problem) => problem.slice(0, problem.indexOf(': ')));
}

describe('documented examples the contract tests rely on', () => {
  it('event-get-1 is a valid event', () => {
    expect(checkAgainstCsdl('event', responseBody('event-get-1'))).toEqual([]);
  });

  it('user-get-1 is a valid user', () => {
    expect(checkAgainstCsdl('user', responseBody('user-get-1'))).toEqual([]);
  });

  it('calendar-getschedule-1 items are valid scheduleInformation, custom time zone included', () => {
    const body = responseBody('calendar-getschedule-1') as { value: unknown[] };
    expect(body.value).toHaveLength(2);
    for (const item of body.value) {
      expect(checkAgainstCsdl('scheduleInformation', item)).toEqual([]);
    }
    expect(checkCollectionResponse('scheduleInformation', body)).toEqual([]);
  });

  it('chat-get-4 is a valid chat (organizer is declared as teamworkUserIdentity)', () => {
    expect(checkAgainstCsdl('chat', responseBody('chat-get-4'))).toEqual([]);
  });

  it('listitem-get-1 is a valid listItem with custom columns in fields', () => {
    expect(checkAgainstCsdl('listItem', responseBody('listitem-get-1'))).toEqual([]);
  });

  it('user-get-mailboxsettings-1 breaks the schema in three places: the docs are wrong', () => {
    // The CSDL's enum members are camelCase (scheduled, all), as every other documented response
    // writes them; this doc capitalises them, though its own Example 2 shows "alwaysEnabled" (and
    // "None", pinned below). userPurpose is an enum
    // (a string) in the CSDL: Example 4, GET .../mailboxSettings/userPurpose, returns
    // { "value": "user" } because OData wraps a single property read that way, and Example 1
    // seems to have pasted that wrapper in as the property's value.
    expect(checkAgainstCsdl('mailboxSettings', responseBody('user-get-mailboxsettings-1'))).toEqual(
      [
        '$.automaticRepliesSetting.status: "Scheduled" is not a member of microsoft.graph.automaticRepliesStatus (the member is "scheduled"; enum members are case-sensitive)',
        '$.automaticRepliesSetting.externalAudience: "All" is not a member of microsoft.graph.externalAudienceScope (the member is "all"; enum members are case-sensitive)',
        '$.userPurpose: expected a microsoft.graph.userPurpose member name, got object',
      ],
    );
    expect(checkAgainstCsdl('userPurpose', 'user')).toEqual([]);
  });
});

/** How to read each documented response body, and which problems the docs are known to have. */
interface ResponseCheck {
  readonly type: string;
  /** The body is `{ value: [...] }` of this type. */
  readonly collection?: boolean;
  /** The body's `value` is a single property read (`GET …/mailboxSettings/userPurpose`). */
  readonly propertyValue?: boolean;
  /** Paths of the problems the documented body has (none when absent). */
  readonly knownProblems?: readonly string[];
  /** Options under which the documented body passes (for bodies that rely on open types). */
  readonly passesWith?: CsdlOptions;
}

const responseChecks: Readonly<Record<string, ResponseCheck>> = {
  'calendar-getschedule-1': { type: 'scheduleInformation', collection: true },
  'chat-get-1': { type: 'chat' },
  'chat-get-2': { type: 'chat' },
  'chat-get-3': { type: 'chat' },
  'chat-get-4': { type: 'chat' },
  'chat-list-members-1': { type: 'conversationMember', collection: true },
  'chat-list-members-2': { type: 'conversationMember', collection: true },
  // from.user carries teamworkUserIdentity's userIdentityType without an @odata.type, and from
  // has the `conversation` that only chatMessageMentionedIdentitySet declares. identity and
  // identitySet are open types, so the CSDL itself allows both.
  'chat-post-messages-1': {
    type: 'chatMessage',
    knownProblems: ['$.from.conversation', '$.from.user.userIdentityType'],
    passesWith: { openTypes: 'all' },
  },
  'event-get-1': { type: 'event' },
  'event-get-2': { type: 'event' },
  // Placeholders, not values: "response": "" and "time": "datetime-value".
  'event-update-1': {
    type: 'event',
    knownProblems: ['$.responseStatus.response', '$.responseStatus.time'],
  },
  // Items carry no @odata.type yet show properties of user/group (mail, displayName);
  // directoryObject is an open type, so the CSDL itself allows them.
  'group-list-members-1': {
    type: 'directoryObject',
    collection: true,
    knownProblems: ['$.value[0].mail'],
    passesWith: { openTypes: 'all' },
  },
  'group-list-members-3': { type: 'user', collection: true },
  'group-list-members-4': {
    type: 'directoryObject',
    collection: true,
    knownProblems: ['$.value[0].displayName', '$.value[0].mail'],
    passesWith: { openTypes: 'all' },
  },
  'list-create-1': { type: 'list' },
  'listitem-create-1': { type: 'listItem' },
  'listitem-get-1': { type: 'listItem' },
  'listitem-list-1': { type: 'listItem', collection: true },
  'listitem-update-1': { type: 'fieldValueSet' },
  // `extension` is the declared type of .../extensions; @odata.type selects openTypeExtension.
  'opentypeextension-post-opentypeextension-1': { type: 'extension' },
  'user-findmeetingtimes-1': { type: 'meetingTimeSuggestionsResult' },
  'user-get-1': { type: 'user' },
  'user-get-2': { type: 'user' },
  'user-get-3': { type: 'user' },
  'user-get-mailboxsettings-1': {
    type: 'mailboxSettings',
    knownProblems: [
      '$.automaticRepliesSetting.status',
      '$.automaticRepliesSetting.externalAudience',
      '$.userPurpose',
    ],
  },
  // "externalAudience": "None" where the enum member is "none".
  'user-get-mailboxsettings-2': {
    type: 'automaticRepliesSetting',
    knownProblems: ['$.externalAudience'],
  },
  'user-get-mailboxsettings-3': { type: 'workingHours' },
  'user-get-mailboxsettings-4': { type: 'userPurpose', propertyValue: true },
  'user-list-calendarview-1': { type: 'event', collection: true },
  'user-list-events-1': { type: 'event', collection: true },
  'user-post-events-1': { type: 'event' },
  'user-post-events-2': { type: 'event' },
  'user-post-events-3': { type: 'event' },
  'user-post-events-4': { type: 'event' },
};

/** Responses whose body is not an instance of a CSDL type. */
const notSchemaBodies = {
  'errors-1': 'OData error envelope',
  'throttling-1': 'OData error envelope',
  'event-delete-1': '204, no body',
  'group-list-members-2': '$count, a text/plain number',
  'json-batching-1': '$batch envelope',
  'json-batching-2': 'no documented response',
  'json-batching-3': '$batch envelope',
};

function check(name: string, rule: ResponseCheck, options: CsdlOptions = {}): string[] {
  const body = responseBody(name);
  if (rule.collection === true) return checkCollectionResponse(rule.type, body, options);
  if (rule.propertyValue === true) {
    return checkAgainstCsdl(rule.type, (body as { value: unknown }).value, options);
  }
  return checkAgainstCsdl(rule.type, body, options);
}

describe('every documented response body against the CSDL', () => {
  it('has a rule for every example file', () => {
    const covered = [...Object.keys(responseChecks), ...Object.keys(notSchemaBodies)].sort();
    expect(covered).toEqual(loadExamples().map((example) => example.name));
  });

  it.each(Object.entries(responseChecks))('%s', (name, rule) => {
    expect(pathsOf(check(name, rule))).toEqual(rule.knownProblems ?? []);
    if (rule.passesWith !== undefined) expect(check(name, rule, rule.passesWith)).toEqual([]);
  });
});

describe('documented request bodies', () => {
  it('write enum members capitalised, which Graph accepts on input', () => {
    // So the local tenant must read request enums case-insensitively, and these checks are for
    // responses (which write the CSDL's camelCase): a documented request body does not pass them.
    const request = loadExample('user-post-events-2').request?.body;
    expect(pathsOf(checkAgainstCsdl('event', request))).toEqual([
      '$.body.contentType',
      '$.attendees[0].type',
      '$.attendees[1].type',
      '$.location.locationType',
    ]);
    expect(checkAgainstCsdl('event', responseBody('user-post-events-2'))).toEqual([]);
  });
});
