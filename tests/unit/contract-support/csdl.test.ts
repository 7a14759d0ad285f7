import { describe, expect, it } from 'vitest';
import { checkAgainstCsdl, checkCollectionResponse } from '../../contract/support/csdl';
import { loadCsdlModel } from '../../contract/support/csdl-model';

/** An event as Graph returns it, touching every kind of value the checker handles. */
function validEvent(): Record<string, unknown> {
  return {
    '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('u1')/events/$entity",
    '@odata.etag': 'W/"DwAAABYAAAB"',
    id: 'AAMkAGI2TG93AAA=',
    createdDateTime: '2024-05-01T09:00:00.1234567Z',
    lastModifiedDateTime: '2024-05-01T09:05:00+02:00',
    categories: [],
    subject: 'Coffee chat',
    bodyPreview: null,
    body: { contentType: 'html', content: '<p>Hi</p>' },
    start: { dateTime: '2024-05-02T10:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2024-05-02T10:30:00.0000000', timeZone: 'UTC' },
    isAllDay: false,
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    showAs: 'busy',
    reminderMinutesBeforeStart: 15,
    recurrence: null,
    attendees: [
      {
        type: 'required',
        status: { response: 'accepted', time: '2024-05-01T09:10:00Z' },
        emailAddress: { name: 'Adele Vance', address: 'adelev@contoso.com' },
      },
      {
        type: 'optional',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: 'Megan Bowen', address: 'meganb@contoso.com' },
      },
    ],
    organizer: { emailAddress: { name: 'Adele Vance', address: 'adelev@contoso.com' } },
    'calendar@odata.navigationLink': "https://graph.microsoft.com/v1.0/users('u1')/calendar",
  };
}

function eventWith(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...validEvent(), ...overrides };
}

