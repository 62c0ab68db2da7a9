import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { canonicalJson } from '@ree/event-store';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, Observable, of, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from './authenticated-request';
import { CORRELATION_HEADER, correlationIdOf } from './correlation';
import { ClaimOutcome, FirstAttempt, IdempotencyScope, IdempotencyStore, StoredAnswer } from './idempotency.store';
import { problemOf } from './problem-of';
import { pathOf, successStatusOf } from './route-status';

const MAX_KEY_LENGTH = 200;
/** How long a repeat waits for the first request with its key to finish, and how often it looks. */
const WAIT_MS = 10_000;
const POLL_MS = 25;
/** Response headers that are part of the answer a repeat must get back. */
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * The `Idempotency-Key` (docs/http-conventions.md, "Idempotency-Key") on POST: the first request with a key runs; a repeat with the same
 * body gets the first answer back (status, body, Location) without running the handler, waiting
 * for it if the first is still running; the same key with another body is 422
 * `idempotency-key-reused`. A first request that failed with a 4xx leaves nothing behind, so the
 * client may retry it as a new command. One that failed with a fault (5xx), or whose process died,
 * may have written part of its events: its retry is the same command and runs with the first
 * attempt's time (`CommandContext.now`) and correlation id, so that it decides what the first
 * would have and re-appends exactly what the first appended (docs/http-conventions.md).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new BadRequestException({ code: 'invalid-idempotency-key', detail: `Idempotency-Key must be one value of 1 to ${MAX_KEY_LENGTH} characters` });
    }
    const scope: IdempotencyScope = { subject: request.actor?.sub ?? 'anonymous', method: request.method, path: pathOf(request), key };
    const requestHash = createHash('sha256').update(canonicalJson(request.body ?? null)).digest('hex');
    const response = context.switchToHttp().getResponse<Response>();
    const attempt: FirstAttempt = { receivedAt: request.receivedAt ?? new Date(), correlationId: correlationIdOf(request) };
    return from(this.claimOrWait(scope, requestHash, attempt)).pipe(
      switchMap((outcome) => {
        if (outcome.kind === 'completed') return of(replay(response, outcome.answer));
        this.continueFirstAttempt(request, response, outcome.first);
        return this.runFirst(context, next, scope, outcome.claimId);
      }),
    );
  }

  private async claimOrWait(
    scope: IdempotencyScope,
    requestHash: string,
    attempt: FirstAttempt,
  ): Promise<Extract<ClaimOutcome, { kind: 'claimed' | 'completed' }>> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const outcome = await this.store.claim(scope, requestHash, attempt);
      if (outcome.kind !== 'claimed' && outcome.requestHash !== requestHash) {
        throw new UnprocessableEntityException({
          code: 'idempotency-key-reused',
          detail: 'This Idempotency-Key was already used with a different request body',
        });
      }
      if (outcome.kind === 'claimed' || outcome.kind === 'completed') return outcome;
      // Released between the claim and the look at it: claim it at once.
      if (outcome.kind === 'released') continue;
      if (Date.now() >= deadline) {
        throw new ConflictException({
          code: 'idempotency-key-in-progress',
          detail: 'A request with this Idempotency-Key is still running; retry later',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /**
   * A retry of an attempt that ended in a fault runs as that attempt: its time and correlation id
   * (events, problem details and `X-Correlation-Id` carry the first one). This request's own log
   * lines keep its own id, so the line below links the two.
   */
  private continueFirstAttempt(request: AuthenticatedRequest, response: Response, first: FirstAttempt): void {
    const own = correlationIdOf(request);
    if (first.correlationId === own && first.receivedAt.getTime() === request.receivedAt?.getTime()) return;
    this.logger.log(`Request ${own} retries the Idempotency-Key of request ${first.correlationId}, received at ${first.receivedAt.toISOString()}: it runs as that request`);
    request.receivedAt = first.receivedAt;
    request.correlationId = first.correlationId;
    if (!response.headersSent) response.setHeader(CORRELATION_HEADER, first.correlationId);
  }

  private runFirst(context: ExecutionContext, next: CallHandler, scope: IdempotencyScope, claimId: string): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      switchMap(async (body: unknown) => {
        const answer: StoredAnswer = { statusCode: successStatusOf(context), headers: replayedHeadersOf(response), body };
        try {
          await this.store.complete(scope, claimId, answer);
        } catch (error) {
          // The command has run: answer it. A retry then runs the handler again, as this attempt,
          // and the event ids derived from the key make the repeated append a no-op.
          this.logger.warn(`Could not store the answer for an Idempotency-Key: ${(error as Error).message}`);
          await this.store.release(scope, claimId, true).catch(() => undefined);
        }
        return body;
      }),
      catchError((error: unknown) =>
        from(this.store.release(scope, claimId, isFault(error, request)).catch(() => undefined)).pipe(
          switchMap(() => {
            throw error;
          }),
        ),
      ),
    );
  }
}

/** Whether the request failed by a fault (answered 5xx), which may have left its command half done. */
function isFault(error: unknown, request: AuthenticatedRequest): boolean {
  const { problem } = problemOf(error, { correlationId: '', hadIfMatch: request.headers['if-match'] !== undefined });
  return problem.status >= 500;
}

function replayedHeadersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

function replay(response: Response, answer: StoredAnswer): unknown {
  response.status(answer.statusCode);
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  response.setHeader('Idempotent-Replayed', 'true');
  return answer.body;
}

