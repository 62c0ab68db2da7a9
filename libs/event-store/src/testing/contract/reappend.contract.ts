import { NewEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { EventIdConflictError } from '../../errors';
import { ExpectedRevision } from '../../expected-revision';
import { WithStore } from './contract-types';
import { actor, freshStream, newEvents, readAllOf } from './sample-events';

/** Two events as a command would write them: every field a writer gives, one of them a `Date`. */
function aCommandsEvents(): NewEvent[] {
  const metadata = { actor: { sub: 'officer-7', role: 'licensing-officer', org: 'ministry' }, correlationId: randomUUID(), causationId: randomUUID() };
  return [
    { eventId: randomUUID(), type: 'SampleRecorded', schemaVersion: 2, data: { at: new Date('2026-03-04T05:06:07.089Z'), kg: 12.5, party: { name: 'Dy GmbH', country: 'DE' } }, metadata },
    { eventId: randomUUID(), type: 'SampleChecked', schemaVersion: 1, data: { passed: true, notes: ['seal intact'] }, metadata },
  ];
}

/** The same events given differently: keys in another order, the `Date` as its ISO string. */
function sameGivenDifferently([recorded, checked]: NewEvent[]): NewEvent[] {
  const { correlationId, causationId } = recorded.metadata;
  const metadata = { causationId, correlationId, actor: { org: 'ministry', role: 'licensing-officer', sub: 'officer-7' } };
  return [
    { ...recorded, data: { party: { country: 'DE', name: 'Dy GmbH' }, kg: 12.5, at: '2026-03-04T05:06:07.089Z' }, metadata },
    { ...checked, data: { notes: ['seal intact'], passed: true }, metadata },
  ];
}

/** One field of the second event changed, as a reused Idempotency-Key on another command would. */
const changes: Array<[string, (event: NewEvent) => NewEvent]> = [
  ['another type', (event) => ({ ...event, type: 'SampleRejected' })],
  ['another schema version', (event) => ({ ...event, schemaVersion: 2 })],
  ['other data', (event) => ({ ...event, data: { passed: false, notes: ['seal intact'] } })],
  ['another actor', (event) => ({ ...event, metadata: { ...event.metadata, actor } })],
  ['another correlation id', (event) => ({ ...event, metadata: { ...event.metadata, correlationId: randomUUID() } })],
  ['another causation id', (event) => ({ ...event, metadata: { ...event.metadata, causationId: undefined } })],
];

export function reappendContract(withStore: WithStore): void {
  it.each<ExpectedRevision>(['no-stream', 0, 'any'])(
    're-appending the same event ids with expected revision %s answers like the first append and writes nothing',
    (expectedRevision) =>
      withStore(async (store) => {
        const streamId = freshStream();
        // Read on from this stream's own last event: the readable head may lag behind it while a
        // transaction elsewhere on the cluster is open, and would let that event be counted too.
        const checkpoint = expectedRevision === 0 ? (await store.appendToStream(streamId, newEvents(1))).position : await store.headPosition();
        const events = newEvents(3);
        const first = await store.appendToStream(streamId, events, { expectedRevision });
        const again = await store.appendToStream(streamId, events, { expectedRevision });
        expect(again).toEqual(first);
        expect(await readAllOf(store, checkpoint, again.position, [streamId])).toHaveLength(3);
      }),
  );

  describe.each<ExpectedRevision>(['no-stream', 'any'])('with expected revision %s', (expectedRevision) => {
    it('answers the same content given differently (key order, a Date for its ISO string) like the first append, writing nothing', () =>
      withStore(async (store) => {
        const streamId = freshStream();
        const checkpoint = await store.headPosition();
        const events = aCommandsEvents();
        const first = await store.appendToStream(streamId, events, { expectedRevision });
        const again = await store.appendToStream(streamId, sameGivenDifferently(events), { expectedRevision });
        expect(again).toEqual(first);
        expect(await readAllOf(store, checkpoint, again.position, [streamId])).toEqual(first.events);
      }));

    it('matches whatever correlation id the store chose when the retry names none', () =>
      withStore(async (store) => {
        const streamId = freshStream();
        const unnamed = aCommandsEvents().map(({ metadata: { correlationId: _chosenByTheStore, ...metadata }, ...event }) => ({ ...event, metadata }));
        const first = await store.appendToStream(streamId, unnamed, { expectedRevision });
        expect(await store.appendToStream(streamId, unnamed, { expectedRevision })).toEqual(first);
      }));

    it.each(changes)('refuses the same event ids with %s as EventIdConflictError, writing nothing', (_, change) =>
      withStore(async (store) => {
        const streamId = freshStream();
        const checkpoint = await store.headPosition();
        const [recorded, checked] = aCommandsEvents();
        const first = await store.appendToStream(streamId, [recorded, checked], { expectedRevision });
        const failure = await store.appendToStream(streamId, [recorded, change(checked)], { expectedRevision }).catch((error) => error);
        expect(failure).toBeInstanceOf(EventIdConflictError);
        expect(failure).toMatchObject({ streamId, eventIds: [checked.eventId], reason: 'different-content' });
        expect(await store.readStream(streamId, { raw: true })).toEqual(first.events);
        expect(await readAllOf(store, checkpoint, first.position, [streamId])).toEqual(first.events);
      }));
  });

  it('answers a retry like the first append even after later appends to the stream', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const events = newEvents(2);
      const first = await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      await store.appendToStream(streamId, newEvents(1), { expectedRevision: 1 });
      expect(await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' })).toEqual(first);
      expect(await store.readStream(streamId)).toHaveLength(3);
    }));

  it('rejects an append that overlaps a stored one only in part, and writes nothing', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const stored = newEvents(2);
      await store.appendToStream(streamId, stored, { expectedRevision: 'no-stream' });
      const overlapping = [stored[1], ...newEvents(1)];
      const failure = await store.appendToStream(streamId, overlapping, { expectedRevision: 1 }).catch((error) => error);
      expect(failure).toBeInstanceOf(EventIdConflictError);
      expect(failure).toMatchObject({ eventIds: [stored[1].eventId], reason: 'another-append' });
      expect(await store.readStream(streamId)).toHaveLength(2);
    }));

  it('rejects event ids stored in another stream', () =>
    withStore(async (store) => {
      const events = newEvents(1);
      await store.appendToStream(freshStream(), events);
      const other = freshStream();
      await expect(store.appendToStream(other, events)).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await store.readStream(other)).toEqual([]);
    }));
}
