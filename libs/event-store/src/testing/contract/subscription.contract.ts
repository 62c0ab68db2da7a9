import { RecordedEvent } from '@ree/shared-kernel';
import { WithStore } from './contract-types';
import { deliveredWhen, freshStream, newEvents } from './sample-events';
import { eventually } from '@ree/testing';

export function subscriptionContract(withStore: WithStore): void {
  it('catches up from a checkpoint, then follows live appends in order, and stops', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const checkpoint = await store.headPosition();
      await store.appendToStream(streamId, newEvents(3));
      const received: RecordedEvent[] = [];
      const checkpoints: string[] = [];
      const delivery = deliveredWhen();
      const subscription = store.subscribeToAll({
        after: checkpoint,
        batchSize: 2,
        handler: async (events, batchCheckpoint) => {
          received.push(...events.filter((event) => event.streamId === streamId));
          checkpoints.push(batchCheckpoint);
          delivery.notify();
        },
      });
      await subscription.caughtUp();
      expect(received.map((event) => event.revision)).toEqual([0, 1, 2]);
      await store.appendToStream(streamId, newEvents(2));
      await delivery.until(() => received.length === 5);
      expect(received.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      for (let index = 1; index < checkpoints.length; index++) {
        expect(store.comparePositions(checkpoints[index], checkpoints[index - 1])).toBe(1);
      }
      await subscription.stop();
      await store.appendToStream(streamId, newEvents(1));
      await expect(subscription.caughtUp()).rejects.toThrow('stopped');
      expect(received).toHaveLength(5);
    }));

  it('reads catchUpBatchSize events at a time until a read brings fewer, then batchSize', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      // The checkpoint is an event of this test's own, not the readable head: on a shared cluster a transaction of
      // another database holds the horizon back, and events of earlier tests would then come after the head.
      const { position: checkpoint } = await store.appendToStream(streamId, newEvents(1));
      const { position } = await store.appendToStream(streamId, newEvents(5));
      // Deliverable before the subscription starts: an older transaction elsewhere would make the first read come back short.
      await eventually(() => store.headPosition(), (head) => head !== null && store.comparePositions(head, position) >= 0);
      const sizes: number[] = [];
      const delivery = deliveredWhen();
      const subscription = store.subscribeToAll({
        after: checkpoint,
        batchSize: 2,
        catchUpBatchSize: 4,
        handler: async (events) => {
          sizes.push(events.length);
          delivery.notify();
        },
      });
      await subscription.caughtUp();
      expect(sizes).toEqual([4, 1]);
      await store.appendToStream(streamId, newEvents(5));
      await delivery.until(() => sizes.length === 5);
      expect(sizes).toEqual([4, 1, 2, 2, 1]);
      await subscription.stop();
    }));

  it('hands a failed batch to onError and delivers it again from the last checkpoint', () =>
    withStore(async (store) => {
      const streamId = freshStream();
      const checkpoint = await store.headPosition();
      await store.appendToStream(streamId, newEvents(2));
      const attempts: number[] = [];
      const errors: unknown[] = [];
      const subscription = store.subscribeToAll({
        after: checkpoint,
        handler: async (events) => {
          const mine = events.filter((event) => event.streamId === streamId);
          if (mine.length > 0) attempts.push(mine[0].revision);
          if (attempts.length === 1) throw new Error('read model unavailable');
        },
        onError: (error) => errors.push(error),
      });
      await subscription.caughtUp();
      await subscription.stop();
      expect(attempts).toEqual([0, 0]);
      expect(errors).toEqual([new Error('read model unavailable')]);
    }));

  it('resolves caughtUp at once when nothing is pending', () =>
    withStore(async (store) => {
      await store.appendToStream(freshStream(), newEvents(1));
      const subscription = store.subscribeToAll({ after: await store.headPosition(), handler: async () => undefined });
      await expect(subscription.caughtUp()).resolves.toBeUndefined();
      await subscription.stop();
    }));
}
