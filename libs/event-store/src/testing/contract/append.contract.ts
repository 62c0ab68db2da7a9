import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../../errors';
import { ExpectedRevision } from '../../expected-revision';
import { WithStore } from './contract-types';
import { freshStream, newEvent, newEvents } from './sample-events';

export function appendContract(withStore: WithStore): void {
  it('numbers revisions from 0 and answers with the next expected revision and the last position', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const first = await store.appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
      const second = await store.appendToStream(streamId, newEvents(1), { expectedRevision: 1 });
      expect(first.events.map((event) => event.revision)).toEqual([0, 1]);
      expect(first.nextExpectedRevision).toBe(1);
      expect(first.position).toBe(first.events[1].position);
      expect(second.events[0].revision).toBe(2);
      expect(second.nextExpectedRevision).toBe(2);
      expect(store.comparePositions(second.position, first.position)).toBeGreaterThan(0);
    }));

  describe.each<[string, ExpectedRevision, number | null]>([
    ['any on a new stream', 'any', null],
    ['any on an existing stream', 'any', 1],
    ['no-stream on a new stream', 'no-stream', null],
    ['stream-exists on an existing stream', 'stream-exists', 1],
    ['the exact revision of the head', 1, 1],
  ])('expected revision %s', (_, expectedRevision, existingHead) => {
    it('appends', () =>
      withStore(async (store) => {
        const streamId = freshStream();
        if (existingHead !== null) await store.appendToStream(streamId, newEvents(existingHead + 1));
        const result = await store.appendToStream(streamId, newEvents(1), { expectedRevision });
        expect(result.nextExpectedRevision).toBe((existingHead ?? -1) + 1);
      }));
  });

  describe.each<[string, ExpectedRevision, number | null]>([
    ['no-stream on an existing stream', 'no-stream', 2],
    ['stream-exists on a new stream', 'stream-exists', null],
    ['a revision behind the head', 1, 2],
    ['a revision ahead of the head', 5, 2],
    ['a revision on a new stream', 0, null],
  ])('expected revision %s', (_, expectedRevision, existingHead) => {
    it('fails with the actual revision and writes nothing', () =>
      withStore(async (store) => {
        const streamId = freshStream();
        if (existingHead !== null) await store.appendToStream(streamId, newEvents(existingHead + 1));
        const failure = await store.appendToStream(streamId, newEvents(1), { expectedRevision }).catch((error) => error);
        expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
        expect(failure).toMatchObject({ streamId, expected: expectedRevision, actual: existingHead });
        expect(await store.readStream(streamId)).toHaveLength((existingHead ?? -1) + 1);
      }));
  });

  it('gives events without an id a random UUID and fills in correlation and causation', () =>
    withStore(async (store) => {
      const { events } = await store.appendToStream(freshStream(), [newEvent(), newEvent()]);
      expect(events[0].eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(events[0].eventId).not.toBe(events[1].eventId);
      expect(events[0].metadata).toMatchObject({ causationId: null, correlationId: expect.any(String) });
    }));

  it('refuses an empty append', () =>
    withStore(async (store) => {
      await expect(store.appendToStream(freshStream(), [])).rejects.toThrow(TypeError);
    }));

  it('lets exactly one of several concurrent appends with the same expected revision win', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      await store.appendToStream(streamId, newEvents(1));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () => store.appendToStream(streamId, newEvents(2), { expectedRevision: 0 })),
      );
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(5);
      lost.forEach((error) => expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 2 }));
      expect(await store.readStream(streamId)).toHaveLength(3);
    }));

  it('serialises concurrent appends with expected revision any without losing one', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      await Promise.all(Array.from({ length: 8 }, () => store.appendToStream(streamId, newEvents(2), { expectedRevision: 'any' })));
      const stream = await store.readStream(streamId, { raw: true });
      expect(stream.map((event) => event.revision)).toEqual([...Array(16).keys()]);
    }));

  it('stores data as JSON: what is read back is what the hash covered', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const data = { at: new Date('2026-01-02T03:04:05.678Z'), skipped: undefined, text: 'Dysprosium – Dy ✓', big: 1e21 };
      const { events } = await store.appendToStream(streamId, [{ ...newEvent(), eventId: randomUUID(), data }]);
      const [read] = await store.readStream(streamId, { raw: true });
      expect(read.data).toEqual({ at: '2026-01-02T03:04:05.678Z', text: 'Dysprosium – Dy ✓', big: 1e21 });
      expect(read).toEqual(events[0]);
    }));
}
