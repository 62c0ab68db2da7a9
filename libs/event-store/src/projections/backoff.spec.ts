import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the first delay up to the cap, so a poison event is retried ever more slowly', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 100, 1_000));
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('stays at the cap after very many attempts', () => {
    expect(backoffDelay(10_000, 100, 30_000)).toBe(30_000);
  });
});

describe('sleep', () => {
  it('ends at once when its signal aborts, so a stop never waits out a back-off', async () => {
    const controller = new AbortController();
    const sleeping = sleep(3_600_000, controller.signal);
    controller.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });
});
