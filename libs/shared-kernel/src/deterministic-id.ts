import { createHash, randomUUID } from 'node:crypto';

/** The RFC 9562 URL namespace: the namespace of this project's name-based ids. */
const NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/**
 * A name-based UUID (version 5, RFC 9562): the same name always gives the same id. Event ids
 * derived from a command's idempotency key make a retried append a no-op in the event store.
 */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Event ids for one append: derived from `seed` when there is one, random otherwise. */
export function eventIdsFrom(seed: string | undefined, streamId: string): (index: number) => string {
  return seed === undefined ? () => randomUUID() : (index) => nameBasedUuid(`${seed}/${streamId}/${index}`);
}

export const newId = (): string => randomUUID();
