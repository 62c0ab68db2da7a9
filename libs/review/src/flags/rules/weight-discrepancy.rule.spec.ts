import { codesAfter, flagsAfter, inspected, registered, shipmentDeclared } from '../../testing/flag-events';

const declared = [registered(1000), shipmentDeclared(1000)];

describe('WEIGHT_DISCREPANCY', () => {
  it('is raised, high, when customs measures more than 1 % above the declaration', () => {
    const [flag] = flagsAfter([...declared, inspected(1010.001)]);
    expect(flag).toMatchObject({ code: 'WEIGHT_DISCREPANCY', severity: 'high' });
    expect(flag?.detail).toBe('Customs measured 1010.001 kg net against 1000 kg declared, a difference of 1.00 % (more than 1 %).');
  });

  it('is raised when customs measures more than 1 % below', () => {
    expect(codesAfter([...declared, inspected(989.999)])).toEqual(['WEIGHT_DISCREPANCY']);
  });

  it('is not raised at exactly 1 % either way', () => {
    expect(codesAfter([...declared, inspected(1010)])).toEqual([]);
    expect(codesAfter([...declared, inspected(990)])).toEqual([]);
  });

  it('is not raised before an inspection', () => {
    expect(codesAfter(declared)).toEqual([]);
  });

  it('is cleared by a re-inspection within 1 %', () => {
    const off = [...declared, inspected(1100)];
    expect(codesAfter(off)).toEqual(['WEIGHT_DISCREPANCY']);
    expect(codesAfter([...off, inspected(1000.5)])).toEqual([]);
  });
});
