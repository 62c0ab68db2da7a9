import type { HandleCommandOptions } from '@ree/event-store';
import { type CommandContext, type DomainEvent, eventIdsFrom, nameBasedUuid, newId, type StreamType } from '@ree/shared-kernel';

/**
 * What every registry handler hands to `handleCommand`: the actor and correlation id as
 * metadata, `If-Match` as the expected revision, and event ids derived from the idempotency key.
 */
export function commandOptions<Event extends DomainEvent>(
  context: CommandContext,
  streamId: string,
  stream: StreamType<Event>,
): HandleCommandOptions<Event> {
  return {
    stream,
    metadata: { actor: context.actor, correlationId: context.correlationId },
    expectedRevision: context.expectedRevision,
    eventId: eventIdsFrom(context.idempotencyKey, streamId),
  };
}

/**
 * The server-made id of something a command creates (a mine, a party, a quota batch). With an
 * `Idempotency-Key` it is derived from the key and the caller, so that a repeated request lands
 * on the same stream and the decider can recognise it; otherwise it is random.
 */
export function newIdFor(context: CommandContext, kind: string): string {
  return context.idempotencyKey === undefined
    ? newId()
    : nameBasedUuid(`registry/${kind}/${context.actor.sub}/${context.idempotencyKey}`);
}
