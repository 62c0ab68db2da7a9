import {
  arrived, cancelled, codesAfter, departed, flagsAfter, licenceReinstated, licenceRevoked, licenceSuspended, registered,
  shipmentDeclared,
} from '../../testing/flag-events';

const inTransit = [registered(1000), shipmentDeclared(1000), departed()];

describe('LICENCE_SUSPENDED_IN_TRANSIT', () => {
  it('is raised, high, when the licence is suspended between the shipment’s declaration and its arrival', () => {
    const [flag] = flagsAfter([...inTransit, licenceSuspended]);
    expect(flag).toMatchObject({ code: 'LICENCE_SUSPENDED_IN_TRANSIT', severity: 'high' });
    expect(flag?.detail).toBe('The licence was suspended (under investigation) while the shipment was between declaration and arrival.');
  });

  it('is raised by a suspension right after the declaration, before departure', () => {
    expect(codesAfter([registered(1000), shipmentDeclared(1000), licenceSuspended])).toEqual(['LICENCE_SUSPENDED_IN_TRANSIT']);
  });

  it('is raised when the licence is revoked in transit', () => {
    expect(flagsAfter([...inTransit, licenceRevoked])[0]?.detail).toContain('revoked (false declaration)');
  });

  it('is not raised by a suspension before the shipment is declared', () => {
    expect(codesAfter([registered(1000), licenceSuspended, licenceReinstated, shipmentDeclared(1000)])).toEqual([]);
  });

  it('is not raised by a suspension after arrival', () => {
    expect(codesAfter([...inTransit, arrived(), licenceSuspended])).toEqual([]);
  });

  it('is not raised by a suspension after the consignment was cancelled', () => {
    expect(codesAfter([registered(1000), shipmentDeclared(1000), cancelled, licenceSuspended])).toEqual([]);
  });

  it('is cleared by a reinstatement before arrival', () => {
    expect(codesAfter([...inTransit, licenceSuspended, licenceReinstated])).toEqual([]);
  });

  it('stays after arrival: the goods travelled without a licence in force', () => {
    expect(codesAfter([...inTransit, licenceSuspended, arrived()])).toEqual(['LICENCE_SUSPENDED_IN_TRANSIT']);
  });

  it('is not cleared by a reinstatement once revoked', () => {
    const flags = flagsAfter([...inTransit, licenceSuspended, licenceRevoked, licenceReinstated]);
    expect(flags.map((flag) => flag.code)).toEqual(['LICENCE_SUSPENDED_IN_TRANSIT']);
    expect(flags[0]?.detail).toContain('The licence was revoked (false declaration) while');
  });
});
