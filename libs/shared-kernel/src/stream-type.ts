import type { DomainEvent, RecordedEvent } from './event';

/**
 * One kind of stream: its category (the stream id is `<category>-<entity id>`) and the event
 * types it holds with the schema version each is written with today. The record of versions is
 * typed by the event union, so a new event type that is not listed does not compile.
 *
 * Everything that routes or narrows stored events goes through this: a projection asks
 * `consignmentStream.holds(event)` rather than testing the stream id's prefix, and gets the
 * event typed as the domain's own union without a cast.
 */
export interface StreamType<Event extends DomainEvent> {
  readonly category: string;
  readonly schemaVersions: Readonly<Record<Event['type'], number>>;
  /** The stream id of one entity. */
  streamId(entityId: string): string;
  /** The entity id of one of these streams. */
  entityIdOf(streamId: string): string;
  /** Whether a stream id is of this category. */
  isStream(streamId: string): boolean;
  /** Whether a stored event is of this category and of a type it declares; narrows it to the domain's union. */
  holds(event: RecordedEvent): event is RecordedEvent & Event;
  /** The events of one of these streams as the domain's union; an undeclared type is refused, not skipped. */
  domainEvents(events: readonly RecordedEvent[]): Array<RecordedEvent & Event>;
}

/** Thrown when a stream holds an event type that its code does not declare: a newer writer, or a stray append. */
export class UndeclaredEventTypeError extends Error {
  constructor(
    readonly streamId: string,
    readonly type: string,
  ) {
    super(`Stream ${streamId} holds an event of type ${type}, which this version does not declare`);
    this.name = 'UndeclaredEventTypeError';
  }
}

export function streamType<Event extends DomainEvent>(category: string, schemaVersions: Readonly<Record<Event['type'], number>>): StreamType<Event> {
  const prefix = `${category}-`;
  const declared = new Set<string>(Object.keys(schemaVersions));
  const isStream = (streamId: string): boolean => streamId.startsWith(prefix);
  const holds = (event: RecordedEvent): event is RecordedEvent & Event => isStream(event.streamId) && declared.has(event.type);
  return {
    category,
    schemaVersions,
    streamId: (entityId) => `${prefix}${entityId}`,
    entityIdOf: (streamId) => {
      if (!isStream(streamId)) throw new RangeError(`${streamId} is not a ${category} stream`);
      return streamId.slice(prefix.length);
    },
    isStream,
    holds,
    domainEvents: (events) =>
      events.map((event) => {
        if (!holds(event)) throw new UndeclaredEventTypeError(event.streamId, event.type);
        return event;
      }),
  };
}
