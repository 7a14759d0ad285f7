/**
 * The part of Microsoft Graph v1.0's CSDL ($metadata) that the contract checks need: entity and
 * complex types with their inheritance, and enum types. Parsed once per test process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { graphReferenceDir } from './paths';

export const csdlPath = path.join(graphReferenceDir, 'v1.0-Prod.csdl');

/** The Graph namespace; unqualified type names given by callers are looked up here. */
const GRAPH_NAMESPACE = 'microsoft.graph';

/** A property's type: a qualified name (`Edm.String`, `microsoft.graph.attendee`), maybe a collection. */
export interface TypeRef {
  readonly name: string;
  readonly isCollection: boolean;
}

export interface PropertyDef {
  readonly name: string;
  readonly type: TypeRef;
  /** False only where the CSDL says Nullable="false" (for collections: the items). */
  readonly nullable: boolean;
  readonly isNavigation: boolean;
}

export interface StructuredType {
  readonly kind: 'entity' | 'complex';
  /** Qualified name, e.g. `microsoft.graph.event`. */
  readonly name: string;
  readonly baseName: string | undefined;
  /** OpenType="true" on this type itself (CSDL requires types derived from an open type to be open). */
  readonly isOpen: boolean;
  /** Abstract="true": instances are always of a derived type. */
  readonly isAbstract: boolean;
  /** Properties and navigation properties declared on this type itself, not inherited ones. */
  readonly ownProperties: ReadonlyMap<string, PropertyDef>;
}

export interface EnumType {
  readonly name: string;
  /** IsFlags="true": a value may combine members, comma-separated. */
  readonly isFlags: boolean;
  readonly members: readonly string[];
}

// The raw XML, as fast-xml-parser returns it, validated so the rest of the code is typed.
// Attributes are grouped under `attrs` so they can never collide with child element names.
const rawProperty = z.object({
  attrs: z.object({ Name: z.string(), Type: z.string(), Nullable: z.string().optional() }),
});
const rawStructuredType = z.object({
  attrs: z.object({
    Name: z.string(),
    BaseType: z.string().optional(),
    OpenType: z.string().optional(),
    Abstract: z.string().optional(),
  }),
  Property: z.array(rawProperty).default([]),
  NavigationProperty: z.array(rawProperty).default([]),
});
const rawEnumType = z.object({
  attrs: z.object({ Name: z.string(), IsFlags: z.string().optional() }),
  Member: z.array(z.object({ attrs: z.object({ Name: z.string() }) })).default([]),
});
const rawSchema = z.object({
  attrs: z.object({ Namespace: z.string(), Alias: z.string().optional() }),
  EntityType: z.array(rawStructuredType).default([]),
  ComplexType: z.array(rawStructuredType).default([]),
  EnumType: z.array(rawEnumType).default([]),
});
const rawDocument = z.object({
  Edmx: z.object({ DataServices: z.object({ Schema: z.array(rawSchema) }) }),
});
type RawSchema = z.infer<typeof rawSchema>;
type RawStructuredType = z.infer<typeof rawStructuredType>;

/** Elements that may repeat; the parser must always return them as arrays. */
const REPEATED_ELEMENTS = new Set([
  'Schema',
  'EntityType',
  'ComplexType',
  'EnumType',
  'Property',
  'NavigationProperty',
  'Member',
]);

export class CsdlModel {
  private readonly structuredTypes = new Map<string, StructuredType>();
  private readonly enumTypes = new Map<string, EnumType>();
  /** Schema alias → namespace: the CSDL writes `graph.event` for `microsoft.graph.event`. */
  private readonly aliases = new Map<string, string>();
  /**
   * Base type name → names of the types deriving from it directly. The CSDL only records base
   * types, but honouring `@odata.type` and explaining errors needs the other direction.
   */
  private readonly derivedNames = new Map<string, string[]>();
  private readonly allPropertiesCache = new Map<string, ReadonlyMap<string, PropertyDef>>();

