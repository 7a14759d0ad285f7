import type * as G from '@microsoft/microsoft-graph-types';
import { describe, expect, it } from 'vitest';
import { expectationsSchema } from '../../../../src/domain/expectations/schema';
import type { InvalidRecord } from '../../../../src/domain/ports/expectations';
import { invalidRecordErrors } from '../../../../src/features/meeting/invalid-record-errors';
import { de } from '../../../../src/features/shared/i18n/de';
import { en } from '../../../../src/features/shared/i18n/en';
import { parsePayload } from '../../../../src/graph/expectations/expectations-repository';

const long = (n: number) => 'x'.repeat(n);

/** A stored record as damaged through raw Graph, read the way the meeting tab reads it. */
function storedInvalid(payload: string): InvalidRecord {
  const read = parsePayload(
    { fields: { Key: 'k', Payload: payload } } as G.ListItem,
    expectationsSchema,
  );
  if (read.kind !== 'invalid') throw new Error('expected an invalid record');
  const { errors, issues, words } = read;
  return {
    version: { itemId: '1', etag: '"1"' },
    errors,
    ...(issues === undefined ? {} : { issues }),
    ...(words === undefined ? {} : { words }),
  };
}

const damaged = JSON.stringify({
  schemaVersion: 2,
  meetingKey: '',
  purpose: `${long(301)}\u0001`,
  outcome: 5,
  agenda: [{ title: long(121), minutes: 1.5 }, { title: 'Tab\there' }],
  roles: [{ kind: 'bogus', holderId: 'a' }],
  deliverables: [{ id: 'd', title: '', ownerId: 'a', due: '2026-02-30', status: 'x' }],
  successMetrics: ['', 3],
});

describe('a stored record that no longer reads', () => {
  it('says in English exactly what the adapter said', () => {
    const invalid = storedInvalid(damaged);
    expect(Object.keys(invalid.errors).length).toBeGreaterThan(5);
    expect(invalidRecordErrors(invalid)).toEqual(invalid.errors);
    expect(invalidRecordErrors(invalid, en)).toEqual(invalid.errors);
  });

  it('says it in German, field by field', () => {
    const invalid = storedInvalid(damaged);
    const german = invalidRecordErrors(invalid, de);
    expect(Object.keys(german)).toEqual(Object.keys(invalid.errors));
    for (const [path, messages] of Object.entries(german)) {
      expect(messages, path).not.toEqual(invalid.errors[path]);
    }
  });

  it('says a payload that is not JSON in both languages', () => {
    const invalid = storedInvalid('{not json');
    expect(invalidRecordErrors(invalid)).toEqual({ '': ['The stored payload is not valid JSON.'] });
    expect(invalidRecordErrors(invalid)).toEqual(invalid.errors);
    expect(invalidRecordErrors(invalid, de)).toEqual({
      '': ['Der gespeicherte Inhalt ist kein gültiges JSON.'],
    });
  });

  it('keeps the English of a record that carries neither issues nor words', () => {
    const invalid: InvalidRecord = {
      version: { itemId: '1', etag: '"1"' },
      errors: { purpose: ['As sent.'] },
    };
    expect(invalidRecordErrors(invalid, de)).toBe(invalid.errors);
  });
});
