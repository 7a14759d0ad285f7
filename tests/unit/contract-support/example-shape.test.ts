import { describe, expect, it } from 'vitest';
import { compareToExample, loadExample, loadExamples } from '../../contract/support/example-shape';

function without(object: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
}

const documentedEvent = {
  id: '{id}',
  subject: 'Coffee chat',
  isOnlineMeeting: true,
  reminderMinutesBeforeStart: 15,
  start: { dateTime: 'datetime-value', timeZone: 'UTC' },
  attendees: [{ type: 'required', emailAddress: { address: 'adelev@contoso.com' } }],
  onlineMeeting: null,
};

describe('compareToExample', () => {
  it('accepts the documented body itself', () => {
    expect(compareToExample(documentedEvent, structuredClone(documentedEvent))).toEqual([]);
  });

  it('accepts different values of the same JSON types, placeholders included', () => {
    const actual = {
      ...documentedEvent,
      id: 'AAMkAGI2',
      subject: '',
      isOnlineMeeting: false,
      reminderMinutesBeforeStart: 0,
      start: { dateTime: '2024-05-02T10:00:00.0000000', timeZone: 'Pacific Standard Time' },
    };
    expect(compareToExample(documentedEvent, actual)).toEqual([]);
  });

  it('reports a missing property with its path, at any depth', () => {
    const actual = {
      ...without(documentedEvent, 'subject'),
      start: { dateTime: '2024-05-02T10:00:00' },
    };
    expect(compareToExample(documentedEvent, actual)).toEqual([
      '$.subject: missing (documented as string "Coffee chat")',
      '$.start.timeZone: missing (documented as string "UTC")',
    ]);
  });

  it('reports a JSON type mismatch, including null where the docs show a value', () => {
    const actual = {
      ...documentedEvent,
      isOnlineMeeting: 'true',
      reminderMinutesBeforeStart: null,
      start: [],
    };
    expect(compareToExample(documentedEvent, actual)).toEqual([
      '$.isOnlineMeeting: documented as boolean, got string "true"',
      '$.reminderMinutesBeforeStart: documented as number, got null',
      '$.start: documented as object, got array',
    ]);
  });

  it('lets a documented null match any value, but not a missing property', () => {
    for (const onlineMeeting of [null, { joinUrl: 'https://teams' }, 'x', []]) {
      expect(compareToExample(documentedEvent, { ...documentedEvent, onlineMeeting })).toEqual([]);
    }
    expect(compareToExample(null, { anything: 1 })).toEqual([]);
    expect(compareToExample(documentedEvent, without(documentedEvent, 'onlineMeeting'))).toEqual([
      '$.onlineMeeting: missing (documented as null)',
    ]);
  });

  it('allows extra properties in the actual body', () => {
    const actual = {
      ...documentedEvent,
      '@odata.etag': 'W/"x"',
      bodyPreview: 'Hi',
      showAs: 'busy',
    };
    expect(compareToExample(documentedEvent, actual)).toEqual([]);
  });

  describe('arrays', () => {
    const documented = {
      value: [
        { id: '2', fields: { Name: 'Gadget', Quantity: 503 } },
        { id: '4', fields: { Name: 'Widget', Color: 'Blue' } },
      ],
    };

    it('needs each documented item matched by some actual item, in any order', () => {
      const actual = {
        value: [
          { id: '9', fields: { Name: 'Gizmo', Color: 'Green' } },
          { id: '7', fields: { Name: 'Gear', Quantity: 1 } },
        ],
      };
      expect(compareToExample(documented, actual)).toEqual([]);
    });

    it('lets one actual item match several documented items', () => {
      const actual = { value: [{ id: '1', fields: { Name: 'All', Quantity: 1, Color: 'Red' } }] };
      expect(compareToExample(documented, actual)).toEqual([]);
    });

    it('explains an unmatched documented item by the nearest actual item', () => {
      const actual = {
        value: [
          { id: 9, fields: {} },
          { id: '7', fields: { Name: 'Gear', Quantity: '1' } },
        ],
      };
      expect(compareToExample(documented, actual)).toEqual([
        '$.value: no item matches documented item [0]; the nearest item differs as follows',
        '$.value[1].fields.Quantity: documented as number, got string "1"',
        '$.value: no item matches documented item [1]; the nearest item differs as follows',
        '$.value[1].fields.Color: missing (documented as string "Blue")',
      ]);
    });

    it('reports an empty actual array when the docs show items', () => {
      expect(compareToExample(documented, { value: [] })).toEqual([
        '$.value: no item matches documented item [0]: the array is empty',
        '$.value: no item matches documented item [1]: the array is empty',
      ]);
    });

    it('only needs an array when the documented array is empty', () => {
      expect(compareToExample({ attachments: [] }, { attachments: [{ id: 'a' }] })).toEqual([]);
      expect(compareToExample({ attachments: [] }, { attachments: {} })).toEqual([
        '$.attachments: documented as array, got object',
      ]);
    });
  });
});

describe('loadExamples', () => {
  it('loads every documented example with its file name', () => {
    const examples = loadExamples();
    expect(examples).toHaveLength(41);
    expect(examples.map((example) => example.fileName)).toContain('event-get-1.json');
    for (const example of examples) {
      expect(example.fileName).toBe(`${example.name}.json`);
    }
  });

  it('keeps requests and responses as documented, null where the doc shows none', () => {
    const eventGet = loadExample('event-get-1');
    expect(eventGet.request?.method).toBe('GET');
    expect(eventGet.response?.status).toBe(200);
    expect(loadExample('throttling-1').request).toBeNull();
    expect(loadExample('json-batching-2').response).toBeNull();
    expect(loadExample('errors-1').response?.status).toBeNull();
  });

  it("matches each documented response body against itself (the comparison's base case)", () => {
    for (const example of loadExamples()) {
      const body = example.response?.body;
      expect(compareToExample(body, structuredClone(body)), example.name).toEqual([]);
    }
  });

  it('throws for an example that does not exist', () => {
    expect(() => loadExample('no-such-example')).toThrow();
  });
});
