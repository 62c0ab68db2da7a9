import { randomUUID } from 'node:crypto';
import type { HandleCommandOptions } from '@ree/event-store';
import { type CommandContext, eventIdsFrom, nameBasedUuid } from '@ree/shared-kernel';
import type { ConsignmentEvent } from '../consignment/consignment.events';
import { consignmentStream } from '../consignment/consignment.stream';

/**
 * The id of one command's operation, from which every event id and every id the command creates
 * is derived. With an `Idempotency-Key` it is the caller and the key, so that a retry of a
 * half-done command (quota drawn, consignment event missing) lands on the same ids and completes
 * it instead of drawing twice. `scope` (the activity and its target) keeps one key reused on two
 * different requests from colliding: the HTTP layer scopes keys by path, and so must the ids.
 */
export function operationIdOf(context: CommandContext, scope: string): string {
  return context.idempotencyKey === undefined ? randomUUID() : `${context.actor.sub}:${context.idempotencyKey}:${scope}`;
}

/** A server-made id (consignment, declaration, step) derived from the operation. */
export const derivedId = (operationId: string, kind: string): string => nameBasedUuid(`consignment/${kind}/${operationId}`);

/** What every consignment handler hands to `handleCommand` for the consignment stream. */
export function consignmentOptions(context: CommandContext, streamId: string, operationId: string): HandleCommandOptions<ConsignmentEvent> {
  return {
    metadata: { actor: context.actor, correlationId: context.correlationId },
    expectedRevision: context.expectedRevision,
    eventId: eventIdsFrom(operationId, streamId),
    stream: consignmentStream,
  };
}
