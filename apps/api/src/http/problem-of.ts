import { HttpException } from '@nestjs/common';
import { EventIdConflictError, WrongExpectedRevisionError } from '@ree/event-store';
import { FieldError, ProblemDetails, problemType } from '@ree/platform/http';
import { DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import { STATUS_CODES } from 'node:http';
import { isOverloaded, isUnavailable } from './unavailability';

/** How the answer to a failed request looks, and whether the failure is ours to log. */
export interface ProblemAnswer {
  readonly problem: ProblemDetails;
  readonly headers: Readonly<Record<string, string>>;
  /** True for a fault of the server (500), which is logged; false for what the client sent. */
  readonly unexpected: boolean;
}

export interface RequestFacts {
  readonly correlationId: string;
  /** The request carried `If-Match`: a revision conflict is then the client's stale precondition. */
  readonly hadIfMatch: boolean;
}

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** Seconds a client should wait before retrying a 503 `overloaded`: the queue drains in moments, not minutes. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;

const DEFAULT_CODES: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden-for-role',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'concurrency-conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'service-unavailable',
};

const EVENT_ID_CONFLICT_DETAIL =
  'The events of this request would reuse event ids already stored with other content (an Idempotency-Key used before for a different command); send it with a new Idempotency-Key';

/** body-parser's error types that deserve their own code. */
const BODY_PARSER_CODES: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'malformed-json',
  'entity.too.large': 'payload-too-large',
  'charset.unsupported': 'unsupported-media-type',
  'encoding.unsupported': 'unsupported-media-type',
};

/**
 * The problem+json answer (RFC 9457) for any error a request ended with. Pure: the filter does the
 * writing and the logging. Anything not recognised as the client's doing is a 500 with a generic
 * detail, so that no message, stack trace or SQL of an unexpected error reaches an answer.
 */
export function problemOf(error: unknown, facts: RequestFacts): ProblemAnswer {
  if (error instanceof HttpException) return fromHttpException(error, facts);
  if (error instanceof DomainRuleViolation) return answer(422, error.code, error.message, facts);
  if (error instanceof NotFound) return answer(404, 'not-found', error.message, facts);
  if (error instanceof EventIdConflictError) {
    // Not a stale revision: the event ids this request derives (from its Idempotency-Key) already
    // hold other events, so retrying or re-reading cannot help; If-Match changes nothing about it.
    return answer(409, 'event-id-conflict', EVENT_ID_CONFLICT_DETAIL, facts);
  }
  if (error instanceof WrongExpectedRevisionError) {
    return facts.hadIfMatch
      ? answer(412, 'precondition-failed', 'The resource has changed since the revision given in If-Match; read it again', facts)
      : answer(409, 'concurrency-conflict', 'Another change to the same resource happened at the same time; read it again and retry', facts);
  }
  if (isOverloaded(error)) {
    return answer(503, 'overloaded', 'Too many requests are waiting for a database connection; retry after the time given in Retry-After', facts, {
      'Retry-After': String(OVERLOADED_RETRY_AFTER_SECONDS),
    });
  }
  if (isUnavailable(error)) {
    return answer(503, 'service-unavailable', 'A service this request needs is unavailable; retry shortly', facts, {
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
  }
  const bodyParserError = fromBodyParser(error, facts);
  if (bodyParserError) return bodyParserError;
  return { ...answer(500, 'internal-error', 'An unexpected error occurred; quote the correlation id when reporting it', facts), unexpected: true };
}

function fromHttpException(exception: HttpException, facts: RequestFacts): ProblemAnswer {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const body = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const code = typeof body.code === 'string' ? body.code : codeFor(status);
  const detail =
    typeof body.detail === 'string'
      ? body.detail
      : typeof body.message === 'string'
        ? body.message
        : typeof response === 'string'
          ? response
          : exception.message;
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : undefined;
  const headers: Record<string, string> = status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {};
  return answer(status, code, detail, facts, headers, errors);
}

function fromBodyParser(error: unknown, facts: RequestFacts): ProblemAnswer | undefined {
  const candidate = error as { type?: unknown; status?: unknown; expose?: unknown; message?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.expose !== true) return undefined;
  const status = typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500 ? candidate.status : undefined;
  if (status === undefined) return undefined;
  const code = (typeof candidate.type === 'string' && BODY_PARSER_CODES[candidate.type]) || codeFor(status);
  return answer(status, code, bodyParserDetail(code, String(candidate.message)), facts);
}

function bodyParserDetail(code: string, message: string): string {
  if (code === 'malformed-json') return 'The request body is not valid JSON';
  if (code === 'payload-too-large') return 'The request body is larger than 1 MB';
  return message;
}

function codeFor(status: number): string {
  return DEFAULT_CODES[status] ?? (status >= 500 ? 'internal-error' : `http-${status}`);
}

function answer(
  status: number,
  code: string,
  detail: string,
  facts: RequestFacts,
  headers: Record<string, string> = {},
  errors?: readonly FieldError[],
): ProblemAnswer {
  const problem: ProblemDetails = {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && { errors }),
    correlationId: facts.correlationId,
  };
  return { problem, headers, unexpected: false };
}
