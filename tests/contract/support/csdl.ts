/**
 * Checks a JSON body against Microsoft Graph v1.0's own schema (its CSDL), so a contract test can
 * tell when the local tenant returns a property, a JSON type or an enum value that Graph would not.
 *
 * Rules, per object (and recursively through complex values and expanded navigation properties):
 * - every property must be declared on the object's type or one of its base types; an
 *   `@odata.type` annotation selects a derived type (which must derive from the declared one);
 * - undeclared properties are accepted only on property bags such as a list item's `fields`
 *   (see `CsdlOptions.openTypes` for why, and for the CSDL's looser reading);
 * - annotations (keys containing `@`: `@odata.etag`, `calendar@odata.navigationLink`, …) are
 *   allowed; one that targets a property must target a declared one;
 * - values must have the JSON type of their Edm type, enum values must be members, and `null` is
 *   accepted everywhere except where the CSDL says Nullable="false".
 */
import { childPath, describeValue, isJsonObject, type JsonObject } from './json';
import {
  loadCsdlModel,
  type CsdlModel,
  type EnumType,
  type StructuredType,
  type TypeRef,
} from './csdl-model';

export interface CsdlOptions {
  /**
   * Which open types (OpenType="true") may carry properties they do not declare.
   *
   * `'property-bags'` (the default): only types that are open by design, declaring nothing but
   * `id` (`fieldValueSet`, `Dictionary`, `extension` and types derived from them). Graph marks
   * hundreds of ordinary types open as well (event, user, directoryObject, identity, …) so tenant
   * extensions can add data; honouring that would let any misspelt or invented property on an
   * event through, which is what these checks exist to catch.
   *
   * `'all'`: the CSDL's own reading, for bodies where Graph really does rely on openness, e.g.
   * `userIdentityType` on a chatMessage's `from.user` without an `@odata.type`.
   */
  readonly openTypes?: 'property-bags' | 'all';
}

/**
 * Problems found in `json` read as a `typeName` (`event`, `microsoft.graph.event`,
 * `Collection(attendee)`, …), each starting with the JSON path it is about; empty when it fits.
 * Throws if the type does not exist: that is a mistake in the test, not in the JSON.
 */
export function checkAgainstCsdl(
  typeName: string,
  json: unknown,
  options: CsdlOptions = {},
): string[] {
  return check(typeName, json, '$', options);
}

/**
 * Problems in a collection response, `{ "@odata.context": …, "value": [ … ] }`: only annotations
 * (`@odata.count`, `@odata.nextLink`, …) may sit beside `value`, whose items are `itemTypeName`.
 */
export function checkCollectionResponse(
  itemTypeName: string,
  body: unknown,
  options: CsdlOptions = {},
): string[] {
  if (!isJsonObject(body)) {
    return [`$: expected a collection response object, got ${describeValue(body)}`];
  }
  const strays = Object.keys(body).filter((key) => key !== 'value' && !isAnnotation(key));
  return [
    ...strays.map((key) => `${childPath('$', key)}: only "value" and annotations belong here`),
    ...check(`Collection(${itemTypeName})`, body.value, '$.value', options),
  ];
}

function check(typeName: string, json: unknown, rootPath: string, options: CsdlOptions): string[] {
  const model = loadCsdlModel();
  const type = model.resolveTypeName(typeName);
  if (type === undefined) throw new Error(`No type "${typeName}" in the Graph v1.0 CSDL`);
  if (json === null) return [`${rootPath}: expected ${typeName}, got null`];
  const checker = new Checker(model, options.openTypes ?? 'property-bags');
  checker.checkValue(type, json, rootPath, false);
  return checker.problems;
}

/** OData puts annotations in keys with an `@`: alone (`@odata.etag`) or after a property name. */
function isAnnotation(key: string): boolean {
  return key.includes('@');
}

/** How a primitive Edm type looks in JSON. */
interface PrimitiveRule {
  /** Shown in problems, e.g. "an integer". */
  readonly expected: string;
  readonly accepts: (value: unknown) => boolean;
}

const anyValue: PrimitiveRule = { expected: 'any value', accepts: () => true };

