/**
 * How far the read models have caught up with the event store, as the `X-Min-Position` reads
 * need it. `libs/event-store/src/projections/read-model-positions.ts` implements it; the API
 * module binds it to {@link READ_MODEL_POSITIONS}.
 */
export interface ReadModelPositionsPort {
  /** Whether every read model has processed the event at this global position. */
  reached(position: string): Promise<boolean>;
  /** Resolves true once {@link reached}, or false when `timeoutMs` passes first. */
  waitFor(position: string, timeoutMs: number): Promise<boolean>;
}

export const READ_MODEL_POSITIONS = Symbol('ReadModelPositions');
