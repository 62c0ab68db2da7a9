import fc from 'fast-check';
import { isKilograms } from './kilograms';

const MAX_GRAMS = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

describe('isKilograms', () => {
  it('accepts every JSON number written with at most three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_GRAMS }), fc.integer({ min: 0, max: 3 }), (grams, decimals) => {
        const text = `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0').slice(0, decimals)}`.replace(/\.$/, '');
        expect(isKilograms(JSON.parse(text))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
    for (const text of ['0', '0.001', '1.005', '0.1', '1e3', '999999999.999', '2.675']) expect(isKilograms(JSON.parse(text))).toBe(true);
  });

  it('refuses a number that is not exactly one of three decimals', () => {
    for (const value of [1.0000000000000002, 0.1 + 0.2, 0.0005, 1.0001, 1e-7, 5e-324, 2.6750000000000003]) expect(isKilograms(value)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (grams) => {
        const kg = grams / 1000;
        const next = kg + Number.EPSILON * Math.max(1, kg);
        expect(next === kg || !isKilograms(next)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses what is no quantity at all', () => {
    for (const value of [-1, -0.001, Number.NaN, Infinity, 1e21, '1', null, undefined]) expect(isKilograms(value)).toBe(false);
  });
});
