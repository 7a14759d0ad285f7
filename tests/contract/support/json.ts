/** Small helpers for walking untyped JSON and describing where and what a value is. */

export type JsonObject = Record<string, unknown>;

/** A JSON object: not null and not an array (both of which `typeof` calls "object"). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'undefined';

/** The JSON type of a value; anything JSON cannot hold (functions, bigint…) counts as undefined. */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'object' || type === 'string' || type === 'number' || type === 'boolean'
    ? type
    : 'undefined';
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** JSONPath-style path of a child: `$.attendees[0].emailAddress`, or `$.fields["Due Date"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

const PREVIEW_LENGTH = 60;

/** "string \"abc\"", "number 5", "object", … — enough to see what went wrong in a message. */
export function describeValue(value: unknown): string {
  const type = jsonTypeOf(value);
  if (type === 'string' || type === 'number' || type === 'boolean') {
    const text = JSON.stringify(value);
    const shown = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
    return `${type} ${shown}`;
  }
  return type;
}
