import type { HandleCommandOptions } from '@ree/event-store';
import { type CommandContext, eventIdsFrom, nameBasedUuid, newId } from '@ree/shared-kernel';
import type { LicenceEvent } from '../licence/licence.events';
import { licenceStream } from '../licence/licence.stream';

/**
 * The operation a request is: its caller and `Idempotency-Key`, or nothing (random ids) without
 * a key. Event ids and the ids a command creates derive from it, so that a retry lands on the
 * same stream with the same event ids and can never append twice.
 */
export const operationIdOf = (context: CommandContext): string | undefined =>
  context.idempotencyKey === undefined ? undefined : `${context.actor.sub}:${context.idempotencyKey}`;

/** What every licensing handler hands to `handleCommand`. */
export function commandOptions(context: CommandContext, streamId: string): HandleCommandOptions<LicenceEvent> {
  return {
    metadata: { actor: context.actor, correlationId: context.correlationId },
    expectedRevision: context.expectedRevision,
    eventId: eventIdsFrom(operationIdOf(context), streamId),
    stream: licenceStream,
  };
}

/** A new licence's id: derived from the operation with an `Idempotency-Key`, random otherwise. */
export function newLicenceId(context: CommandContext): string {
  const operation = operationIdOf(context);
  return operation === undefined ? newId() : nameBasedUuid(`licensing/licence/${operation}`);
}
