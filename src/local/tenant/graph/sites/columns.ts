import { randomUUID } from 'node:crypto';
import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { GraphError } from '../../http/graph-error';
import type { StoredList, StoredListItem } from '../../store/state';
import { invalidRequest } from './access';

/** SharePoint's caps: a single line of text holds 255 characters, a multi-line one 63,999 here. */
export const MAX_SINGLE_LINE = 255;
export const MAX_MULTI_LINE = 63_999;
export const MAX_CUSTOM_COLUMNS = 100;

export type ColumnKind = 'text' | 'number' | 'dateTime' | 'boolean' | 'choice';

const SUPPORTED_FACETS = ['text', 'number', 'dateTime', 'boolean', 'choice'] as const;
const UNSUPPORTED_FACETS = [
  'calculated',
  'contentApprovalStatus',
  'currency',
  'geolocation',
  'hyperlinkOrPicture',
  'lookup',
  'personOrGroup',
  'term',
  'thumbnail',
] as const;

/**
 * Fields SharePoint computes for every item and this tenant answers; they can be read and
 * filtered, never written, and no column may take their names.
 */
export const SYSTEM_FIELDS: Record<string, 'number' | 'dateTime' | 'text'> = {
  id: 'number',
  ID: 'number',
  Created: 'dateTime',
  Modified: 'dateTime',
  ContentType: 'text',
  Attachments: 'text',
  _UIVersionString: 'text',
};

const nullish = <T extends z.ZodType>(t: T) => t.nullish();

export const columnInput = z.looseObject({
  name: z.string().min(1).max(255),
  displayName: nullish(z.string().max(255)),
  description: nullish(z.string().max(1000)),
  indexed: nullish(z.boolean()),
  enforceUniqueValues: nullish(z.boolean()),
  required: nullish(z.boolean()),
  hidden: nullish(z.boolean()),
  text: nullish(
    z.looseObject({
      allowMultipleLines: nullish(z.boolean()),
      appendChangesToExistingText: nullish(z.boolean()),
      linesForEditing: nullish(z.number().int().min(0).max(1000)),
      maxLength: nullish(z.number().int()),
      textType: nullish(z.enum(['plain', 'richText'])),
    }),
  ),
  number: nullish(
    z.looseObject({
      decimalPlaces: nullish(z.string()),
      displayAs: nullish(z.string()),
      maximum: nullish(z.number()),
      minimum: nullish(z.number()),
    }),
  ),
  dateTime: nullish(
    z.looseObject({
      displayAs: nullish(z.string()),
      format: nullish(z.enum(['dateOnly', 'dateTime'])),
    }),
  ),
  boolean: nullish(z.looseObject({})),
  choice: nullish(
    z.looseObject({
      allowTextEntry: nullish(z.boolean()),
      choices: nullish(z.array(z.string().min(1).max(255)).max(1000)),
      displayAs: nullish(z.enum(['checkBoxes', 'dropDownMenu', 'radioButtons'])),
    }),
  ),
});
export type ColumnInput = z.infer<typeof columnInput>;

export function kindOf(column: G.ColumnDefinition): ColumnKind {
  for (const facet of SUPPORTED_FACETS) if (column[facet]) return facet;
  return 'text';
}

export function isMultiLine(column: G.ColumnDefinition): boolean {
  return column.text?.allowMultipleLines === true;
}

/** The Title column every generic list starts with. */
export function titleColumn(): G.ColumnDefinition {
  return {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    columnGroup: 'Custom Columns',
    description: '',
    displayName: 'Title',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    name: 'Title',
    readOnly: false,
    // SharePoint marks Title required in its forms; through Graph an item may leave it empty.
    required: false,
    text: {
      allowMultipleLines: false,
      appendChangesToExistingText: false,
      linesForEditing: 0,
      maxLength: MAX_SINGLE_LINE,
    },
  };
}

/** Read-only columns a list reports beside its own, as SharePoint lists do. */
export function systemColumns(): G.ColumnDefinition[] {
  const readOnly = (
    id: string,
    name: string,
    displayName: string,
    facet: Partial<G.ColumnDefinition>,
  ): G.ColumnDefinition => ({
    id,
    columnGroup: '_Hidden',
    description: '',
    displayName,
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    name,
    readOnly: true,
    required: false,
    ...facet,
  });
  return [
    readOnly('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', { number: {} }),
    readOnly('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', {
      dateTime: { format: 'dateTime' },
    }),
    readOnly('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', {
      dateTime: { format: 'dateTime' },
    }),
    readOnly('c042a256-787d-4a6f-8a8a-cf6ab767f12d', 'ContentType', 'Content Type', { text: {} }),
  ];
}

