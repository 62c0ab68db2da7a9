import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface MediaType {
  readonly schema?: unknown;
}
interface ResponseObject {
  readonly $ref?: string;
  readonly content?: Readonly<Record<string, MediaType>>;
  readonly headers?: Readonly<Record<string, unknown>>;
}
interface Document {
  readonly paths: Readonly<Record<string, Readonly<Record<string, { readonly responses: Readonly<Record<string, ResponseObject>> }>>>>;
  readonly components: { readonly schemas: Record<string, unknown>; readonly responses: Record<string, ResponseObject> };
}

/** Declared response headers that every such answer carries (Idempotent-Replayed and X-Stale come only now and then). */
const ALWAYS_SENT = new Set(['X-Correlation-Id', 'Location', 'Retry-After', 'WWW-Authenticate']);

/** One answer of the API, as a client saw it. */
export interface SeenAnswer {
  readonly method: string;
  /** The document's path template: `/api/v1/consignments/{id}/close`. */
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: unknown;
}

/**
 * Checks answers against the OpenAPI document: the status is one the operation declares, the
 * content type one it declares for that status, the body valid against its schema (for an error,
 * the Problem schema) and the declared headers that are always sent present. OpenAPI 3.0 schemas are
 * read as JSON Schema after turning `nullable` and boolean `exclusiveMinimum` into their JSON
 * Schema forms. Answers the mismatches, one line each.
 */
export function answerChecker(document: Document): (answer: SeenAnswer) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: { schemas: jsonSchemaOf(document.components.schemas) } });
  const validators = new Map<unknown, ValidateFunction>();
  const validatorOf = (schema: unknown): ValidateFunction => {
    let validate = validators.get(schema);
    if (!validate) validators.set(schema, (validate = ajv.compile(jsonSchemaOf(schema, 'openapi') as object)));
    return validate;
  };
  return (answer) => {
    const where = `${answer.method} ${answer.path} → ${answer.status}`;
    const operation = document.paths[answer.path]?.[answer.method.toLowerCase()];
    if (!operation) return [`${where}: no such operation in the document`];
    let response = operation.responses[String(answer.status)];
    if (!response) return [`${where}: the status is not declared`];
    if (response.$ref) response = document.components.responses[response.$ref.split('/').pop()!];
    const mismatches: string[] = [];
    for (const header of Object.keys(response.headers ?? {})) {
      if (ALWAYS_SENT.has(header) && !answer.headers.has(header.toLowerCase())) mismatches.push(`${where}: no ${header} header`);
    }
    const mediaType = answer.contentType.split(';')[0].trim();
    const media = response.content?.[mediaType];
    if (!media) return [...mismatches, `${where}: content type ${mediaType} is not declared (${Object.keys(response.content ?? {}).join(', ')})`];
    if (media.schema === undefined) return mismatches;
    const validate = validatorOf(media.schema);
    if (!validate(answer.body)) mismatches.push(`${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(answer.body).slice(0, 300)}`);
    return mismatches;
  };
}

/** An OpenAPI 3.0 schema as JSON Schema; `$ref`s into the document point at the schema registered as `base`. */
function jsonSchemaOf(schema: unknown, base = ''): unknown {
  if (Array.isArray(schema)) return schema.map((item) => jsonSchemaOf(item, base));
  if (!schema || typeof schema !== 'object') return schema;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') converted.$ref = `${base}${value}`;
    else if (key === 'example' || key === 'nullable') continue;
    else converted[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([name, property]) => [name, jsonSchemaOf(property, base)])) : jsonSchemaOf(value, base);
  }
  const source = schema as { nullable?: boolean; exclusiveMinimum?: unknown; minimum?: number };
  if (source.exclusiveMinimum === true) Object.assign(converted, { exclusiveMinimum: source.minimum, minimum: undefined });
  // `nullable` (OpenAPI 3.0) admits null besides whatever the rest of the schema admits, `allOf` and `enum` included.
  return source.nullable ? { anyOf: [{ type: 'null' }, converted] } : converted;
}
