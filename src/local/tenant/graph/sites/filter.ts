import type { StoredList, StoredListItem } from '../../store/state';
import { invalidRequest } from './access';
import { SYSTEM_FIELDS, kindOf, parseDateValue } from './columns';

type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; value: string };

type FilterNode =
  | { kind: 'cmp'; field: string; op: Op; value: Literal }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode };

type Token = { t: 'lparen' | 'rparen' } | { t: 'word'; v: string } | { t: 'lit'; v: Literal };

const OPS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** Graph's own text for a filter on a column SharePoint has no index for. */
export const NON_INDEXED_MESSAGE = (field: string): string =>
  `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`;

const bad = (detail: string) => invalidRequest(`Invalid filter clause: ${detail}`);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(\()|(\))|'((?:[^']|'')*)'|(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w-])|([A-Za-z_][\w/]*))\s*/y;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m || m[0] === '') throw bad(`unexpected text at position ${pos}.`);
    pos = re.lastIndex;
    const [, lp, rp, str, date, num, word] = m;
    if (lp) tokens.push({ t: 'lparen' });
    else if (rp) tokens.push({ t: 'rparen' });
    else if (str !== undefined)
      tokens.push({ t: 'lit', v: { kind: 'string', value: str.replaceAll("''", "'") } });
    else if (date) tokens.push({ t: 'lit', v: { kind: 'datetime', value: date } });
    else if (num) tokens.push({ t: 'lit', v: { kind: 'number', value: Number(num) } });
    else if (word === 'true' || word === 'false')
      tokens.push({ t: 'lit', v: { kind: 'boolean', value: word === 'true' } });
    else if (word === 'null') tokens.push({ t: 'lit', v: { kind: 'null' } });
    else if (word) tokens.push({ t: 'word', v: word });
  }
  return tokens;
}

/** `or` binds looser than `and`, which binds looser than `not` and comparisons, as in OData. */
function parse(src: string): FilterNode {
  const tokens = tokenize(src);
  let i = 0;
  const peekWord = (): string | undefined => {
    const t = tokens[i];
    return t?.t === 'word' ? t.v : undefined;
  };
  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (peekWord() === 'or') {
      i++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): FilterNode => {
    let left = unary();
    while (peekWord() === 'and') {
      i++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): FilterNode => {
    const t = tokens[i];
    if (t?.t === 'word' && t.v === 'not') {
      i++;
      return { kind: 'not', operand: unary() };
    }
    if (t?.t === 'lparen') {
      i++;
      const inner = orExpr();
      if (tokens[i]?.t !== 'rparen') throw bad('missing closing parenthesis.');
      i++;
      return inner;
    }
    return comparison();
  };
  const comparison = (): FilterNode => {
    const field = tokens[i];
    const op = tokens[i + 1];
    const value = tokens[i + 2];
    if (field?.t !== 'word') throw bad('expected a property such as fields/Name.');
    if (op?.t !== 'word' || !OPS.has(op.v))
      throw bad(`expected eq, ne, lt, le, gt or ge after '${field.v}'.`);
    if (value?.t !== 'lit') throw bad(`expected a literal after '${field.v} ${op.v}'.`);
    i += 3;
    return { kind: 'cmp', field: field.v, op: op.v as Op, value: value.v };
  };
  const tree = orExpr();
  if (i !== tokens.length) throw bad('unexpected text after the expression.');
  return tree;
}

export type Comparable = string | number | boolean;
export type FieldType = 'text' | 'number' | 'dateTime' | 'boolean';

export interface Resolved {
  type: FieldType;
  read: (item: StoredListItem) => unknown;
}

export function resolveField(list: StoredList, path: string, honorNonIndexed: boolean): Resolved {
  if (path === 'id') return { type: 'number', read: (item) => Number(item.id) };
  if (!path.startsWith('fields/')) {
    throw bad(`'${path}' cannot be filtered on; use id or fields/{column}.`);
  }
  const name = path.slice('fields/'.length);
  if (name === 'id' || name === 'ID') return { type: 'number', read: (item) => Number(item.id) };
  const system = SYSTEM_FIELDS[name];
  const column = list.columns.find((c) => c.name === name);
  if (!system && !column) {
    throw invalidRequest(
      `Column '${name}' does not exist. It may have been deleted by another user.`,
    );
  }
  if (!column?.indexed && !honorNonIndexed) throw invalidRequest(NON_INDEXED_MESSAGE(name));
  if (column) {
    const kind = kindOf(column);
    const type: FieldType = kind === 'choice' ? 'text' : kind;
    return { type, read: (item) => item.fields[name] };
  }
  if (name === 'Created') return { type: 'dateTime', read: (item) => item.createdDateTime };
  if (name === 'Modified') return { type: 'dateTime', read: (item) => item.lastModifiedDateTime };
  throw bad(`'${name}' cannot be filtered on in the local tenant.`);
}

export function toComparable(type: FieldType, raw: unknown): Comparable | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  switch (type) {
    case 'text':
      return typeof raw === 'string' ? raw.toLowerCase() : undefined;
    case 'number':
      return typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && raw.trim() !== ''
          ? Number(raw)
          : undefined;
    case 'dateTime':
      return typeof raw === 'string' ? parseDateValue(raw) : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : raw === 1 ? true : raw === 0 ? false : undefined;
  }
}

function literalFor(type: FieldType, field: string, lit: Literal): Comparable | undefined {
  if (lit.kind === 'null') return undefined;
  const value = toComparable(type, lit.value);
  if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
    throw bad(`the literal for '${field}' does not fit its ${type} column.`);
  }
  return value;
}

function compare(op: Op, a: Comparable | undefined, b: Comparable | undefined): boolean {
  if (a === undefined || b === undefined) {
    if (op === 'eq') return a === b;
    if (op === 'ne') return a !== b;
    return false;
  }
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
}

/**
 * Compiles an OData `$filter` over list items. As in SharePoint, only indexed columns (and the id)
 * may be referenced unless the caller opted into non-indexed queries with the Prefer header.
 */
export function compileFilter(
  list: StoredList,
  src: string,
  honorNonIndexed: boolean,
): (item: StoredListItem) => boolean {
  const build = (node: FilterNode): ((item: StoredListItem) => boolean) => {
    switch (node.kind) {
      case 'and': {
        const l = build(node.left);
        const r = build(node.right);
        return (item) => l(item) && r(item);
      }
      case 'or': {
        const l = build(node.left);
        const r = build(node.right);
        return (item) => l(item) || r(item);
      }
      case 'not': {
        const inner = build(node.operand);
        return (item) => !inner(item);
      }
      case 'cmp': {
        const field = resolveField(list, node.field, honorNonIndexed);
        const literal = literalFor(field.type, node.field, node.value);
        return (item) => compare(node.op, toComparable(field.type, field.read(item)), literal);
      }
    }
  };
  return build(parse(src));
}