function integerBetween(min: number, max: number): PrimitiveRule {
  return {
    expected: `an integer from ${min} to ${max}`,
    accepts: (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  };
}

function stringMatching(pattern: RegExp, expected: string): PrimitiveRule {
  return { expected, accepts: (v) => typeof v === 'string' && pattern.test(v) };
}

/** OData JSON writes the IEEE 754 specials of Edm.Double and Edm.Single as strings. */
const floatingPoint: PrimitiveRule = {
  expected: 'a number',
  accepts: (v) => typeof v === 'number' || v === 'NaN' || v === 'INF' || v === '-INF',
};

// Formats are checked loosely: enough to catch a date where a date-time belongs, or a missing
// offset, without re-implementing ISO 8601.
const PRIMITIVES: ReadonlyMap<string, PrimitiveRule> = new Map([
  ['Edm.String', { expected: 'a string', accepts: (v) => typeof v === 'string' }],
  ['Edm.Boolean', { expected: 'a boolean', accepts: (v) => typeof v === 'boolean' }],
  ['Edm.Byte', integerBetween(0, 255)],
  ['Edm.SByte', integerBetween(-128, 127)],
  ['Edm.Int16', integerBetween(-32768, 32767)],
  ['Edm.Int32', integerBetween(-2147483648, 2147483647)],
  // Graph writes Int64 as a JSON number (it does not use IEEE754Compatible=true strings).
  ['Edm.Int64', { expected: 'an integer', accepts: (v) => Number.isInteger(v) }],
  ['Edm.Decimal', { expected: 'a number', accepts: (v) => typeof v === 'number' }],
  ['Edm.Double', floatingPoint],
  ['Edm.Single', floatingPoint],
  ['Edm.Guid', stringMatching(/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i, 'a GUID string')],
  [
    'Edm.DateTimeOffset',
    stringMatching(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/,
      'an ISO 8601 date-time string with a Z or ±hh:mm offset',
    ),
  ],
  ['Edm.Date', stringMatching(/^\d{4}-\d{2}-\d{2}$/, 'a yyyy-mm-dd string')],
  ['Edm.TimeOfDay', stringMatching(/^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, 'an hh:mm:ss string')],
  [
    'Edm.Duration',
    stringMatching(/^-?P(?=[\dT])[\dYMWD]*(?:T[\d.HMS]+)?$/, 'an ISO 8601 duration'),
  ],
  // Standard or URL-safe alphabet: OData specifies base64url, Graph mostly sends standard base64.
  ['Edm.Binary', stringMatching(/^[A-Za-z0-9+/_-]*={0,2}$/, 'a base64 string')],
  // Streams travel outside the JSON (only their @odata.media* annotations appear in it), and the
  // abstract types can hold anything.
  ['Edm.Stream', anyValue],
  ['Edm.Untyped', anyValue],
  ['Edm.PrimitiveType', anyValue],
]);

/** How many names to list in a problem before "…". */
const LIST_LIMIT = 8;

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LIST_LIMIT).join(', ');
  return names.length > LIST_LIMIT ? `${shown}, …` : shown;
}

/** Walks one JSON value against one type, collecting problems. */
class Checker {
  readonly problems: string[] = [];

  constructor(
    private readonly model: CsdlModel,
    private readonly openTypes: NonNullable<CsdlOptions['openTypes']>,
  ) {}

  checkValue(type: TypeRef, value: unknown, path: string, nullable: boolean): void {
    if (value === null) {
      if (!nullable) this.report(path, 'null is not allowed (Nullable="false")');
      return;
    }
    if (!type.isCollection) {
      this.checkSingleValue(type.name, value, path);
      return;
    }
    if (!Array.isArray(value)) {
      this.report(
        path,
        `expected an array (Collection(${type.name})), got ${describeValue(value)}`,
      );
      return;
    }
    // Nullable on a collection property constrains its items.
    const itemType = { name: type.name, isCollection: false };
    value.forEach((item, index) => {
      this.checkValue(itemType, item, childPath(path, index), nullable);
    });
  }

  private checkSingleValue(typeName: string, value: unknown, path: string): void {
    const primitive = PRIMITIVES.get(typeName);
    if (primitive !== undefined) {
      if (!primitive.accepts(value)) {
        this.report(
          path,
          `expected ${typeName} (${primitive.expected}), got ${describeValue(value)}`,
        );
      }
      return;
    }
    const enumType = this.model.findEnumType(typeName);
    if (enumType !== undefined) {
      this.checkEnum(enumType, value, path);
      return;
    }
    const structured = this.model.findStructuredType(typeName);
    if (structured !== undefined) {
      this.checkObject(structured, value, path);
      return;
    }
    // Edm types without a rule (geography, geometry: absent from Graph v1.0) go unchecked.
    if (!typeName.startsWith('Edm.')) this.report(path, `type ${typeName} is not in the CSDL`);
  }

