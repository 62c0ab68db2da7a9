import { Admission, PoolOverloadedError } from './admission';

/** Lets every settled promise run its continuations. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Admission', () => {
  const opened: Admission[] = [];
  /** An admission closed after the test, so that no waiter's timer outlives it. */
  const admissionOf = (...args: ConstructorParameters<typeof Admission>): Admission => {
    const admission = new Admission(...args);
    const enter = admission.enter.bind(admission);
    // Every request is marked handled: a waiter left at the end of a test is refused by close().
    admission.enter = () => {
      const entered = enter();
      entered.catch(() => undefined);
      return entered;
    };
    opened.push(admission);
    return admission;
  };
  afterEach(() => {
    for (const admission of opened.splice(0)) admission.close(new Error('test over'));
    jest.useRealTimers();
  });

  it('admits up to its permits at once and queues the rest in arrival order', async () => {
    const admission = admissionOf('test', { permits: 2, queueLimit: 10, acquireTimeoutMs: 60_000 });
    const first = await admission.enter();
    await admission.enter();
    const admitted: number[] = [];
    void admission.enter().then(() => admitted.push(3), () => undefined);
    void admission.enter().then(() => admitted.push(4), () => undefined);
    await settle();
    expect([admission.activeCount, admission.waitingCount, admitted]).toEqual([2, 2, []]);

    first();
    await settle();
    expect([admission.activeCount, admission.waitingCount, admitted]).toEqual([2, 1, [3]]);
  });

  it('gives a permit back once, however often its holder leaves', async () => {
    const admission = admissionOf('test', { permits: 1, queueLimit: 10, acquireTimeoutMs: 60_000 });
    const leave = await admission.enter();
    leave();
    leave();
    expect(admission.activeCount).toBe(0);
    await admission.enter();
    expect(admission.activeCount).toBe(1);
  });

  it('refuses at once, as queue-full, the request after the queue limit, and takes the next once a place is free', async () => {
    const admission = admissionOf('ree-api-events', { permits: 1, queueLimit: 2, acquireTimeoutMs: 60_000 });
    const leave = await admission.enter();
    const waiting = [admission.enter(), admission.enter()];
    const refused = admission.enter();
    await expect(refused).rejects.toBeInstanceOf(PoolOverloadedError);
    await expect(refused).rejects.toMatchObject({ pool: 'ree-api-events', reason: 'queue-full' });

    leave();
    await waiting[0];
    const queued = admission.enter();
    expect(admission.waitingCount).toBe(2);
    (await waiting[0])();
    (await waiting[1])();
    await expect(queued).resolves.toBeInstanceOf(Function);
  });

  it('refuses a waiter as acquire-timeout when no permit came within the acquire timeout, and drops it from the queue', async () => {
    jest.useFakeTimers();
    const admission = admissionOf('test', { permits: 1, queueLimit: 10, acquireTimeoutMs: 1_000 });
    await admission.enter();
    const waiter = admission.enter();
    jest.advanceTimersByTime(1_000);
    await expect(waiter).rejects.toMatchObject({ name: 'PoolOverloadedError', reason: 'acquire-timeout' });
    expect(admission.waitingCount).toBe(0);
  });

  it('admits without a queue when the queue limit is 0, and refuses every request beyond the permits', async () => {
    const admission = admissionOf('test', { permits: 1, queueLimit: 0, acquireTimeoutMs: 1_000 });
    await admission.enter();
    await expect(admission.enter()).rejects.toMatchObject({ reason: 'queue-full' });
  });

  it('refuses every waiter and later request once closed', async () => {
    const admission = admissionOf('test', { permits: 1, queueLimit: 10, acquireTimeoutMs: 60_000 });
    await admission.enter();
    const waiter = admission.enter();
    admission.close(new Error('pool ended'));
    await expect(waiter).rejects.toThrow('pool ended');
    await expect(admission.enter()).rejects.toThrow('pool ended');
  });
});
