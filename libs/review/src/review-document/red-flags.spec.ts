import type { ReviewDocument } from './review-document';
import { reviewDocument } from './review-document.fold';
import {
  CONSIGNMENT_ID, CUSTOMS, endUseFiled, History, issuedLicence, LICENCE, LICENCE_ID, OFFICER, registered, shipmentDeclared, source, step,
} from '../testing/review-history';

const flagsOf = (document: ReviewDocument, code: string) => document.flags.filter((flag) => flag.code === code);
const at = (history: History, index: number): string => history.events[index].recordedAt;

/** Licence issued (events 0-2), registered 1 t, sourced 1 t, allocated, attached, end use filed, shipment of 1 t declared (event 8). */
const declared = () =>
  issuedLicence(new History(), 10_000)
    .consignment('ConsignmentRegistered', registered(1000))
    .consignment('MiningSourceDeclared', source('d-1', 1000))
    .record(LICENCE, 'LicenceQuantityAllocated', { consignmentId: CONSIGNMENT_ID, itemIndex: 0, hsCode: '2846.90', kg: 1000 })
    .consignment('LicenceAttached', { licenceId: LICENCE_ID, allocatedKg: 1000 })
    .consignment('EndUseDeclarationFiled', endUseFiled())
    .consignment('ShipmentDeclared', shipmentDeclared(1000), CUSTOMS);

const inspection = (measuredNetKg: number) => ({ inspectedOn: '2025-03-03', measuredNetKg, sealNos: ['S1'], result: 'conforming', notes: '' });
const departure = { departedAt: '2025-03-05T10:00:00Z', vesselOrFlight: 'COSCO Shipping Aries' };
const arrival = { arrivedAt: '2025-04-10T08:00:00Z', portOfArrival: 'Hamburg', confirmedBy: 'Magnetwerk GmbH' };
const check = (outcome: string, checkedOn = '2025-06-01') => ({ checkedOn, outcome, notes: outcome === 'verified' ? 'on site' : 'resold' });

