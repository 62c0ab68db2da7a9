import { Decider, DomainRuleViolation, streamType } from '@ree/shared-kernel';
import { EventIdConflictError, WrongExpectedRevisionError } from './errors';
import { handleCommand, HandleCommandOptions } from './handle-command';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { ReservedStreams } from './reserved-streams';

/** An order reserving stock on a warehouse's stream: the reservation pattern on the in-memory store. */
type StockEvent = { type: 'StockReserved'; data: { order: string; units: number } } | { type: 'StockReleased'; data: { order: string } };
type OrderEvent = { type: 'OrderPlaced'; data: { units: number } } | { type: 'OrderCancelled'; data: Record<string, never> };
type Stock = { free: number; held: Record<string, number> };
type Order = { placed: number | null; cancelled: boolean };

const metadata = { actor: { sub: 'clerk-1', role: 'clerk' } };
const warehouse = streamType<StockEvent>('warehouse', { StockReserved: 1, StockReleased: 1 });
const order = streamType<OrderEvent>('order', { OrderPlaced: 1, OrderCancelled: 1 });

const evolveStock = (state: Stock, event: StockEvent): Stock => {
  if (event.type === 'StockReserved') return { free: state.free - event.data.units, held: { ...state.held, [event.data.order]: event.data.units } };
  const { [event.data.order]: released = 0, ...held } = state.held;
  return { free: state.free + released, held };
};
const stocked = () => ({ free: 10, held: {} });
const reserveStock = (orderId: string, units: number) => (stock: Stock): StockEvent[] => {
  if (stock.held[orderId] !== undefined) return [];
  if (units > stock.free) throw new DomainRuleViolation('out-of-stock', `${stock.free} left`);
  return [{ type: 'StockReserved', data: { order: orderId, units } }];
};
const releaseStock = (orderId: string) => (stock: Stock): StockEvent[] => (stock.held[orderId] ? [{ type: 'StockReleased', data: { order: orderId } }] : []);

const placeOrder: Decider<{ units: number }, Order, OrderEvent> = {
  initialState: () => ({ placed: null, cancelled: false }),
  evolve: (state, event) => (event.type === 'OrderPlaced' ? { ...state, placed: event.data.units } : { ...state, cancelled: true }),
  decide: (command, state) => {
    if (state.cancelled) throw new DomainRuleViolation('invalid-transition', 'cancelled');
    return state.placed === command.units ? [] : [{ type: 'OrderPlaced', data: { units: command.units } }];
  },
};

function setUp() {
  const store = new InMemoryEventStore();
  const stock = new ReservedStreams<Stock, StockEvent>(store, { stream: warehouse, evolve: evolveStock, initialState: stocked });
  const place = (orderId: string, units: number, extra: Partial<HandleCommandOptions<OrderEvent, Order, { units: number }>> = {}) =>
    handleCommand(store, order.streamId(orderId), placeOrder, { units }, {
      stream: order,
      metadata,
      reserving: {
        operationId: `place-${orderId}`,
        reservations: () => [stock.reserve('w1', { decide: reserveStock(orderId, units), giveBack: releaseStock(orderId), whenUndone: () => new Error('expired') })],
      },
      ...extra,
    });
  const types = async (streamId: string) => (await store.readStream(streamId)).map((event) => event.type);
  return { store, stock, place, types };
}

