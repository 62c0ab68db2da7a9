import { arrived, codesAfter, departed, endUseChecked, flagsAfter, registered, shipmentDeclared } from '../../testing/flag-events';

const arrivedOn = [registered(1000), shipmentDeclared(1000), departed(), arrived()];

describe('END_USE_VIOLATION', () => {
  it('is raised, critical, when the check finds the material diverted', () => {
    const [flag] = flagsAfter([...arrivedOn, endUseChecked('diverted', '2025-06-01')]);
    expect(flag).toMatchObject({ code: 'END_USE_VIOLATION', severity: 'critical' });
    expect(flag?.detail).toBe('The end-use check of 2025-06-01 found the end use diverted: site visit');
  });

  it('is raised when the check could not verify the end use', () => {
    expect(codesAfter([...arrivedOn, endUseChecked('not-verified')])).toEqual(['END_USE_VIOLATION']);
  });

  it('is not raised by a verified check', () => {
    expect(codesAfter([...arrivedOn, endUseChecked('verified')])).toEqual([]);
  });

  it('is cleared by a later check that verifies the end use', () => {
    const failed = [...arrivedOn, endUseChecked('not-verified', '2025-06-01')];
    expect(codesAfter(failed)).toEqual(['END_USE_VIOLATION']);
    expect(codesAfter([...failed, endUseChecked('verified', '2025-07-01')])).toEqual([]);
  });

  it('is raised again when a later check fails after a verified one', () => {
    expect(codesAfter([...arrivedOn, endUseChecked('verified', '2025-06-01'), endUseChecked('diverted', '2025-09-01')])).toEqual(['END_USE_VIOLATION']);
  });
});