/**
 * Checks a column definition the way SharePoint would accept it and returns it as stored.
 * `existing` holds the list's columns so duplicates are refused.
 */
export function defineColumn(
  input: ColumnInput,
  existing: readonly G.ColumnDefinition[],
): G.ColumnDefinition {
  const { name } = input;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) {
    throw invalidRequest(
      `The column name '${name}' is not valid: use up to 32 letters, digits or underscores, starting with a letter.`,
    );
  }
  const taken = new Set([
    ...existing.map((c) => c.name?.toLowerCase()),
    ...Object.keys(SYSTEM_FIELDS).map((f) => f.toLowerCase()),
  ]);
  if (taken.has(name.toLowerCase())) {
    throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
  }
  const unsupported = UNSUPPORTED_FACETS.filter(
    (f) => (input as Record<string, unknown>)[f] != null,
  );
  if (unsupported.length > 0) {
    throw invalidRequest(
      `The local tenant does not serve '${unsupported.join(', ')}' columns; use text, number, dateTime, boolean or choice.`,
    );
  }
  const facets = SUPPORTED_FACETS.filter((f) => input[f] != null);
  const [kind] = facets;
  if (kind === undefined || facets.length > 1) {
    throw invalidRequest(
      `Column '${name}' must have exactly one type facet: text, number, dateTime, boolean or choice.`,
    );
  }
  const indexed = input.indexed ?? false;
  const unique = input.enforceUniqueValues ?? false;
  const multiLine = input.text?.allowMultipleLines ?? false;
  if (unique && !indexed) {
    throw invalidRequest(
      `Column '${name}' must be indexed to enforce unique values; set "indexed": true.`,
    );
  }
  if (multiLine && (indexed || unique)) {
    throw invalidRequest(
      `Column '${name}' allows multiple lines of text, which SharePoint cannot index or keep unique.`,
    );
  }
  if (kind === 'boolean' && unique) {
    throw invalidRequest(
      `Column '${name}' is a Yes/No column, which cannot enforce unique values.`,
    );
  }

  const column: G.ColumnDefinition = {
    id: randomUUID(),
    columnGroup: 'Custom Columns',
    description: input.description ?? '',
    displayName: input.displayName ?? name,
    enforceUniqueValues: unique,
    hidden: input.hidden ?? false,
    indexed,
    name,
    readOnly: false,
    required: input.required ?? false,
  };
  switch (kind) {
    case 'text': {
      const limit = multiLine ? MAX_MULTI_LINE : MAX_SINGLE_LINE;
      const maxLength = input.text?.maxLength ?? limit;
      if (maxLength < 1 || maxLength > limit) {
        throw invalidRequest(`Column '${name}': maxLength must be between 1 and ${limit}.`);
      }
      column.text = {
        allowMultipleLines: multiLine,
        appendChangesToExistingText: false,
        linesForEditing: multiLine ? (input.text?.linesForEditing ?? 6) : 0,
        maxLength,
        ...(multiLine ? { textType: input.text?.textType ?? 'plain' } : {}),
      };
      break;
    }
    case 'number': {
      const { minimum, maximum } = input.number ?? {};
      if (minimum != null && maximum != null && minimum > maximum) {
        throw invalidRequest(`Column '${name}': minimum is greater than maximum.`);
      }
      column.number = {
        decimalPlaces: input.number?.decimalPlaces ?? 'automatic',
        displayAs: input.number?.displayAs ?? 'number',
        maximum: maximum ?? 1.7976931348623157e308,
        minimum: minimum ?? -1.7976931348623157e308,
      };
      break;
    }
    case 'dateTime':
      column.dateTime = {
        displayAs: input.dateTime?.displayAs ?? 'default',
        format: input.dateTime?.format ?? 'dateTime',
      };
      break;
    case 'boolean':
      column.boolean = {};
      break;
    case 'choice': {
      const choices = input.choice?.choices ?? [];
      if (choices.length === 0)
        throw invalidRequest(`Choice column '${name}' needs at least one choice.`);
      column.choice = {
        allowTextEntry: input.choice?.allowTextEntry ?? false,
        choices,
        displayAs: input.choice?.displayAs ?? 'dropDownMenu',
      };
      break;
    }
  }
  return column;
}

