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
import { ClaimOutcome, IdempotencyScope, IdempotencyStore, StoredAnswer } from './idempotency.store';
import { pathOf, successStatusOf } from './route-status';

const MAX_KEY_LENGTH = 200;
/** How long a repeat waits for the first request with its key to finish, and how often it looks. */
const WAIT_MS = 10_000;
const POLL_MS = 25;
/** Response headers that are part of the answer a repeat must get back. */
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * API.md's `Idempotency-Key` on POST: the first request with a key runs; a repeat with the same
 * body gets the first answer back (status, body, Location) without running the handler, waiting
 * for it if the first is still running; the same key with another body is 422
 * `idempotency-key-reused`. A failed first request leaves nothing behind, so the client may retry.
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
    return from(this.claimOrWait(scope, requestHash)).pipe(
      switchMap((outcome) =>
        outcome.kind === 'claimed'
          ? this.runFirst(context, next, scope, outcome.claimId)
          : of(replay(response, outcome.answer)),
      ),
    );
  }

  private async claimOrWait(scope: IdempotencyScope, requestHash: string): Promise<Exclude<ClaimOutcome, { kind: 'in-progress' }>> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const outcome = await this.store.claim(scope, requestHash);
      if (outcome.kind !== 'claimed' && outcome.requestHash !== requestHash) {
        throw new UnprocessableEntityException({
          code: 'idempotency-key-reused',
          detail: 'This Idempotency-Key was already used with a different request body',
        });
      }
      if (outcome.kind !== 'in-progress') return outcome;
      if (Date.now() >= deadline) {
        throw new ConflictException({
          code: 'idempotency-key-in-progress',
          detail: 'A request with this Idempotency-Key is still running; retry later',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private runFirst(context: ExecutionContext, next: CallHandler, scope: IdempotencyScope, claimId: string): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      switchMap(async (body: unknown) => {
        const answer: StoredAnswer = { statusCode: successStatusOf(context), headers: replayedHeadersOf(response), body };
        try {
          await this.store.complete(scope, claimId, answer);
        } catch (error) {
          // The command has run: answer it. A retry then runs the handler again, and the event ids
          // derived from the key make the repeated append a no-op.
          this.logger.warn(`Could not store the answer for an Idempotency-Key: ${(error as Error).message}`);
          await this.store.release(scope, claimId).catch(() => undefined);
        }
        return body;
      }),
      catchError((error: unknown) =>
        from(this.store.release(scope, claimId).catch(() => undefined)).pipe(
          switchMap(() => {
            throw error;
          }),
        ),
      ),
    );
  }
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

