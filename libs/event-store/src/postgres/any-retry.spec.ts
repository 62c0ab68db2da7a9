import { anyRetryDelay, DEFAULT_ANY_RETRY } from './any-retry';

describe("the back-off of an 'any' append that lost the race for its revision", () => {
  const ceiling = { ...DEFAULT_ANY_RETRY, random: () => 0.999_999 };

  it('doubles its ceiling from 5 ms with every lost race, up to 500 ms', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempt) => anyRetryDelay(ceiling, attempt));
    expect(ceilings).toEqual([4, 9, 19, 39, 79, 159, 319, 499, 499]);
  });

  it('draws each pause from 0 to that ceiling', () => {
    expect(anyRetryDelay({ ...DEFAULT_ANY_RETRY, random: () => 0 }, 6)).toBe(0);
    expect(anyRetryDelay({ ...DEFAULT_ANY_RETRY, random: () => 0.5 }, 6)).toBe(80);
  });

  it('gives up after a bounded number of tries (30 by default), which all fit in well under a minute', () => {
    const worst = Array.from({ length: DEFAULT_ANY_RETRY.maxAttempts - 1 }, (_, index) => anyRetryDelay(ceiling, index + 1));
    expect(worst.reduce((sum, delay) => sum + delay, 0)).toBeLessThan(15_000);
  });
});
