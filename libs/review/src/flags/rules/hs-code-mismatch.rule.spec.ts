import { classified, codesAfter, flagsAfter, registered, shipmentDeclared } from '../../testing/flag-events';

describe('HS_CODE_MISMATCH', () => {
  it('is raised, high, when the latest classification is controlled and the HS code is none of its entries', () => {
    const [flag] = flagsAfter([registered(1000), classified(true, false)]);
    expect(flag).toMatchObject({ code: 'HS_CODE_MISMATCH', severity: 'high', key: 'HS_CODE_MISMATCH' });
    expect(flag?.detail).toBe(
      "The item is controlled under 1C905 by the control list of 2025-04-10 (registration), but HS 2846.90 is none of the entry's reference HS codes.",
    );
  });

  it('is not raised for a controlled item under a matching HS code, nor for an item the list does not name', () => {
    expect(codesAfter([registered(1000), classified(true, true)])).toEqual([]);
    expect(codesAfter([registered(1000), classified(false, true)])).toEqual([]);
  });

  it('is not raised for a consignment with no classification (recorded before the control list)', () => {
    expect(codesAfter([registered(1000), shipmentDeclared(1000)])).toEqual([]);
  });

  it('follows the latest classification: raised at the declaration, cleared when it matches again', () => {
    const atRegistration = [registered(1000), classified(false, true)];
    const declared = [...atRegistration, classified(true, false, 'shipment-declaration', '2025-05-01'), shipmentDeclared(1000)];
    expect(codesAfter(atRegistration)).toEqual([]);
    expect(codesAfter(declared)).toEqual(['HS_CODE_MISMATCH']);
    expect(codesAfter([...declared, classified(true, true, 'shipment-declaration', '2025-05-02')])).toEqual([]);
  });
});
