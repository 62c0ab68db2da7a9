import { randomBytes } from 'node:crypto';
import { sealChecker } from '../../chain-seal';
import { eventHash, GENESIS_HASH, verifyChain } from '../../hash-chain';
import { UpcasterRegistry } from '../../upcasting';
import { WithStore } from './contract-types';
import { freshStream, newEvent, newEvents, readAllOf } from './sample-events';
import { eventually } from '@ree/testing';

export function readContract(withStore: WithStore): void {
  it('reads a stream in revision order, from a revision, up to a count; an unknown stream is empty', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      await store.appendToStream(streamId, newEvents(3));
      await store.appendToStream(streamId, newEvents(2));
      const all = await store.readStream(streamId);
      expect(all.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      expect((await store.readStream(streamId, { fromRevision: 2 })).map((event) => event.revision)).toEqual([2, 3, 4]);
      expect((await store.readStream(streamId, { fromRevision: 1, maxCount: 2 })).map((event) => event.revision)).toEqual([1, 2]);
      expect(await store.readStream(streamId, { fromRevision: 5 })).toEqual([]);
      expect(await store.readStream(freshStream())).toEqual([]);
    }));

  it('orders events of several streams globally in the order they were appended', () =>
    withStore(async (store) => {
      const checkpoint = await store.headPosition();
      const [a, b] = [freshStream(), freshStream()];
      const appended = [
        ...(await store.appendToStream(a, newEvents(2))).events,
        ...(await store.appendToStream(b, newEvents(1))).events,
        ...(await store.appendToStream(a, newEvents(1))).events,
      ];
      const read = await readAllOf(store, checkpoint, appended[3].position, [a, b]);
      expect(read.map((event) => event.eventId)).toEqual(appended.map((event) => event.eventId));
      for (let index = 1; index < read.length; index++) {
        expect(store.comparePositions(read[index].position, read[index - 1].position)).toBe(1);
        expect(store.comparePositions(read[index - 1].position, read[index].position)).toBe(-1);
      }
      expect(store.comparePositions(read[0].position, read[0].position)).toBe(0);
    }));

  it('reads all events after a checkpoint; an exhausted read keeps the checkpoint', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const { events } = await store.appendToStream(streamId, newEvents(3));
      const mine = await readAllOf(store, events[0].position, events[2].position, [streamId]);
      expect(mine.map((event) => event.revision)).toEqual([1, 2]);
      const head = await eventually(
        () => store.headPosition(),
        (position) => position !== null && store.comparePositions(position, events[2].position) >= 0,
      );
      const exhausted = await store.readAll({ after: events[2].position, maxCount: 1000 });
      expect(exhausted.events.filter((event) => event.streamId === streamId)).toEqual([]);
      expect(store.comparePositions(exhausted.checkpoint!, events[2].position)).toBeGreaterThanOrEqual(0);
      expect(head).not.toBeNull();
      const page = await store.readAll({ after: events[0].position, maxCount: 1 });
      expect(page.events).toHaveLength(1);
      expect(page.checkpoint).toBe(page.events[0].position);
      expect(store.comparePositions(page.checkpoint!, events[0].position)).toBe(1);
    }));

  it('upcasts on read, through a chain of upcasters and an alias, while raw reads show what is stored', () => {
    const upcasters = new UpcasterRegistry()
      .register('QuotaSet', 1, (event) => ({ ...event, schemaVersion: 2, data: { tonnes: (event.data as { t: number }).t } }))
      .register('QuotaSet', 2, (event) => ({ ...event, schemaVersion: 3, data: { kilograms: (event.data as { tonnes: number }).tonnes * 1000 } }))
      .alias('MineListed', 'MineRegistered');
    return withStore(
      async (store) => {
        const streamId = freshStream();
        const checkpoint = await store.headPosition();
        const appended = await store.appendToStream(streamId, [
          newEvent('QuotaSet', { t: 2 }),
          newEvent('MineListed', { name: 'Bayan Obo' }),
        ]);
        const [quota, mine] = await store.readStream(streamId);
        expect(quota).toMatchObject({ type: 'QuotaSet', schemaVersion: 3, data: { kilograms: 2000 } });
        expect(mine).toMatchObject({ type: 'MineRegistered', schemaVersion: 1, data: { name: 'Bayan Obo' } });
        const [rawQuota] = await store.readStream(streamId, { raw: true });
        expect(rawQuota).toMatchObject({ type: 'QuotaSet', schemaVersion: 1, data: { t: 2 } });
        const fromAll = await readAllOf(store, checkpoint, appended.position, [streamId]);
        expect(fromAll.map((event) => event.type)).toEqual(['QuotaSet', 'MineRegistered']);
        expect(verifyChain(await store.readStream(streamId, { raw: true })).valid).toBe(true);
      },
      { upcasters },
    );
  });

  it('chains every event of a stream to the one before, across appends, starting from 64 zeros', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      await store.appendToStream(streamId, newEvents(2));
      await store.appendToStream(streamId, newEvents(2), { expectedRevision: 1 });
      const stored = await store.readStream(streamId, { raw: true });
      expect(stored[0].metadata.prevHash).toBe(GENESIS_HASH);
      stored.slice(1).forEach((event, index) => expect(event.metadata.prevHash).toBe(stored[index].metadata.hash));
      expect(verifyChain(stored)).toEqual({ valid: true, events: 4, headHash: stored[3].metadata.hash });
      expect(stored[0].recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }));

  it('hashes the whole envelope as the store gives it back: position and, where the adapter has one, the transaction', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const { events } = await store.appendToStream(streamId, [newEvent('QuotaSet', { t: 1 }), newEvent('QuotaSet', { t: 2 })]);
      const stored = await store.readStream(streamId, { raw: true });
      expect(stored).toEqual(events);
      stored.forEach((event) => expect(eventHash(event)).toBe(event.metadata.hash));
      const moved = { ...stored[1], position: String(BigInt(stored[1].position) + 1n) };
      expect(verifyChain([stored[0], moved])).toMatchObject({ valid: false, firstBrokenRevision: 1, reason: 'hash' });
      expect(stored.every((event) => event.metadata.seal === undefined)).toBe(true);
    }));

  it('seals each hash with the key it was given, and a chain sealed so verifies with that key only', () => {
    const seal = { id: 'contract', secret: randomBytes(32) };
    return withStore(
      async (store) => {
        const streamId = freshStream();
        await store.appendToStream(streamId, newEvents(2));
        await store.appendToStream(streamId, newEvents(1), { expectedRevision: 1 });
        const stored = await store.readStream(streamId, { raw: true });
        expect(stored.map((event) => event.metadata.seal)).toEqual([expect.stringMatching(/^contract:[0-9a-f]{64}$/), expect.any(String), expect.any(String)]);
        expect(verifyChain(stored, sealChecker([seal])).valid).toBe(true);
        expect(verifyChain(stored, sealChecker([{ ...seal, secret: randomBytes(32) }]))).toMatchObject({ valid: false, reason: 'seal' });
      },
      { seal },
    );
  });
}