describe('checkAgainstCsdl', () => {
  it('accepts a valid event', () => {
    expect(checkAgainstCsdl('event', validEvent())).toEqual([]);
  });

  it('accepts the type name bare, qualified, alias-qualified or with a leading #', () => {
    for (const name of [
      'event',
      'microsoft.graph.event',
      'graph.event',
      '#microsoft.graph.event',
    ]) {
      expect(checkAgainstCsdl(name, validEvent())).toEqual([]);
    }
  });

  it('throws for a type the CSDL does not have, since that is a mistake in the test', () => {
    expect(() => checkAgainstCsdl('evnt', {})).toThrow('No type "evnt"');
  });

  it('parses the CSDL once and keeps it', () => {
    expect(loadCsdlModel()).toBe(loadCsdlModel());
  });

  describe('properties', () => {
    it('reports an undeclared property with its path, and a near miss in case', () => {
      expect(checkAgainstCsdl('event', eventWith({ Subject: 'x', organiser: {} }))).toEqual([
        '$.Subject: property "Subject" is not declared on microsoft.graph.event (did you mean "subject"?)',
        '$.organiser: property "organiser" is not declared on microsoft.graph.event',
      ]);
    });

    it('accepts properties inherited from base types (outlookItem, entity)', () => {
      const inherited = { id: 'x', changeKey: 'ck', createdDateTime: '2024-01-01T00:00:00Z' };
      expect(checkAgainstCsdl('event', inherited)).toEqual([]);
    });

    it('reports undeclared properties deep inside nested values', () => {
      const event = validEvent();
      event.attendees = [{ emailAddress: { adress: 'x@contoso.com' } }];
      expect(checkAgainstCsdl('event', event)).toEqual([
        '$.attendees[0].emailAddress.adress: property "adress" is not declared on microsoft.graph.emailAddress',
      ]);
    });

    it('rejects undeclared properties on an ordinary open type such as event by default', () => {
      // event is OpenType="true" in the CSDL, like user, identity and hundreds of others.
      expect(checkAgainstCsdl('event', eventWith({ mood: 'sunny' }))).toHaveLength(1);
      expect(checkAgainstCsdl('event', eventWith({ mood: 'sunny' }), { openTypes: 'all' })).toEqual(
        [],
      );
    });

    it('still checks declared properties of an open type when openTypes is "all"', () => {
      expect(checkAgainstCsdl('event', eventWith({ subject: 1 }), { openTypes: 'all' })).toEqual([
        '$.subject: expected Edm.String (a string), got number 1',
      ]);
    });
  });

  describe('JSON types', () => {
    it('reports a number where a string belongs', () => {
      expect(checkAgainstCsdl('event', eventWith({ subject: 42 }))).toEqual([
        '$.subject: expected Edm.String (a string), got number 42',
      ]);
    });

    it('reports a string where a boolean belongs, and a fraction where an Int32 belongs', () => {
      expect(
        checkAgainstCsdl(
          'event',
          eventWith({ isAllDay: 'false', reminderMinutesBeforeStart: 1.5 }),
        ),
      ).toEqual([
        '$.isAllDay: expected Edm.Boolean (a boolean), got string "false"',
        '$.reminderMinutesBeforeStart: expected Edm.Int32 (an integer from -2147483648 to 2147483647), got number 1.5',
      ]);
    });

    it('checks the format of date-times loosely: a date or a missing offset fails', () => {
      expect(
        checkAgainstCsdl(
          'event',
          eventWith({ createdDateTime: '2024-05-01', originalStart: '2024-05-01T10:00:00' }),
        ),
      ).toEqual([
        '$.createdDateTime: expected Edm.DateTimeOffset (an ISO 8601 date-time string with a Z or ±hh:mm offset), got string "2024-05-01"',
        '$.originalStart: expected Edm.DateTimeOffset (an ISO 8601 date-time string with a Z or ±hh:mm offset), got string "2024-05-01T10:00:00"',
      ]);
    });

    it('wants base64 for Edm.Binary', () => {
      expect(checkAgainstCsdl('fileAttachment', { contentBytes: 'SGVsbG8=' })).toEqual([]);
      expect(checkAgainstCsdl('fileAttachment', { contentBytes: 'not base64!' })).toEqual([
        '$.contentBytes: expected Edm.Binary (a base64 string), got string "not base64!"',
      ]);
    });

    it('reports a scalar where an object belongs, and an object where a collection belongs', () => {
      expect(checkAgainstCsdl('event', eventWith({ body: 'Hi', attendees: {} }))).toEqual([
        '$.body: expected an object (microsoft.graph.itemBody), got string "Hi"',
        '$.attendees: expected an array (Collection(microsoft.graph.attendee)), got object',
      ]);
    });

    it('checks every item of a collection against the item type', () => {
      const event = validEvent();
      event.attendees = [
        { type: 'required', status: { response: 'none' } },
        { type: 'optional', status: { response: 'maybe' } },
        'adelev@contoso.com',
      ];
      expect(checkAgainstCsdl('event', event)).toEqual([
        '$.attendees[1].status.response: "maybe" is not a member of microsoft.graph.responseType (members: none, organizer, tentativelyAccepted, accepted, declined, notResponded)',
        '$.attendees[2]: expected an object (microsoft.graph.attendee), got string "adelev@contoso.com"',
      ]);
    });

    it('reports a body that is null or not an object at all', () => {
      expect(checkAgainstCsdl('event', null)).toEqual(['$: expected event, got null']);
      expect(checkAgainstCsdl('event', [])).toEqual([
        '$: expected an object (microsoft.graph.event), got array',
      ]);
    });
  });

  describe('enums', () => {
    it('reports a value that is not a member', () => {
      expect(checkAgainstCsdl('event', eventWith({ showAs: 'away' }))).toEqual([
        '$.showAs: "away" is not a member of microsoft.graph.freeBusyStatus (members: unknown, free, tentative, busy, oof, workingElsewhere)',
      ]);
    });

    it('treats members as case-sensitive, and says so', () => {
      expect(checkAgainstCsdl('event', eventWith({ showAs: 'Busy' }))).toEqual([
        '$.showAs: "Busy" is not a member of microsoft.graph.freeBusyStatus (the member is "busy"; enum members are case-sensitive)',
      ]);
    });

    it('reports a non-string enum value', () => {
      expect(checkAgainstCsdl('event', eventWith({ showAs: 2 }))).toEqual([
        '$.showAs: expected a microsoft.graph.freeBusyStatus member name, got number 2',
      ]);
    });

    it('accepts comma-separated members for a flags enum, and checks each', () => {
      expect(checkAgainstCsdl('mailTipsType', 'automaticReplies,mailboxFullStatus')).toEqual([]);
      expect(checkAgainstCsdl('mailTipsType', 'automaticReplies,outOfOffice')).toEqual([
        expect.stringMatching(/^\$: "outOfOffice" is not a member of microsoft.graph.mailTipsType/),
      ]);
    });
  });

  describe('null', () => {
    it('is accepted for properties without Nullable="false"', () => {
      expect(checkAgainstCsdl('event', eventWith({ subject: null, location: null }))).toEqual([]);
    });

    it('is rejected where the CSDL says Nullable="false", including collection items', () => {
      expect(
        checkAgainstCsdl('event', eventWith({ id: null, cancelledOccurrences: [null] })),
      ).toEqual([
        '$.id: null is not allowed (Nullable="false")',
        '$.cancelledOccurrences[0]: null is not allowed (Nullable="false")',
      ]);
    });
  });

  describe('annotations', () => {
    it('accepts OData annotations on the object and on declared properties', () => {
      const annotated = eventWith({
        '@odata.id': 'x',
        '@odata.editLink': 'x',
        'calendar@odata.associationLink': 'x',
        'attendees@odata.type': '#Collection(microsoft.graph.attendee)',
      });
      expect(checkAgainstCsdl('event', annotated)).toEqual([]);
    });

    it('reports an annotation on a property the type does not declare', () => {
      expect(
        checkAgainstCsdl('event', eventWith({ 'calender@odata.navigationLink': 'x' })),
      ).toEqual([
        '$["calender@odata.navigationLink"]: annotates "calender", which microsoft.graph.event does not declare',
      ]);
    });
  });

  describe('@odata.type', () => {
    const customTimeZone = {
      '@odata.type': '#microsoft.graph.customTimeZone',
      name: 'Customized Time Zone',
      bias: 480,
      standardOffset: {
        time: '02:00:00.0000000',
        dayOccurrence: 1,
        dayOfWeek: 'sunday',
        month: 11,
        year: 0,
      },
    };
    const workingHours = (timeZone: unknown): unknown => ({
      daysOfWeek: ['monday'],
      startTime: '08:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone,
    });

    it('selects a derived type, whose properties are then allowed and checked', () => {
      expect(checkAgainstCsdl('workingHours', workingHours(customTimeZone))).toEqual([]);
      expect(
        checkAgainstCsdl('workingHours', workingHours({ ...customTimeZone, bias: 'eight hours' })),
      ).toEqual([
        '$.timeZone.bias: expected Edm.Int32 (an integer from -2147483648 to 2147483647), got string "eight hours"',
      ]);
    });

    it('is needed for properties only a derived type declares, and the problem says so', () => {
      const untyped = Object.fromEntries(
        Object.entries(customTimeZone).filter(([key]) => key !== '@odata.type'),
      );
      expect(checkAgainstCsdl('workingHours', workingHours(untyped))).toEqual([
        '$.timeZone.bias: property "bias" is not declared on microsoft.graph.timeZoneBase (only derived types declare it: microsoft.graph.customTimeZone; select one with "@odata.type")',
        '$.timeZone.standardOffset: property "standardOffset" is not declared on microsoft.graph.timeZoneBase (only derived types declare it: microsoft.graph.customTimeZone; select one with "@odata.type")',
      ]);
    });

    it('must name a type derived from the declared one, written with a leading #', () => {
      const wrongTypes = [
        '#microsoft.graph.event',
        '#microsoft.graph.noSuchType',
        'microsoft.graph.customTimeZone',
      ];
      expect(
        wrongTypes.map((type) =>
          checkAgainstCsdl('workingHours', workingHours({ '@odata.type': type, name: 'UTC' })),
        ),
      ).toEqual([
        [
          '$.timeZone["@odata.type"]: microsoft.graph.event does not derive from microsoft.graph.timeZoneBase',
        ],
        ['$.timeZone["@odata.type"]: #microsoft.graph.noSuchType is not a type in the CSDL'],
        [
          '$.timeZone["@odata.type"]: expected "#<qualified type name>", got string "microsoft.graph.customTimeZone"',
        ],
      ]);
    });
  });

  describe('navigation properties and open types', () => {
    it('checks expanded navigation properties, e.g. a chat with its members', () => {
      const member = {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: 'MCMjMjQz',
        roles: ['owner'],
        displayName: 'Adele Vance',
        userId: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
        email: 'adelev@contoso.com',
        tenantId: '2432b57b-0abd-43db-aa7b-16eadd115d34',
        visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      };
      const chat = { id: '19:abc@thread.v2', chatType: 'group', members: [member] };
      expect(checkAgainstCsdl('chat', chat)).toEqual([]);
      expect(
        checkAgainstCsdl('chat', { ...chat, members: [{ ...member, roles: 'owner' }] }),
      ).toEqual([
        '$.members[0].roles: expected an array (Collection(Edm.String)), got string "owner"',
      ]);
    });

    it('needs an @odata.type on objects whose declared type is abstract', () => {
      const untypedMember = { id: 'MCMjMjQz', roles: [], displayName: 'Adele Vance' };
      expect(
        checkAgainstCsdl('chat', { id: '19:abc@thread.v2', members: [untypedMember] }),
      ).toEqual([
        '$.members[0]: microsoft.graph.conversationMember is abstract: the object needs an "@odata.type"',
      ]);
    });

    it("accepts arbitrary custom columns in a list item's fields (fieldValueSet is a property bag)", () => {
      const item = {
        '@odata.etag': '"5f2f8a2c,2"',
        id: '5',
        'fields@odata.context':
          'https://graph.microsoft.com/v1.0/$metadata#sites/lists/items/fields/$entity',
        fields: {
          Title: 'Kudos',
          'Due Date': '2024-05-01',
          Count: 3,
          Tags: ['a'],
          Nested: { x: 1 },
        },
      };
      expect(checkAgainstCsdl('listItem', item)).toEqual([]);
    });

    it('is still strict about the list item itself', () => {
      expect(checkAgainstCsdl('listItem', { id: '5', Title: 'Kudos' })).toEqual([
        '$.Title: property "Title" is not declared on microsoft.graph.listItem',
      ]);
    });
  });
});

describe('checkCollectionResponse', () => {
  const response = {
    '@odata.context':
      'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
    '@odata.nextLink': 'https://graph.microsoft.com/v1.0/next',
    value: [{ scheduleId: 'adelev@contoso.com', availabilityView: '0020' }],
  };

  it('accepts annotations beside value and checks each item', () => {
    expect(checkCollectionResponse('scheduleInformation', response)).toEqual([]);
    expect(
      checkCollectionResponse('scheduleInformation', { ...response, value: [{ scheduleId: 5 }] }),
    ).toEqual(['$.value[0].scheduleId: expected Edm.String (a string), got number 5']);
  });

  it('reports anything else beside value, and a value that is not an array', () => {
    expect(checkCollectionResponse('scheduleInformation', { count: 1, value: {} })).toEqual([
      '$.count: only "value" and annotations belong here',
      '$.value: expected an array (Collection(microsoft.graph.scheduleInformation)), got object',
    ]);
  });
});
