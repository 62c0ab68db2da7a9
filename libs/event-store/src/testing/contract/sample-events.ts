import { NewEvent, RecordedEvent } from '@ree/shared-kernel';
import { eventually } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { EventStore } from '../../event-store';

export const actor = { sub: 'contract-test', role: 'OFFICER' } as const;

/** A stream id no other test uses, so the suite never depends on an empty store. */
export const freshStream = (prefix = 'contract'): string => `${prefix}-${randomUUID()}`;

export function newEvent(type = 'SampleRecorded', data: unknown = { n: 1 }, eventId?: string): NewEvent {
  return { eventId, type, data, metadata: { actor, correlationId: randomUUID() } };
}

export function newEvents(count: number, type = 'SampleRecorded'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }, randomUUID()));
}

/**
 * Reads every event after `after` up to and including position `upTo`, page by page, keeping
 * those of the given streams. An ordered reader may lag behind a commit for as long as an older
 * transaction runs (on PostgreSQL, anywhere in the cluster), so an empty page before `upTo`
 * means "not yet", and the read waits and tries again.
 */
export async function readAllOf(
  store: EventStore,
  after: string | null,
  upTo: string,
  streamIds: readonly string[],
  pageSize = 500,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  let checkpoint = after;
  const reached = () => checkpoint !== null && store.comparePositions(checkpoint, upTo) >= 0;
  const nextPage = async (): Promise<boolean> => {
    const page = await store.readAll({ after: checkpoint, maxCount: pageSize });
    found.push(...page.events.filter((event) => streamIds.includes(event.streamId)));
    checkpoint = page.checkpoint;
    return page.events.length > 0 || reached();
  };
  while (!reached()) await eventually(nextPage, { what: `readAll up to ${upTo}` });
  return found;
}

/** Resolves when `predicate` holds, checked after every delivered batch; rejects after `ms`. */
export function deliveredWhen(ms = 10_000): {
  notify(): void;
  until(predicate: () => boolean): Promise<void>;
} {
  const checks = new Set<() => void>();
  return {
    notify: () => checks.forEach((check) => check()),
    until: (predicate) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          checks.delete(check);
          reject(new Error(`not delivered within ${ms} ms`));
        }, ms);
        const check = (): void => {
          if (!predicate()) return;
          clearTimeout(timer);
          checks.delete(check);
          resolve();
        };
        checks.add(check);
        check();
      }),
  };
}
