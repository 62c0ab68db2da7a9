import { flagPolicy } from '../flag-policy';
import { codesAfter, flagsAfter, registered, source, step } from '../../testing/flag-events';

const sourced = [registered(100), source('d-1', 1000)];

describe('LOW_YIELD', () => {
  it('is raised, medium, when a separation step yields below its 0.90 floor', () => {
    const [flag] = flagsAfter([...sourced, step('s-1', 'separation', 1000, 899.999)]);
    expect(flag).toMatchObject({ code: 'LOW_YIELD', severity: 'medium', key: 'LOW_YIELD:s-1' });
    expect(flag?.detail).toBe(
      'Processing step s-1 (separation at Baotou Separation Works) yielded 90.00 % of its REO input, below the separation floor of 90.00 %.',
    );
  });

  it('is not raised at exactly the floor', () => {
    expect(codesAfter([...sourced, step('s-1', 'separation', 1000, 900)])).toEqual([]);
  });

  it.each([
    ['beneficiation', 600],
    ['smelting', 920],
    ['conversion', 920],
    ['alloying', 950],
    ['magnet-manufacture', 700],
    ['other', 500],
  ] as const)('uses the default floor of %s: raised a gram under it, not at it', (process, floorKg) => {
    expect(codesAfter([...sourced, step('s-1', process, 1000, floorKg - 0.001)])).toEqual(['LOW_YIELD']);
    expect(codesAfter([...sourced, step('s-1', process, 1000, floorKg)])).toEqual([]);
  });

  it('is raised once per low step', () => {
    const flags = flagsAfter([registered(100), source('d-1', 1000), step('s-1', 'beneficiation', 1000, 550), step('s-2', 'separation', 550, 480)]);
    expect(flags.map((flag) => flag.key)).toEqual(['LOW_YIELD:s-1', 'LOW_YIELD:s-2']);
  });

  it('follows a configured floor', () => {
    const strict = flagPolicy({ yieldFloors: { separation: 0.95 } });
    expect(codesAfter([...sourced, step('s-1', 'separation', 1000, 940)], undefined, strict)).toEqual(['LOW_YIELD']);
    expect(codesAfter([...sourced, step('s-1', 'smelting', 1000, 920)], undefined, strict)).toEqual([]);
  });

  it('is cleared by a correction that replaces the step with a plausible yield', () => {
    const low = [...sourced, step('s-1', 'separation', 1000, 700)];
    expect(codesAfter(low)).toEqual(['LOW_YIELD']);
    expect(codesAfter([...low, step('s-2', 'separation', 1000, 950, 's-1')])).toEqual([]);
  });
});