export function customColumnCount(list: StoredList): number {
  return list.columns.filter((c) => c.name !== 'Title').length;
}

const DATE_INPUT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** SharePoint keeps date-times to the second, in UTC, and answers them as `yyyy-MM-ddTHH:mm:ssZ`. */
export function parseDateValue(raw: string): number | undefined {
  const m = DATE_INPUT.exec(raw);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const ms = Date.parse(`${y ?? ''}-${mo ?? ''}-${d ?? ''}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

export function formatDateValue(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type FieldValue = string | number | boolean | null;

/** Checks one written value against its column and returns it as SharePoint stores it. */
function normalizeValue(column: G.ColumnDefinition, value: unknown): FieldValue {
  const name = column.name ?? '';
  if (value === null || value === undefined) return null;
  const wrongType = (expected: string) =>
    invalidRequest(`The value of field '${name}' must be ${expected}.`);
  switch (kindOf(column)) {
    case 'text': {
      if (typeof value !== 'string') throw wrongType('a string');
      const max = column.text?.maxLength ?? MAX_SINGLE_LINE;
      if (value.length > max) {
        throw invalidRequest(
          `The value of field '${name}' is ${value.length} characters long; the column allows at most ${max}.`,
        );
      }
      return value === '' ? null : value;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('a number');
      const { minimum, maximum } = column.number ?? {};
      if ((minimum != null && value < minimum) || (maximum != null && value > maximum)) {
        throw invalidRequest(`The value of field '${name}' is outside the column's range.`);
      }
      return value;
    }
    case 'dateTime': {
      if (typeof value !== 'string') throw wrongType('an ISO 8601 date or date-time string');
      if (value === '') return null;
      const ms = parseDateValue(value);
      if (ms === undefined) throw wrongType('an ISO 8601 date or date-time string');
      if (column.dateTime?.format === 'dateOnly') {
        // Date-only values are kept at midnight of the site's time zone, which is UTC here.
        return formatDateValue(Date.parse(new Date(ms).toISOString().slice(0, 10)));
      }
      return formatDateValue(ms);
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('true or false');
      return value;
    case 'choice': {
      if (typeof value !== 'string') throw wrongType('a string');
      if (value === '') return null;
      const choices = column.choice?.choices ?? [];
      if (!column.choice?.allowTextEntry && !choices.includes(value)) {
        throw invalidRequest(
          `The value '${value}' is not one of the choices of field '${name}': ${choices.join(', ')}.`,
        );
      }
      return value;
    }
  }
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

/**
 * Validates a write of `input` to an item (new when `current` is undefined) and returns the
 * values to store. Unknown and read-only fields, wrong types, missing required values and
 * duplicates in unique columns are refused before anything changes.
 */
export function checkFieldWrite(
  list: StoredList,
  input: Record<string, unknown>,
  current: StoredListItem | undefined,
): Record<string, FieldValue> {
  const byName = new Map(list.columns.map((c) => [c.name ?? '', c]));
  const changes: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(input)) {
    // OData annotations such as @odata.etag may be echoed back by clients; SharePoint ignores them.
    if (key.startsWith('@')) continue;
    if (key in SYSTEM_FIELDS) throw invalidRequest(`Field '${key}' is read-only.`);
    const column = byName.get(key);
    if (!column) throw invalidRequest(`Field '${key}' is not recognized`);
    changes[key] = normalizeValue(column, value);
  }

  for (const column of list.columns) {
    if (!column.required) continue;
    const name = column.name ?? '';
    const touched = name in changes;
    if (
      (current === undefined || touched) &&
      isEmpty(touched ? changes[name] : current?.fields[name])
    ) {
      throw invalidRequest(`Field '${name}' is required.`);
    }
  }

  const duplicates = list.columns.filter((column) => {
    const name = column.name ?? '';
    const value = changes[name];
    if (!column.enforceUniqueValues || isEmpty(value)) return false;
    return Object.values(list.items).some(
      (other) => other.id !== current?.id && sameValue(other.fields[name], value),
    );
  });
  if (duplicates.length > 0) {
    throw new GraphError(
      409,
      'nameAlreadyExists',
      `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${duplicates.map((c) => c.name ?? '').join(', ')}].`,
    );
  }
  return changes;
}

/** SharePoint compares text case-insensitively, for unique values and filters alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