describe('review document: the red flags that follow from the events', () => {
  it('raises SOURCE_SHORTFALL at the declaration that falls short, restates it while open, and clears it at the correction', () => {
    const history = new History().consignment('ConsignmentRegistered', registered(1000));
    expect(reviewDocument(history.events).flags).toEqual([]);

    history.consignment('MiningSourceDeclared', source('d-1', 600)).consignment('MiningSourceDeclared', source('d-2', 300));
    const short = reviewDocument(history.events);
    expect(short.flags).toEqual([{
      code: 'SOURCE_SHORTFALL', severity: 'high', raisedAt: at(history, 1), key: 'SOURCE_SHORTFALL', clearedAt: null,
      detail: expect.stringContaining('exceeds the declared mining sources, 900 kg') as string,
    }]);
    expect(short.stages.mining.status).toBe('flagged');

    history.consignment('MiningSourceCorrected', source('d-3', 700, { correctsId: 'd-1', reason: 'weighbridge error' }));
    const balanced = reviewDocument(history.events);
    expect(balanced.flags).toEqual([{ ...short.flags[0], clearedAt: history.last.recordedAt }]);
    expect(balanced.stages.mining.status).toBe('done');
  });

  it('raises LOW_YIELD once per step below its floor, and clears each at the correction that replaces its step', () => {
    const history = new History()
      .consignment('ConsignmentRegistered', registered(700))
      .consignment('MiningSourceDeclared', source('d-1', 1000))
      .consignment('ProcessingStepRecorded', step('s-1', 'separation', 1000, 850))
      .consignment('ProcessingStepRecorded', step('s-2', 'smelting', 850, 700));
    const low = reviewDocument(history.events);
    expect(flagsOf(low, 'LOW_YIELD').map(({ key, severity, raisedAt, clearedAt }) => ({ key, severity, raisedAt, clearedAt }))).toEqual([
      { key: 'LOW_YIELD:s-1', severity: 'medium', raisedAt: at(history, 2), clearedAt: null },
      { key: 'LOW_YIELD:s-2', severity: 'medium', raisedAt: at(history, 3), clearedAt: null },
    ]);
    expect(flagsOf(low, 'LOW_YIELD')[0].detail).toContain('yielded 85.00 % of its REO input, below the separation floor of 90.00 %');

    history.consignment('ProcessingStepCorrected', step('s-1b', 'separation', 1000, 950, { correctsId: 's-1', reason: 'assay corrected' }));
    const oneCorrected = reviewDocument(history.events);
    expect(flagsOf(oneCorrected, 'LOW_YIELD').map((flag) => [flag.key, flag.clearedAt])).toEqual([
      ['LOW_YIELD:s-1', history.last.recordedAt],
      ['LOW_YIELD:s-2', null],
    ]);
    expect(oneCorrected.stages.processing.status).toBe('flagged');

    history.consignment('ProcessingStepCorrected', step('s-2b', 'smelting', 950, 900, { correctsId: 's-2', reason: 'assay corrected' }));
    expect(reviewDocument(history.events).stages.processing.status).toBe('done');
  });

  it('raises WEIGHT_DISCREPANCY at an inspection more than 1 % off, clears it at a re-inspection within 1 %, and opens a new entry if it recurs', () => {
    const history = declared().consignment('ShipmentInspected', inspection(1020), CUSTOMS);
    const off = reviewDocument(history.events);
    expect(off.flags).toEqual([expect.objectContaining({ code: 'WEIGHT_DISCREPANCY', severity: 'high', raisedAt: history.last.recordedAt, clearedAt: null })]);
    expect(off.stages.shipment.status).toBe('flagged');

    history.consignment('ShipmentInspected', inspection(1005), CUSTOMS);
    const within = reviewDocument(history.events);
    expect(within.flags[0].clearedAt).toBe(history.last.recordedAt);
    expect(within.stages.shipment.status).toBe('pending');

    history.consignment('ShipmentInspected', inspection(970), CUSTOMS);
    const again = reviewDocument(history.events);
    expect(again.flags.map((flag) => [flag.key, flag.raisedAt, flag.clearedAt])).toEqual([
      ['WEIGHT_DISCREPANCY', at(history, 9), at(history, 10)],
      ['WEIGHT_DISCREPANCY', history.last.recordedAt, null],
    ]);
  });

  it('raises LICENCE_SUSPENDED_IN_TRANSIT at the suspension and keeps it open after the arrival', () => {
    const history = declared()
      .consignment('ShipmentDeparted', departure, CUSTOMS)
      .record(LICENCE, 'LicenceSuspended', { reason: 'under investigation', suspendedBy: 'officer-1' }, OFFICER);
    const suspendedAt = history.last.recordedAt;
    history.consignment('ShipmentArrived', arrival, CUSTOMS);
    const document = reviewDocument(history.events);

    expect(document.flags).toEqual([expect.objectContaining({
      code: 'LICENCE_SUSPENDED_IN_TRANSIT', severity: 'high', raisedAt: suspendedAt, clearedAt: null,
      detail: expect.stringContaining('suspended (under investigation)') as string,
    })]);
    expect(document.stages.licence.status).toBe('flagged');
  });

  it('clears LICENCE_SUSPENDED_IN_TRANSIT at a reinstatement before the arrival', () => {
    const history = declared()
      .record(LICENCE, 'LicenceSuspended', { reason: 'under investigation', suspendedBy: 'officer-1' }, OFFICER)
      .record(LICENCE, 'LicenceReinstated', { reason: 'investigation closed' }, OFFICER)
      .consignment('ShipmentArrived', arrival, CUSTOMS);
    const document = reviewDocument(history.events);

    expect(document.flags.map((flag) => [flag.code, flag.raisedAt, flag.clearedAt])).toEqual([
      ['LICENCE_SUSPENDED_IN_TRANSIT', at(history, 9), at(history, 10)],
    ]);
    expect(document.stages.licence.status).toBe('done');
  });

  it('reads only the attached licence, and nothing it does once the goods arrived', () => {
    const other = declared()
      .record('licence-other', 'LicenceSuspended', { reason: 'elsewhere', suspendedBy: 'officer-1' }, OFFICER)
      .consignment('ShipmentDeparted', departure, CUSTOMS);
    expect(reviewDocument(other.events).flags).toEqual([]);

    const afterArrival = declared()
      .consignment('ShipmentArrived', arrival, CUSTOMS)
      .record(LICENCE, 'LicenceRevoked', { reason: 'false declaration' }, OFFICER);
    expect(reviewDocument(afterArrival.events).flags).toEqual([]);
  });

  it('raises END_USE_VIOLATION at a failed check and clears it at a later verified one, keeping the failed check', () => {
    const history = declared().consignment('ShipmentArrived', arrival, CUSTOMS).consignment('EndUseCheckRecorded', check('diverted'), OFFICER);
    const violated = reviewDocument(history.events);
    expect(violated.flags).toEqual([expect.objectContaining({ code: 'END_USE_VIOLATION', severity: 'critical', raisedAt: history.last.recordedAt, clearedAt: null })]);
    expect(violated.stages.verification.status).toBe('flagged');

    history.consignment('EndUseCheckRecorded', check('verified', '2025-07-01'), OFFICER);
    const verified = reviewDocument(history.events);
    expect(verified.flags).toEqual([{ ...violated.flags[0], clearedAt: history.last.recordedAt }]);
    expect(verified.stages.verification.status).toBe('done');
    expect(verified.checks.map((entry) => entry.outcome)).toEqual(['diverted', 'verified']);
  });
});
