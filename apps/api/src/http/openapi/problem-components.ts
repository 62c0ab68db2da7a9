import type { HeaderObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '@ree/platform/http';
import { STATUS_CODES } from 'node:http';

/**
 * The parts of the OpenAPI document every operation shares: the Problem schema of
 * docs/http-conventions.md (what `problemOf` in ../problem-of.ts writes), one response per error
 * status, and the convention headers. Operations refer to them by `$ref`.
 */
export const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  FieldError: {
    type: 'object',
    description: 'One failing input field',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', description: 'A dotted path to the field: `consignee.country`, `items[0].quantityKg`, a query or path parameter', example: 'consignee.country' },
      message: { type: 'string', example: 'country must be an ISO 3166-1 alpha-2 country code' },
    },
  },
  Problem: {
    type: 'object',
    description: 'An error (RFC 9457), served as application/problem+json. `code` is stable and machine-readable; docs/http-conventions.md lists them',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', description: '`urn:ree:problem:<code>`', example: 'urn:ree:problem:validation-failed' },
      title: { type: 'string', description: 'The HTTP reason phrase of the status', example: 'Bad Request' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
      detail: { type: 'string', description: 'What went wrong, for a person', example: 'The request is invalid: consignee.country' },
      code: { type: 'string', pattern: '^[a-z0-9-]+$', description: 'The codes of docs/http-conventions.md; for 422 a business rule of the domain', example: 'validation-failed' },
      errors: { type: 'array', description: 'For `validation-failed`: every failing field', items: { $ref: '#/components/schemas/FieldError' } },
      correlationId: { type: 'string', description: 'The request\'s correlation id (also in X-Correlation-Id); quote it when reporting a fault', example: '0b5c6a3e-9d1e-4f61-8f1c-2a7f3c1f4d27' },
    },
  },
};

/** Why each error status is answered; the codes are those of docs/http-conventions.md. */
const ERROR_REASONS: Readonly<Record<number, string>> = {
  400: 'Invalid input: `validation-failed` (with `errors`), `malformed-json`, `json-too-deep`, `malformed-request`, `invalid-cursor`, `invalid-if-match`, `invalid-idempotency-key`, `invalid-min-position`',
  401: '`unauthenticated`: no token, or one that is expired, badly signed or meant for someone else',
  403: '`forbidden-for-role`: the role in the token may not use this operation',
  404: '`not-found`: no such resource, or one of another organisation',
  408: '`request-timeout`: the request line and headers did not arrive in time',
  409: '`concurrency-conflict` (read again and retry), `idempotency-key-in-progress`, `event-id-conflict` (send a new Idempotency-Key)',
  412: '`precondition-failed`: the resource has moved on since the revision given in If-Match',
  413: '`payload-too-large`: the body is over 1 MB',
  414: '`uri-too-long`: the URL is over 8 KB',
  415: '`unsupported-media-type`: the body is not application/json',
  422: 'A business rule refused the command (the rule\'s code), or `idempotency-key-reused`',
  429: '`rate-limited`: too many requests for this token or address; wait Retry-After seconds',
  431: '`request-header-fields-too-large`: the request line and headers are over 16 KB',
  500: '`internal-error`: a fault of the API; quote the correlationId',
  503: '`service-unavailable` (a backing service is unreachable) or `overloaded`; retry after Retry-After seconds',
};

const WITH_RETRY_AFTER = new Set([429, 503]);

/** The error statuses with a shared response under `components.responses`. */
export const ERROR_STATUSES: ReadonlySet<number> = new Set(Object.keys(ERROR_REASONS).map(Number));

/** The name of the shared response of an error status, under `components.responses`. */
export const problemResponseName = (status: number): string => `Problem${status}`;

export function problemResponses(): Record<string, ResponseObject> {
  return Object.fromEntries([...ERROR_STATUSES].map((status) => [problemResponseName(status), problemResponse(status)]));
}

/** The response of an error status: a Problem, with the headers that status carries. */
export function problemResponse(status: number): ResponseObject {
  const headers: Record<string, { $ref: string }> = { 'X-Correlation-Id': { $ref: '#/components/headers/CorrelationId' } };
  if (WITH_RETRY_AFTER.has(status)) headers['Retry-After'] = { $ref: '#/components/headers/RetryAfter' };
  if (status === 401) headers['WWW-Authenticate'] = { $ref: '#/components/headers/WwwAuthenticate' };
  const reason = ERROR_REASONS[status];
  return {
    description: reason ? `${STATUS_CODES[status]}. ${reason}` : (STATUS_CODES[status] ?? 'Error'),
    headers,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

export const CONVENTION_HEADERS: Record<string, HeaderObject> = {
  CorrelationId: { description: 'The request\'s correlation id: the one sent, when acceptable, or a new UUID', schema: { type: 'string', maxLength: 100 } },
  RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
  WwwAuthenticate: { description: 'Always `Bearer`', schema: { type: 'string', example: 'Bearer' } },
  Location: { description: 'The path of the resource created', schema: { type: 'string', example: '/api/v1/consignments/1f0c8f5e-6a4b-4c1e-9d7e-2b3a4c5d6e7f' } },
  IdempotentReplayed: { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key and body', schema: { type: 'string', enum: ['true'] } },
  Stale: { description: '`true` when the read models had not reached X-Min-Position within the wait', schema: { type: 'string', enum: ['true'] } },
};

export const CONVENTION_PARAMETERS: Record<string, ParameterObject> = {
  CorrelationId: {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description: 'Follows the request through the logs and the events it writes; a new UUID when absent or not acceptable',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Makes retries safe: a repeat with the same key and body gets the first answer back (docs/http-conventions.md). One key per command',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The revision last read or written, in quotes (`"3"`): the command is refused with 412 if the resource is at another (one not yet created is at none)',
    schema: { type: 'string', pattern: '^(W/)?"?\\d{1,15}"?$', example: '"3"' },
  },
  MinPosition: {
    name: 'X-Min-Position',
    in: 'header',
    required: false,
    description: 'A command\'s `position`: the read waits until the read models have reached it (else answers with X-Stale: true)',
    schema: { type: 'string', pattern: '^\\d{1,19}$', example: '1042' },
  },
};