  private checkEnum(enumType: EnumType, value: unknown, path: string): void {
    if (typeof value !== 'string') {
      this.report(path, `expected a ${enumType.name} member name, got ${describeValue(value)}`);
      return;
    }
    const names = enumType.isFlags ? value.split(',').map((name) => name.trim()) : [value];
    for (const name of names.filter((n) => !enumType.members.includes(n))) {
      const sameButCase = enumType.members.find((m) => m.toLowerCase() === name.toLowerCase());
      const hint =
        sameButCase === undefined
          ? `members: ${listNames(enumType.members)}`
          : `the member is "${sameButCase}"; enum members are case-sensitive`;
      this.report(path, `"${name}" is not a member of ${enumType.name} (${hint})`);
    }
  }

  private checkObject(declared: StructuredType, value: unknown, path: string): void {
    if (!isJsonObject(value)) {
      this.report(path, `expected an object (${declared.name}), got ${describeValue(value)}`);
      return;
    }
    const type = this.actualType(declared, value, path);
    for (const [key, child] of Object.entries(value)) {
      if (isAnnotation(key)) {
        this.checkAnnotationTarget(type, key, path);
        continue;
      }
      const property = this.model.properties(type).get(key);
      if (property !== undefined) {
        this.checkValue(property.type, child, childPath(path, key), property.nullable);
      } else if (!this.acceptsUndeclared(type)) {
        this.report(childPath(path, key), this.undeclaredProperty(type, key));
      }
    }
  }

  private acceptsUndeclared(type: StructuredType): boolean {
    return this.openTypes === 'all' ? this.model.isOpen(type) : this.model.isPropertyBag(type);
  }

  /** The declared type, or the derived type that the object's `@odata.type` names. */
  private actualType(declared: StructuredType, value: JsonObject, path: string): StructuredType {
    const annotation = value['@odata.type'];
    if (annotation === undefined) {
      // OData requires @odata.type whenever the instance's type is not the expected one, which is
      // always the case for an abstract expected type (a chat member, an attachment).
      if (declared.isAbstract) {
        this.report(path, `${declared.name} is abstract: the object needs an "@odata.type"`);
      }
      return declared;
    }
    const annotationPath = childPath(path, '@odata.type');
    if (typeof annotation !== 'string' || !annotation.startsWith('#')) {
      this.report(
        annotationPath,
        `expected "#<qualified type name>", got ${describeValue(annotation)}`,
      );
      return declared;
    }
    const named = this.model.findStructuredType(annotation.slice(1));
    if (named === undefined) {
      this.report(annotationPath, `${annotation} is not a type in the CSDL`);
      return declared;
    }
    if (!this.model.isSameOrDerivedFrom(named, declared)) {
      this.report(annotationPath, `${named.name} does not derive from ${declared.name}`);
      return declared;
    }
    return named;
  }

  /** `calendar@odata.navigationLink` must annotate a property the type has. */
  private checkAnnotationTarget(type: StructuredType, key: string, path: string): void {
    const target = key.slice(0, key.indexOf('@'));
    if (target === '' || this.model.properties(type).has(target)) return;
    if (this.acceptsUndeclared(type)) return;
    this.report(childPath(path, key), `annotates "${target}", which ${type.name} does not declare`);
  }

  private undeclaredProperty(type: StructuredType, key: string): string {
    const hints: string[] = [];
    const sameButCase = [...this.model.properties(type).keys()].find(
      (name) => name.toLowerCase() === key.toLowerCase(),
    );
    if (sameButCase !== undefined) hints.push(`did you mean "${sameButCase}"?`);
    const declaringDerived = this.model
      .descendants(type)
      .filter((derived) => derived.ownProperties.has(key))
      .map((derived) => derived.name);
    if (declaringDerived.length > 0) {
      hints.push(
        `only derived types declare it: ${listNames(declaringDerived)}; select one with "@odata.type"`,
      );
    }
    const message = `property "${key}" is not declared on ${type.name}`;
    return hints.length === 0 ? message : `${message} (${hints.join('; ')})`;
  }

  private report(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }
}
