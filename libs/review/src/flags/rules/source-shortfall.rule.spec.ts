import { codesAfter, flagsAfter, registered, source, step } from '../../testing/flag-events';

describe('SOURCE_SHORTFALL', () => {
  it('is not raised on a consignment with nothing declared yet', () => {
    expect(codesAfter([registered(1000)])).toEqual([]);
  });

  it('is raised, high, when the consignment exceeds its mining sources by more than 0.5 % and no step was recorded', () => {
    const [flag] = flagsAfter([registered(1000), source('d-1', 994.999)]);
    expect(flag).toMatchObject({ code: 'SOURCE_SHORTFALL', severity: 'high' });
    expect(flag?.detail).toContain('1000 kg exceeds the declared mining sources, 994.999 kg');
  });

  it('is not raised at exactly 0.5 % over the sources', () => {
    expect(codesAfter([registered(1005), source('d-1', 600), source('d-2', 400)])).toEqual([]);
  });

  it('is raised one gram over the 0.5 % tolerance of the last step’s output', () => {
    const events = [registered(1005.001), source('d-1', 1200), step('s-1', 'separation', 1100, 1050), step('s-2', 'conversion', 1050, 1000)];
    expect(codesAfter(events)).toEqual(['SOURCE_SHORTFALL']);
    expect(flagsAfter(events)[0]?.detail).toContain("last processing step's output (s-2), 1000 kg");
  });

  it('is not raised when the consignment stays within the last step’s output', () => {
    expect(codesAfter([registered(1005), source('d-1', 1200), step('s-1', 'separation', 1100, 1050), step('s-2', 'conversion', 1050, 1000)])).toEqual([]);
  });

  it('is raised when the first step takes in more than 0.5 % above the sources', () => {
    const [flag] = flagsAfter([registered(900), source('d-1', 1000), step('s-1', 'separation', 1005.001, 950)]);
    expect(flag?.code).toBe('SOURCE_SHORTFALL');
    expect(flag?.detail).toContain("first processing step's input 1005.001 kg (s-1) exceeds the declared mining sources, 1000 kg");
  });

  it('is not raised when the first step takes in exactly 0.5 % above the sources', () => {
    expect(codesAfter([registered(900), source('d-1', 1000), step('s-1', 'separation', 1005, 950)])).toEqual([]);
  });

  it('is cleared by a mining-source correction that restores the balance', () => {
    const short = [registered(1000), source('d-1', 900)];
    expect(codesAfter(short)).toEqual(['SOURCE_SHORTFALL']);
    expect(codesAfter([...short, source('d-2', 1000, 'd-1')])).toEqual([]);
  });

  it('is cleared by a correction of the last step, which keeps its place in the chain', () => {
    const short = [registered(1000), source('d-1', 1200), step('s-1', 'separation', 1100, 900), step('s-2', 'conversion', 900, 890)];
    expect(codesAfter(short)).toContain('SOURCE_SHORTFALL');
    expect(codesAfter([...short, step('s-3', 'conversion', 1010, 1000, 's-2')])).not.toContain('SOURCE_SHORTFALL');
  });

  it('is cleared by a second source declared for a blend', () => {
    expect(codesAfter([registered(1000), source('d-1', 600), source('d-2', 400)])).toEqual([]);
  });
});
