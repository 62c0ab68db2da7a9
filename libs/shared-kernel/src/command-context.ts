import type { Actor } from './event';

/** What a command handler needs to know about the request, besides the command itself. */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** From `If-Match: "<revision>"`: the stream revision the client saw. */
  readonly expectedRevision?: number;
  /** From `Idempotency-Key`: seeds deterministic event ids. */
  readonly idempotencyKey?: string;
  /** When the request came in: the only clock a decision sees. */
  readonly now: Date;
}
