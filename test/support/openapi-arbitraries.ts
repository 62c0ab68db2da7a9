import fc from 'fast-check';
import { randomUUID } from 'node:crypto';

/** The parts of an OpenAPI 3 schema the arbitraries read. */
export interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
}

interface Operation {
  readonly parameters?: ReadonlyArray<{ readonly name: string; readonly in: string; readonly schema?: Schema }>;
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> };
}

/** The OpenAPI document the API publishes at `/api/docs-json`. */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** Keys that must never reach a prototype (docs/http-conventions.md). */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Characters at the edges of Unicode: NUL and the other C0 and C1 controls, lone surrogates of
 * both halves, bidirectional controls, zero-width and other invisible characters, combining marks,
 * noncharacters, characters outside the BMP. The API refuses the controls and lone surrogates
 * (docs/http-conventions.md, "Limits"); the rest are text like any other.
 */
export const EDGE_CHARACTERS = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f',
  '\ud800', '\udbff', '\udc00', '\udfff',
  '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e',
  '\u0301', '\u20dd', '\ufffe', '\uffff', '\ufffd', '\u{10ffff}', '\u{1f4a5}', '\u{e0041}', '\t', '\n', '\r',
] as const;

/** Strings with edge characters among ordinary text, or made of any code points at all, lone surrogates included. */
export const unicodeEdgeString: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...EDGE_CHARACTERS), fc.string({ maxLength: 12 })).map(([before, edge, after]) => `${before}${edge}${after}`),
  fc.array(fc.constantFrom(...EDGE_CHARACTERS), { minLength: 1, maxLength: 6 }).map((characters) => characters.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/**
 * An array or object nested deeper than the API's limit of 32, down to 3,000 levels (2,000–3,000
 * overflowed the stack once; JSON.stringify itself overflows not far below 5,000).
 */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .oneof({ weight: 2, arbitrary: fc.integer({ min: 33, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 3_000 }) })
  .map((depth) => nested(depth));

/** Values no field expects: wrong types, edge numbers, long and odd strings, Unicode edges, nested junk. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: false }),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 0.0001, 1.0000000000000002, 2 ** 53 + 1, '', ' ', '0', 'null', '💥', '\u0000', "' OR 1=1 --", '%00', '../../etc/passwd'),
  fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 1_000, max: 60_000 })).map(([piece, times]) => piece.repeat(times)),
  fc.integer({ min: 10, max: 400 }).map((depth) => nested(depth)),
  deeplyNested,
  unicodeEdgeString,
);

/** An array or object nested `depth` levels deep. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { deeper: value };
  return value;
}

/** An object whose keys include the forbidden ones, at the top or further down. */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...FORBIDDEN_KEYS), fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }), fc.boolean())
  .map(([key, rest, deep]) => {
    const poison = JSON.parse(`{"${key}":{"polluted":"yes","prototype":{"polluted":"yes"}}}`) as Record<string, unknown>;
    return deep ? { ...rest, inner: poison } : { ...rest, ...poison };
  });

/** The operation the document names for an Express route (`:param` there, `{param}` here). */
export function operationOf(document: OpenApiDocument, method: string, expressPath: string): Operation | undefined {
  return document.paths[expressPath.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
}

/** The JSON schema of an operation's request body, if it declares one. */
export function bodySchemaOf(operation: Operation | undefined): Schema | undefined {
  return operation?.requestBody?.content?.['application/json']?.schema;
}

/** The names of an operation's query parameters. */
export function queryParametersOf(operation: Operation | undefined): string[] {
  return (operation?.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
}

/**
 * Nearly valid values for a schema: mostly what it asks for (its examples, enums, types, and the
 * `knownIds` for uuid fields, so that some requests get past validation to the domain), now and
 * then {@link junk} in one field, a required field left out, or an extra field.
 */
export function nearlyValid(schema: Schema, document: OpenApiDocument, knownIds: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  if (depth > 6) return junk;
  const typed = typedValue(resolved, document, knownIds, depth);
  return fc.oneof({ weight: 15, arbitrary: typed }, { weight: 1, arbitrary: junk });
}

function typedValue(schema: Schema, document: OpenApiDocument, knownIds: readonly string[], depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const example = schema.example === undefined ? [] : [fc.constant(schema.example)];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return fc.constantFrom(...knownIds, randomUUID(), 'not-a-uuid');
      return fc.oneof(
        ...example.map((arbitrary) => ({ weight: 8, arbitrary })),
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
        { weight: 1, arbitrary: unicodeEdgeString },
        { weight: 1, arbitrary: fc.constantFrom('2025-01-15', '2025-02-30', 'DE', 'XX') },
      );
    case 'number':
    case 'integer': {
      const bounds = [schema.minimum, schema.maximum].filter((bound): bound is number => bound !== undefined);
      return fc.oneof(
        ...[...example, ...bounds.map((bound) => fc.constant(bound))].map((arbitrary) => ({ weight: 4, arbitrary })),
        { weight: 2, arbitrary: fc.integer({ min: -10, max: 100_000 }) },
        { weight: 1, arbitrary: fc.double({ noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(0.001, 0.0005, 1e21, 1.0000000000000002, 0.1 + 0.2, 1.0005, 2.675) },
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? nearlyValid(schema.items, document, knownIds, depth + 1) : junk, { maxLength: 3 });
    default:
      if (!schema.properties) return junk;
      return objectOf(schema, document, knownIds, depth);
  }
}

function objectOf(schema: Schema, document: OpenApiDocument, knownIds: readonly string[], depth: number): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, field]) => [name, nearlyValid(field, document, knownIds, depth + 1)]),
  );
  const required = (schema.required ?? []).filter((name) => name in fields);
  return fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) }),
      fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), junk) }),
    )
    .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], document);
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(document.components?.schemas?.[name] ?? {}, document);
}
