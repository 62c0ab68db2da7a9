import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Who sent a request, and where: an idempotency key means something only within this scope. */
export interface IdempotencyScope {
  readonly subject: string;
  readonly method: string;
  readonly path: string;
  readonly key: string;
}

/** The first answer to a keyed request, replayed to every repeat. */
export interface StoredAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The attempt that began a command: a retry of it runs with the same time and correlation id. */
export interface FirstAttempt {
  readonly receivedAt: Date;
  readonly correlationId: string;
}

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly claimId: string; readonly first: FirstAttempt }
  | { readonly kind: 'completed'; readonly requestHash: string; readonly answer: StoredAnswer }
  | { readonly kind: 'in-progress'; readonly requestHash: string }
  | { readonly kind: 'released'; readonly requestHash: string };

/**
 * How long a retry keeps the first attempt's time. Later, it is a new decision at its own time:
 * a command must not be decided as of a moment long before it is recorded. The same span as the
 * reconciliation's default delay, after which what a half-done attempt reserved is given back.
 */
const FIRST_ATTEMPT_KEPT_SECONDS = 600;

/** `platform.idempotency_keys`: claims, then answers, of requests that carry an `Idempotency-Key`. */
@Injectable()
export class IdempotencyStore {
  /**
   * A claim older than this whose request never finished belongs to a process that died (or its
   * release failed with the database): the next repeat takes it over (`IDEMPOTENCY_CLAIM_TIMEOUT_MS`,
   * default 2 min, far longer than a request runs). Taking over a claim whose request still runs is
   * safe: the event ids derived from the key make the second append a no-op.
   */
  private readonly abandonedAfterSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.abandonedAfterSeconds = config.idempotencyClaimTimeoutMs / 1000;
  }

  /**
   * Claims the key for this request, or reports who holds it. One statement, so that of any number
   * of concurrent requests exactly one claims the key. A request with the same body takes over a
   * claim released after a fault, or abandoned, together with the first attempt's time and
   * correlation id (if that attempt came less than {@link FIRST_ATTEMPT_KEPT_SECONDS} before it).
   */
  async claim(scope: IdempotencyScope, requestHash: string, attempt: FirstAttempt): Promise<ClaimOutcome> {
    const claimId = randomUUID();
    const keepsFirst = `k.received_at IS NOT NULL AND k.received_at >= EXCLUDED.received_at - make_interval(secs => $10)`;
    const claimed: Array<{ received_at: Date; correlation_id: string }> = await this.dataSource.query(
      `INSERT INTO platform.idempotency_keys AS k (subject, method, path, key, request_hash, claim_id, received_at, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (subject, method, path, key) DO UPDATE
         SET claim_id = EXCLUDED.claim_id, created_at = now(), released_at = NULL,
             received_at = CASE WHEN ${keepsFirst} THEN k.received_at ELSE EXCLUDED.received_at END,
             correlation_id = CASE WHEN ${keepsFirst} THEN k.correlation_id ELSE EXCLUDED.correlation_id END
         WHERE k.completed_at IS NULL AND k.request_hash = EXCLUDED.request_hash
           AND (k.released_at IS NOT NULL OR k.created_at < now() - make_interval(secs => $9))
       RETURNING received_at, correlation_id`,
      [scope.subject, scope.method, scope.path, scope.key, requestHash, claimId, attempt.receivedAt, attempt.correlationId, this.abandonedAfterSeconds, FIRST_ATTEMPT_KEPT_SECONDS],
    );
    if (claimed.length > 0) {
      return { kind: 'claimed', claimId, first: { receivedAt: claimed[0].received_at, correlationId: claimed[0].correlation_id } };
    }
    const existing = await this.find(scope);
    return existing ?? this.claim(scope, requestHash, attempt);
  }

  /** The key's current holder, or undefined when its row was deleted meanwhile. */
  async find(scope: IdempotencyScope): Promise<Exclude<ClaimOutcome, { kind: 'claimed' }> | undefined> {
    const rows: Array<{ request_hash: string; status_code: number | null; response_headers: Record<string, string> | null; response_body: string | null; completed_at: Date | null; released_at: Date | null }> =
      await this.dataSource.query(
        `SELECT request_hash, status_code, response_headers, response_body, completed_at, released_at
           FROM platform.idempotency_keys WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4`,
        [scope.subject, scope.method, scope.path, scope.key],
      );
    const row = rows[0];
    if (!row) return undefined;
    if (row.completed_at === null || row.status_code === null) {
      return { kind: row.released_at === null ? 'in-progress' : 'released', requestHash: row.request_hash };
    }
    return {
      kind: 'completed',
      requestHash: row.request_hash,
      answer: { statusCode: row.status_code, headers: row.response_headers ?? {}, body: row.response_body === null ? undefined : JSON.parse(row.response_body) },
    };
  }

  /** Stores the first answer; only the holder of the claim can. */
  async complete(scope: IdempotencyScope, claimId: string, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE platform.idempotency_keys
          SET status_code = $6, response_headers = $7, response_body = $8, completed_at = now()
        WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4 AND claim_id = $5`,
      [scope.subject, scope.method, scope.path, scope.key, claimId, answer.statusCode, JSON.stringify(answer.headers), answer.body === undefined ? null : JSON.stringify(answer.body)],
    );
  }

  /**
   * Gives the key up after a failed request, so that the client may retry it. After a fault
   * (`keepFirstAttempt`) the command may have stopped halfway: the row stays, released, with the
   * body's hash and the first attempt's time and correlation id for the retry that completes it.
   * After an answer the client can act on (a 4xx) the row goes: a retry is a new decision.
   */
  async release(scope: IdempotencyScope, claimId: string, keepFirstAttempt: boolean): Promise<void> {
    const where = `WHERE subject = $1 AND method = $2 AND path = $3 AND key = $4 AND claim_id = $5 AND completed_at IS NULL`;
    await this.dataSource.query(
      keepFirstAttempt
        ? `UPDATE platform.idempotency_keys SET released_at = now() ${where}`
        : `DELETE FROM platform.idempotency_keys ${where}`,
      [scope.subject, scope.method, scope.path, scope.key, claimId],
    );
  }
}
