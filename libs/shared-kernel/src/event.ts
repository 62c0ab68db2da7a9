/**
 * The actor who caused an event: taken from the caller's token, never from a request body.
 * `role` is one of the roles (docs/domain.md, "Roles"); `org` is set for exporters.
 */
export interface Actor {
  readonly sub: string;
  readonly role: string;
  readonly org?: string;
  readonly name?: string;
}

/** Metadata given by the writer. The store adds `prevHash` and `hash`. */
export interface EventMetadataInput {
  readonly actor: Actor;
  /**
   * Groups every event caused by one request or job. Random when omitted; a re-append of the same
   * event ids must repeat one that was given (see `findEarlierAppend`).
   */
  readonly correlationId?: string;
  /** The id of the event or request that caused this one. */
  readonly causationId?: string;
}

export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Hash of the previous event of the same stream; 64 zeros for revision 0. */
  readonly prevHash: string;
  /** SHA-256 over `prevHash` and the canonical JSON of the whole envelope but this and `seal` (see hash-chain.ts). */
  readonly hash: string;
  /** `<key id>:<HMAC-SHA-256 of hash>`, when the store seals with a key the database never holds (chain-seal.ts). */
  readonly seal?: string;
}

/** An event as a writer hands it to {@link EventStore.appendToStream}. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A UUID. Deterministic ids make a retried append with the same content idempotent; random if omitted. */
  readonly eventId?: string;
  readonly type: Type;
  readonly schemaVersion?: number;
  readonly data: Data;
  readonly metadata: EventMetadataInput;
}

/**
 * A stored event: the envelope that the history route (docs/api.md, "Audit") shows.
 * `revision` is 0-based within the stream; `position` is the global position, a decimal string
 * that grows in the order in which `readAll` delivers events.
 */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  /**
   * The writer's transaction, in adapters that have one (PostgreSQL: the `transaction_id` column,
   * a decimal string); covered by the hash like every other field. Absent elsewhere.
   */
  readonly transactionId?: string;
  readonly recordedAt: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** The part of a domain event that deciders produce and fold. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}
