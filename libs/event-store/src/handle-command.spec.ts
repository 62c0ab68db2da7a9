import { Decider, streamType } from '@ree/shared-kernel';
import { WrongExpectedRevisionError } from './errors';
import { commandRetryDelay, handleCommand } from './handle-command';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

type QuotaEvent = { type: 'QuotaDrawn'; data: { kilograms: number; remaining: number } };
type Draw = { kilograms: number };
type State = { remaining: number };

const metadata = { actor: { sub: 'exporter-1', role: 'EXPORTER', org: 'org-1' } };
const QUOTA = 100;
const quotaStream = streamType<QuotaEvent>('quota', { QuotaDrawn: 1 });
const options = { stream: quotaStream, metadata };

/** Draws kilograms from a quota of 100; every decision is counted to observe retries. */
function quotaDecider(onDecide: (state: State) => void = () => undefined): Decider<Draw, State, QuotaEvent> {
  return {
    initialState: () => ({ remaining: QUOTA }),
    evolve: (state, event) => ({ remaining: event.data.remaining }),
    decide: (command, state) => {
      onDecide(state);
      if (command.kilograms === 0) return [];
      if (command.kilograms > state.remaining) throw new Error(`only ${state.remaining} kg left`);
      return [{ type: 'QuotaDrawn', data: { kilograms: command.kilograms, remaining: state.remaining - command.kilograms } }];
    },
  };
}

const draw = (store: InMemoryEventStore, streamId: string, kilograms: number, remaining: number) =>
  store.appendToStream(streamId, [{ type: 'QuotaDrawn', data: { kilograms, remaining }, metadata }]);

describe('handleCommand', () => {
  it('decides on the state folded from the stream and appends after its head', async () => {
    const store = new InMemoryEventStore();
    await draw(store, 'quota-1', 30, 70);
    const result = await handleCommand(store, 'quota-1', quotaDecider(), { kilograms: 20 }, options);
    expect(result).toMatchObject({ streamId: 'quota-1', revision: 1, state: { remaining: 50 } });
    expect(result.newEvents.map((event) => event.data)).toEqual([{ kilograms: 20, remaining: 50 }]);
    expect(result.position).toBe(result.newEvents[0].position);
  });

  it('passes domain errors through and writes nothing', async () => {
    const store = new InMemoryEventStore();
    await draw(store, 'quota-1', 90, 10);
    await expect(handleCommand(store, 'quota-1', quotaDecider(), { kilograms: 20 }, options)).rejects.toThrow('only 10 kg left');
    expect(await store.readStream('quota-1')).toHaveLength(1);
  });

  it('decides again on the new state when another writer appended in between', async () => {
    const store = new InMemoryEventStore();
    const seen: number[] = [];
    // The first decision races a concurrent draw of 60 kg that lands before its append.
    const decider = quotaDecider((state) => {
      seen.push(state.remaining);
      if (seen.length === 1) void draw(store, 'quota-1', 60, 40);
    });
    const result = await handleCommand(store, 'quota-1', decider, { kilograms: 30 }, options);
    expect(seen).toEqual([100, 40]);
    expect(result).toMatchObject({ revision: 1, state: { remaining: 10 } });
  });

  it('fails at once, without deciding, when the If-Match revision is not the head', async () => {
    const store = new InMemoryEventStore();
    await draw(store, 'quota-1', 10, 90);
    await draw(store, 'quota-1', 10, 80);
    const seen: number[] = [];
    const failure = await handleCommand(store, 'quota-1', quotaDecider((state) => seen.push(state.remaining)), { kilograms: 5 }, {
      ...options,
      expectedRevision: 0,
    }).catch((error) => error);
    expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
    expect(failure).toMatchObject({ expected: 0, actual: 1 });
    expect(seen).toEqual([]);
  });

  it('does not retry a pinned revision that loses a race', async () => {
    const store = new InMemoryEventStore();
    const seen: number[] = [];
    const decider = quotaDecider((state) => {
      seen.push(state.remaining);
      void draw(store, 'quota-1', 1, state.remaining - 1);
    });
    await expect(
      handleCommand(store, 'quota-1', decider, { kilograms: 5 }, { ...options, expectedRevision: 'no-stream' }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(seen).toEqual([100]);
  });

  it('appends nothing when the decision has no events', async () => {
    const store = new InMemoryEventStore();
    await draw(store, 'quota-1', 10, 90);
    const head = await store.headPosition();
    const result = await handleCommand(store, 'quota-1', quotaDecider(), { kilograms: 0 }, options);
    expect(result).toMatchObject({ revision: 0, position: head, newEvents: [], state: { remaining: 90 } });
    expect(await store.headPosition()).toBe(head);
  });

  it('uses the given event ids and schema versions, so a replayed command is recognisable', async () => {
    const store = new InMemoryEventStore();
    const result = await handleCommand(store, 'quota-1', quotaDecider(), { kilograms: 5 }, {
      metadata,
      eventId: (index) => `00000000-0000-4000-8000-00000000000${index}`,
      stream: streamType<QuotaEvent>('quota', { QuotaDrawn: 2 }),
    });
    expect(result.newEvents[0]).toMatchObject({ eventId: '00000000-0000-4000-8000-000000000000', schemaVersion: 2 });
  });
});

describe('commandRetryDelay', () => {
  const ceiling = { initialMs: 10, maxMs: 250, random: () => 0.999_999 };

  it('doubles the ceiling of the pause before each retry from 10 ms up to 250 ms', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => commandRetryDelay(retry, ceiling))).toEqual([9, 19, 39, 79, 159, 249]);
  });

  it('draws the pause evenly below that ceiling, so that commands that collided do not collide again at once', () => {
    expect(commandRetryDelay(3, { ...ceiling, random: () => 0 })).toBe(0);
    expect(commandRetryDelay(3, { ...ceiling, random: () => 0.5 })).toBe(20);
  });
});
