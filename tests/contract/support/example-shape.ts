/**
 * Microsoft's documented request/response examples (shared/reference/graph/examples), and a
 * comparison of a response body with the documented one: the local tenant must return at least
 * what the docs show, shaped the same way, while values (ids, names, times) may differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { childPath, describeValue, isJsonObject, jsonTypeOf, type JsonObject } from './json';
import { graphReferenceDir } from './paths';

export const examplesDir = path.join(graphReferenceDir, 'examples');

/**
 * Problems with `actual` as a stand-in for the `documented` body, each starting with its JSON
 * path; empty when it fits. The rules:
 * - every property of a documented object must be present in the actual object, with the same
 *   JSON type, recursively; extra actual properties are fine (docs shorten bodies);
 * - a documented `null` matches any value (docs show null where real data may hold one), but the
 *   property must still be present, as Graph writes null rather than leaving properties out; an
 *   actual `null` where the docs show a value is a mismatch;
 * - primitives only need the same JSON type: documented placeholders such as `"{id}"` or
 *   `"datetime-value"` are still strings;
 * - arrays: each documented item must be matched by at least one actual item (the same actual
 *   item may match several). Items of one list often differ in optional properties, so comparing
 *   item by position, or the first documented item against every actual item, would be unfair.
 *   An empty documented array only requires an array.
 */
export function compareToExample(documented: unknown, actual: unknown): string[] {
  return compare(documented, actual, '$');
}

function compare(documented: unknown, actual: unknown, path: string): string[] {
  if (documented === null) return [];
  if (Array.isArray(documented)) {
    return Array.isArray(actual)
      ? compareArrays(documented, actual, path)
      : [typeMismatch(documented, actual, path)];
  }
  if (isJsonObject(documented)) {
    return isJsonObject(actual)
      ? compareObjects(documented, actual, path)
      : [typeMismatch(documented, actual, path)];
  }
  return jsonTypeOf(documented) === jsonTypeOf(actual)
    ? []
    : [typeMismatch(documented, actual, path)];
}

function typeMismatch(documented: unknown, actual: unknown, path: string): string {
  return `${path}: documented as ${jsonTypeOf(documented)}, got ${describeValue(actual)}`;
}

function compareObjects(documented: JsonObject, actual: JsonObject, path: string): string[] {
  return Object.entries(documented).flatMap(([key, value]) =>
    Object.hasOwn(actual, key)
      ? compare(value, actual[key], childPath(path, key))
      : [`${childPath(path, key)}: missing (documented as ${describeValue(value)})`],
  );
}

function compareArrays(documented: unknown[], actual: unknown[], path: string): string[] {
  return documented.flatMap((item, index) => unmatchedItem(item, index, actual, path));
}

/** Nothing if some actual item matches; otherwise why the nearest actual item does not. */
function unmatchedItem(item: unknown, index: number, actual: unknown[], path: string): string[] {
  const attempts = actual.map((candidate, i) => compare(item, candidate, childPath(path, i)));
  if (attempts.some((problems) => problems.length === 0)) return [];
  const summary = `${path}: no item matches documented item [${index}]`;
  const nearest = attempts.reduce<string[] | undefined>(
    (best, problems) => (best === undefined || problems.length < best.length ? problems : best),
    undefined,
  );
  return nearest === undefined
    ? [`${summary}: the array is empty`]
    : [`${summary}; the nearest item differs as follows`, ...nearest];
}

const exampleFile = z.object({
  source: z.string(),
  title: z.string(),
  /** null where the doc shows only a response. */
  request: z
    .object({
      method: z.string(),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.unknown(),
    })
    .nullable(),
  /** null where the doc shows only a request; `status` is null where the doc prints no status line. */
  response: z
    .object({
      status: z.number().nullable(),
      headers: z.record(z.string(), z.string()),
      body: z.unknown(),
    })
    .nullable(),
  notes: z.string(),
});

export type GraphExample = z.infer<typeof exampleFile> & {
  /** e.g. `event-get-1.json` */
  readonly fileName: string;
  /** The file name without `.json`, e.g. `event-get-1`. */
  readonly name: string;
};

/** Every documented example, sorted by file name. */
export function loadExamples(): GraphExample[] {
  return readdirSync(examplesDir)
    .filter((fileName) => fileName.endsWith('.json'))
    .sort()
    .map(readExample);
}

/** One documented example by name (`event-get-1`); throws if there is none. */
export function loadExample(name: string): GraphExample {
  return readExample(`${name}.json`);
}

function readExample(fileName: string): GraphExample {
  const text = readFileSync(path.join(examplesDir, fileName), 'utf8');
  const parsed = exampleFile.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${fileName} is not a documented example: ${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data, fileName, name: fileName.slice(0, -'.json'.length) };
}