describe('handleCommand with reservations', () => {
  it('reserves on the other stream, then appends its own events; the position covers both', async () => {
    const { store, place, types } = setUp();
    const result = await place('o1', 4);
    expect([await types('warehouse-w1'), await types('order-o1')]).toEqual([['StockReserved'], ['OrderPlaced']]);
    expect(result.position).toBe(await store.headPosition());
  });

  it('a refusal on either side writes nothing; a stale If-Match is refused before any reservation', async () => {
    const { store, place } = setUp();
    await expect(place('o1', 11)).rejects.toMatchObject({ code: 'out-of-stock' });
    await place('o2', 2);
    const stale = place('o2', 3, { expectedRevision: 5 });
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream('warehouse-w1')).map((event) => event.data)).toEqual([{ order: 'o2', units: 2 }]);
  });

  it('a retry of the same operation finds its reservation and appends nothing twice (a crash between the appends)', async () => {
    const { stock, place, types } = setUp();
    await stock.decide('w1', reserveStock('o1', 4), 'place-o1', metadata);
    await place('o1', 4);
    await place('o1', 4);
    expect([await types('warehouse-w1'), await types('order-o1')]).toEqual([['StockReserved'], ['OrderPlaced']]);
  });

  it('gives the reservation back once when its own stream then refuses (a concurrent write)', async () => {
    const { store, stock, place, types } = setUp();
    // The order is cancelled by another request between the reservation and the order's append.
    const original = store.appendToStream.bind(store);
    let raced = false;
    store.appendToStream = async (streamId, events, options) => {
      if (streamId === 'order-o1' && !raced) {
        raced = true;
        await original('order-o1', [{ type: 'OrderCancelled', data: {}, metadata }]);
      }
      return original(streamId, events, options);
    };
    await expect(place('o1', 4)).rejects.toMatchObject({ code: 'invalid-transition' });
    expect(await types('warehouse-w1')).toEqual(['StockReserved', 'StockReleased']);
    expect((await stock.current('w1')).state.free).toBe(10);
  });

  it('a later reservation that refuses gives the earlier ones back, and the command writes nothing', async () => {
    const { store, stock, types } = setUp();
    await stock.decide('w2', reserveStock('other', 9), 'other', metadata);
    const both = handleCommand(store, 'order-o1', placeOrder, { units: 4 }, {
      stream: order,
      metadata,
      reserving: {
        operationId: 'place-o1',
        reservations: () => ['w1', 'w2'].map((id) => stock.reserve(id, { decide: reserveStock('o1', 4), giveBack: releaseStock('o1') })),
      },
    });
    await expect(both).rejects.toMatchObject({ code: 'out-of-stock' });
    expect([await types('warehouse-w1'), await types('order-o1')]).toEqual([['StockReserved', 'StockReleased'], []]);
  });

  it('answers the reservation’s own error when its event ids were used by an undone reservation', async () => {
    const { store, stock, place } = setUp();
    await stock.decide('w1', reserveStock('o1', 4), 'place-o1', metadata);
    await stock.decide('w1', releaseStock('o1'), 'reconciliation', metadata);
    await expect(place('o1', 4)).rejects.toThrow('expired');
    expect(await store.readStream('order-o1')).toEqual([]);
    await expect(stock.decide('w1', reserveStock('o1', 4), 'place-o1', metadata)).rejects.toBeInstanceOf(EventIdConflictError);
  });

  it('keeps each reserved stream’s state and reads only what another process appended since', async () => {
    const { store, stock, place } = setUp();
    const otherProcess = new ReservedStreams<Stock, StockEvent>(store, { stream: warehouse, evolve: evolveStock, initialState: stocked });
    await place('o1', 4);
    await otherProcess.decide('w1', reserveStock('o2', 5), 'place-o2', metadata);
    const reads: Array<number | undefined> = [];
    const read = store.readStream.bind(store);
    store.readStream = (streamId, options) => {
      if (streamId === 'warehouse-w1') reads.push(options?.fromRevision);
      return read(streamId, options);
    };
    await expect(place('o3', 2)).rejects.toMatchObject({ code: 'out-of-stock' });
    expect(reads).toEqual([1]);
    expect((await stock.current('w1')).state.free).toBe(1);
  });
});

describe('handleCommand answering a command already written', () => {
  it('answers the stream as it stands when its first event id is there, instead of deciding again', async () => {
    const store = new InMemoryEventStore();
    const cancel: Decider<object, Order, OrderEvent> = {
      ...placeOrder,
      decide: (_, state) => {
        if (state.cancelled) throw new DomainRuleViolation('invalid-transition', 'cancelled');
        return [{ type: 'OrderCancelled', data: {} }];
      },
    };
    const options = { stream: order, metadata, eventId: () => '00000000-0000-4000-8000-000000000001', answerWhenWritten: true };
    const first = await handleCommand(store, 'order-o1', cancel, {}, options);
    const again = await handleCommand(store, 'order-o1', cancel, {}, options);
    expect([again.revision, again.position, again.newEvents, again.state.cancelled]).toEqual([first.revision, first.position, [], true]);
    await expect(handleCommand(store, 'order-o1', cancel, {}, { ...options, answerWhenWritten: false })).rejects.toMatchObject({ code: 'invalid-transition' });
  });

  it('completes a command from the state before deciding it', async () => {
    const store = new InMemoryEventStore();
    await store.appendToStream('order-o1', [{ type: 'OrderPlaced', data: { units: 3 }, metadata }]);
    const result = await handleCommand(store, 'order-o1', placeOrder, { from: async (state: Order) => ({ units: (state.placed ?? 0) + 1 }) }, { stream: order, metadata });
    expect(result.state.placed).toBe(4);
  });
});