  constructor(xml: string) {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      attributesGroupName: 'attrs',
      removeNSPrefix: true,
      parseAttributeValue: false,
      isArray: (tagName) => REPEATED_ELEMENTS.has(tagName),
    });
    const schemas = rawDocument.parse(parser.parse(xml)).Edmx.DataServices.Schema;
    for (const schema of schemas) {
      if (schema.attrs.Alias !== undefined) {
        this.aliases.set(schema.attrs.Alias, schema.attrs.Namespace);
      }
    }
    for (const schema of schemas) this.addSchema(schema);
  }

  /** A structured type by qualified, alias-qualified or (for microsoft.graph) bare name. */
  findStructuredType(name: string): StructuredType | undefined {
    return this.lookUp(this.structuredTypes, name);
  }

  findEnumType(name: string): EnumType | undefined {
    return this.lookUp(this.enumTypes, name);
  }

  /**
   * Parses a type name as a caller may write it: `event`, `microsoft.graph.event`,
   * `graph.event`, `#microsoft.graph.event` or `Collection(event)`; Edm names pass through.
   * Returns undefined when no such type exists.
   */
  resolveTypeName(name: string): TypeRef | undefined {
    const { name: inner, isCollection } = parseTypeRef(name.replace(/^#/, ''));
    if (inner.startsWith('Edm.')) return { name: inner, isCollection };
    const found = this.findStructuredType(inner) ?? this.findEnumType(inner);
    return found === undefined ? undefined : { name: found.name, isCollection };
  }

  /** All properties of a type, its own and inherited, by name. */
  properties(type: StructuredType): ReadonlyMap<string, PropertyDef> {
    const cached = this.allPropertiesCache.get(type.name);
    if (cached !== undefined) return cached;
    const base = this.baseOf(type);
    const all = new Map(base === undefined ? [] : this.properties(base));
    for (const [name, property] of type.ownProperties) all.set(name, property);
    this.allPropertiesCache.set(type.name, all);
    return all;
  }

  /** The type itself, then its base type, and so on up to the root. */
  ancestry(type: StructuredType): StructuredType[] {
    const chain: StructuredType[] = [];
    for (let t: StructuredType | undefined = type; t !== undefined; t = this.baseOf(t)) {
      chain.push(t);
    }
    return chain;
  }

  isSameOrDerivedFrom(type: StructuredType, ancestor: StructuredType): boolean {
    return this.ancestry(type).some((t) => t.name === ancestor.name);
  }

  /** Every type derived from this one, directly or indirectly. */
  descendants(type: StructuredType): StructuredType[] {
    return (this.derivedNames.get(type.name) ?? []).flatMap((name) => {
      const derived = this.structuredTypes.get(name);
      return derived === undefined ? [] : [derived, ...this.descendants(derived)];
    });
  }

  /** OpenType="true" on the type or a base type: the CSDL lets its JSON carry undeclared properties. */
  isOpen(type: StructuredType): boolean {
    return this.ancestry(type).some((t) => t.isOpen);
  }

  /**
   * Whether the type is open *by design*, so that undeclared properties are its content.
   *
   * Graph marks hundreds of types OpenType="true" (event, user, identity, …) because tenant
   * extensions may add data to them; treating all of those as open would let any misspelt or
   * invented property through the contract checks. Only *property bags* are open by design: open
   * types that declare nothing but (at most) the entity key `id`, e.g. `fieldValueSet` (a list
   * item's custom columns), `Dictionary` or `extension`. Types derived from a bag are bags too
   * (`openTypeExtension` carries its custom properties beside `extensionName`).
   */
  isPropertyBag(type: StructuredType): boolean {
    return this.ancestry(type).some((t) => t.isOpen && this.declaresAtMostTheKey(t));
  }

  private declaresAtMostTheKey(type: StructuredType): boolean {
    return [...this.properties(type).keys()].every((name) => name === 'id');
  }

  private baseOf(type: StructuredType): StructuredType | undefined {
    return type.baseName === undefined ? undefined : this.structuredTypes.get(type.baseName);
  }

  private lookUp<T>(types: ReadonlyMap<string, T>, name: string): T | undefined {
    return types.get(this.qualify(name)) ?? types.get(`${GRAPH_NAMESPACE}.${name}`);
  }

  /** Replaces a schema alias by its namespace: `graph.event` → `microsoft.graph.event`. */
  private qualify(name: string): string {
    const dot = name.lastIndexOf('.');
    if (dot < 0) return name;
    const namespace = name.slice(0, dot);
    return `${this.aliases.get(namespace) ?? namespace}.${name.slice(dot + 1)}`;
  }

  private addSchema(schema: RawSchema): void {
    const namespace = schema.attrs.Namespace;
    for (const raw of schema.EntityType) this.addStructuredType('entity', namespace, raw);
    for (const raw of schema.ComplexType) this.addStructuredType('complex', namespace, raw);
    for (const raw of schema.EnumType) {
      const name = `${namespace}.${raw.attrs.Name}`;
      this.enumTypes.set(name, {
        name,
        isFlags: raw.attrs.IsFlags === 'true',
        members: raw.Member.map((member) => member.attrs.Name),
      });
    }
  }

  private addStructuredType(
    kind: StructuredType['kind'],
    namespace: string,
    raw: RawStructuredType,
  ): void {
    const name = `${namespace}.${raw.attrs.Name}`;
    const ownProperties = new Map<string, PropertyDef>();
    const add = (property: z.infer<typeof rawProperty>, isNavigation: boolean): void => {
      const { name: typeName, isCollection } = parseTypeRef(property.attrs.Type);
      ownProperties.set(property.attrs.Name, {
        name: property.attrs.Name,
        type: { name: this.qualify(typeName), isCollection },
        nullable: property.attrs.Nullable !== 'false',
        isNavigation,
      });
    };
    for (const property of raw.Property) add(property, false);
    for (const property of raw.NavigationProperty) add(property, true);
    const baseName =
      raw.attrs.BaseType === undefined ? undefined : this.qualify(raw.attrs.BaseType);
    this.structuredTypes.set(name, {
      kind,
      name,
      baseName,
      isOpen: raw.attrs.OpenType === 'true',
      isAbstract: raw.attrs.Abstract === 'true',
      ownProperties,
    });
    if (baseName !== undefined) {
      const siblings = this.derivedNames.get(baseName) ?? [];
      siblings.push(name);
      this.derivedNames.set(baseName, siblings);
    }
  }
}

/** `Collection(graph.attendee)` → { name: 'graph.attendee', isCollection: true }. */
function parseTypeRef(text: string): TypeRef {
  const collection = /^Collection\((.+)\)$/.exec(text);
  return collection?.[1] === undefined
    ? { name: text, isCollection: false }
    : { name: collection[1], isCollection: true };
}

let cachedModel: CsdlModel | undefined;

/** The parsed CSDL; the 3.4 MB file is read and parsed on first use only. */
export function loadCsdlModel(): CsdlModel {
  cachedModel ??= new CsdlModel(readFileSync(csdlPath, 'utf8'));
  return cachedModel;
}
