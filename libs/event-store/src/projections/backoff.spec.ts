import { backoffDelay, jitteredDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the first delay up to the cap, so a poison event is retried ever more slowly', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 100, 1_000));
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('stays at the cap after very many attempts', () => {
    expect(backoffDelay(10_000, 100, 30_000)).toBe(30_000);
  });
});

describe('jitteredDelay', () => {
  it('draws evenly from 0 up to the back-off ceiling ("full jitter")', () => {
    expect(jitteredDelay(400, () => 0)).toBe(0);
    expect(jitteredDelay(400, () => 0.5)).toBe(200);
    expect(jitteredDelay(400, () => 0.999_999)).toBe(399);
  });

  it('stays within the ceiling whatever the random source answers', () => {
    expect(jitteredDelay(400, () => 7)).toBe(400);
    expect(jitteredDelay(400, () => -1)).toBe(0);
  });

  it('spreads writers that collided together over the whole interval, so that they do not collide again in lock-step', () => {
    const delays = Array.from({ length: 1_000 }, () => jitteredDelay(backoffDelay(4, 5, 500)));
    expect(Math.max(...delays)).toBeLessThan(40);
    expect(new Set(delays).size).toBeGreaterThan(20);
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
