import { ConflictException } from '@nestjs/common';
import type { RecordedEvent } from '@ree/shared-kernel';

/**
 * A stored event that is no event envelope any more (a row edited by hand): the history cannot
 * show or fold it. Answered 409 `record-malformed` naming the stream and revision, with the
 * integrity check as the place to look, never a 500.
 */
export class MalformedEvent extends ConflictException {
  constructor(consignmentId: string, event: Pick<RecordedEvent, 'streamId' | 'revision'>, what: string) {
    super({
      code: 'record-malformed',
      detail:
        `The stored event at revision ${event.revision} of stream ${event.streamId} is malformed (${what}), so the history cannot be shown; ` +
        `GET /consignments/${consignmentId}/integrity names every break`,
    });
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with an event's metadata as the history shows it, or null when nothing is. */
export function malformedMetadata(event: RecordedEvent): string | null {
  const metadata: unknown = event.metadata;
  if (!isObject(metadata)) return 'its metadata is not an object';
  const { actor, correlationId, causationId, hash, prevHash } = metadata;
  if (!isObject(actor) || typeof actor.sub !== 'string' || typeof actor.role !== 'string') return 'its actor has no sub and role';
  if (typeof correlationId !== 'string') return 'its correlationId is not a string';
  if (causationId !== null && typeof causationId !== 'string') return 'its causationId is neither null nor a string';
  if (typeof hash !== 'string' || typeof prevHash !== 'string') return 'its hash or prevHash is not a string';
  return null;
}
