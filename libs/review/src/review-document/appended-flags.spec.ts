import { flagPolicy } from '../flags';
import { initialReview } from './review';
import { reviewAsOf } from './review-as-of';
import { evolveReview, foldReview, reviewDocument } from './review-document.fold';
import {
  CONSIGNMENT_ID, CUSTOMS, endUseFiled, History, issuedLicence, LICENCE, LICENCE_ID, OFFICER, registered, shipmentDeclared, source, step, SYSTEM,
} from '../testing/review-history';

const flagged = (code: string, detail: string, severity = 'medium') => ({ code, severity, detail });
const departure = { departedAt: '2025-03-05T10:00:00Z', vesselOrFlight: 'COSCO Shipping Aries' };
const arrival = { arrivedAt: '2025-04-10T08:00:00Z', portOfArrival: 'Hamburg', confirmedBy: 'Magnetwerk GmbH' };
const check = (outcome: string) => ({ checkedOn: '2025-08-01', outcome, notes: 'site visit' });

/** Registered and sourced 1 t, shipment of 1 t declared and departed (events 0-3). */
const departed = () =>
  new History()
    .consignment('ConsignmentRegistered', registered(1000))
    .consignment('MiningSourceDeclared', source('d-1', 1000))
    .consignment('ShipmentDeclared', shipmentDeclared(1000), CUSTOMS)
    .consignment('ShipmentDeparted', departure, CUSTOMS);

describe('review document: the red flags that jobs append', () => {
  it('opens ARRIVAL_NOT_CONFIRMED at its event and clears it at the arrival', () => {
    const history = departed().consignment('ConsignmentFlagged', flagged('ARRIVAL_NOT_CONFIRMED', 'no arrival in 60 days'), SYSTEM);
    const overdue = reviewDocument(history.events);
    expect(overdue.flags).toEqual([{
      code: 'ARRIVAL_NOT_CONFIRMED', severity: 'medium', raisedAt: history.last.recordedAt, detail: 'no arrival in 60 days', key: 'ARRIVAL_NOT_CONFIRMED', clearedAt: null,
    }]);
    expect(overdue.stages.shipment.status).toBe('flagged');

    history.consignment('ShipmentArrived', arrival, CUSTOMS);
    const arrived = reviewDocument(history.events);
    expect(arrived.flags).toEqual([{ ...overdue.flags[0], clearedAt: history.last.recordedAt }]);
    expect(arrived.stages.shipment.status).toBe('done');
  });

  it('clears END_USE_CHECK_OVERDUE at the next end-use check, whatever its outcome', () => {
    const history = departed()
      .consignment('ShipmentArrived', arrival, CUSTOMS)
      .consignment('ConsignmentFlagged', flagged('END_USE_CHECK_OVERDUE', 'no check in 90 days'), SYSTEM)
      .consignment('EndUseCheckRecorded', check('not-verified'), OFFICER);
    const document = reviewDocument(history.events);

    expect(document.flags.map((flag) => [flag.code, flag.raisedAt, flag.clearedAt])).toEqual([
      ['END_USE_CHECK_OVERDUE', history.events[5].recordedAt, history.last.recordedAt],
      ['END_USE_VIOLATION', history.last.recordedAt, null],
    ]);
  });

  it('keeps RESTRICTED_PARTY_MATCH open through arrival, checks and close, and restates a code already open', () => {
    const history = departed()
      .consignment('ConsignmentFlagged', flagged('RESTRICTED_PARTY_MATCH', 'end user listed', 'critical'), SYSTEM)
      .consignment('ConsignmentFlagged', flagged('RESTRICTED_PARTY_MATCH', 'end user listed, and its parent', 'critical'), SYSTEM)
      .consignment('ShipmentArrived', arrival, CUSTOMS)
      .consignment('EndUseCheckRecorded', check('verified'), OFFICER)
      .consignment('ConsignmentClosed', {}, OFFICER);
    const document = reviewDocument(history.events);

    expect(document.flags).toEqual([{
      code: 'RESTRICTED_PARTY_MATCH', severity: 'critical', raisedAt: history.events[4].recordedAt, detail: 'end user listed, and its parent',
      key: 'RESTRICTED_PARTY_MATCH', clearedAt: null,
    }]);
    expect(document.stages.licence.status).toBe('flagged');
  });

  it('opens nothing for an appended code that the fold computes itself, and keeps the event in the timeline', () => {
    const history = departed().consignment('ConsignmentFlagged', flagged('WEIGHT_DISCREPANCY', 'measured 2 % less', 'high'), SYSTEM);
    const document = reviewDocument(history.events);

    expect(document.flags).toEqual([]);
    expect(document.timeline[document.timeline.length - 1].summary).toBe('Red flag WEIGHT_DISCREPANCY (high): measured 2 % less');
  });
});

describe('review document: the flag policy and the fold\'s state', () => {
  const lowSeparation = () =>
    new History()
      .consignment('ConsignmentRegistered', registered(850))
      .consignment('MiningSourceDeclared', source('d-1', 1000))
      .consignment('ProcessingStepRecorded', step('s-1', 'separation', 1000, 850));

  it('judges LOW_YIELD by the policy\'s floors, in every entry point', () => {
    const events = lowSeparation().events;
    const lenient = flagPolicy({ yieldFloors: { separation: 0.8 } });
    const strict = flagPolicy({ yieldFloors: { smelting: 0.99 } });

    expect(reviewDocument(events).flags.map((flag) => flag.key)).toEqual(['LOW_YIELD:s-1']);
    expect(reviewDocument(events, null, lenient).flags).toEqual([]);
    expect(foldReview(events, CONSIGNMENT_ID, strict).document.flags.map((flag) => flag.key)).toEqual(['LOW_YIELD:s-1']);
    expect(reviewAsOf(events, { policy: lenient }).flags).toEqual([]);
    expect(events.reduce((review, event) => evolveReview(review, event, lenient), initialReview()).document.flags).toEqual([]);
  });

  it('shows a flag open as of a time before it was cleared', () => {
    const history = departed()
      .consignment('ConsignmentFlagged', flagged('ARRIVAL_NOT_CONFIRMED', 'no arrival in 60 days'), SYSTEM)
      .consignment('ShipmentArrived', arrival, CUSTOMS);
    const events = history.events;

    expect(reviewAsOf(events, { asOf: events[4].recordedAt }).flags).toEqual([expect.objectContaining({ code: 'ARRIVAL_NOT_CONFIRMED', clearedAt: null })]);
    expect(reviewAsOf(events, { untilRevision: 4 }).stages.shipment.status).toBe('flagged');
    expect(reviewAsOf(events).flags).toEqual([expect.objectContaining({ code: 'ARRIVAL_NOT_CONFIRMED', clearedAt: events[5].recordedAt })]);
  });

  it('keeps the fold\'s state plain JSON: a stored and reloaded review folds on to the same document', () => {
    const history = issuedLicence(new History(), 10_000)
      .consignment('ConsignmentRegistered', registered(1000))
      .consignment('MiningSourceDeclared', source('d-1', 600))
      .record(LICENCE, 'LicenceQuantityAllocated', { consignmentId: CONSIGNMENT_ID, itemIndex: 0, hsCode: '2846.90', kg: 1000 })
      .consignment('LicenceAttached', { licenceId: LICENCE_ID, allocatedKg: 1000 })
      .consignment('EndUseDeclarationFiled', endUseFiled())
      .consignment('ShipmentDeclared', shipmentDeclared(1000), CUSTOMS)
      .record(LICENCE, 'LicenceSuspended', { reason: 'under investigation', suspendedBy: 'officer-1' }, OFFICER)
      .record(LICENCE, 'LicenceReinstated', { reason: 'investigation closed' }, OFFICER)
      .consignment('MiningSourceCorrected', source('d-2', 1000, { correctsId: 'd-1', reason: 'weighbridge error' }))
      .consignment('ShipmentDeparted', departure, CUSTOMS)
      .consignment('ConsignmentFlagged', flagged('ARRIVAL_NOT_CONFIRMED', 'no arrival in 60 days'), SYSTEM)
      .consignment('ShipmentArrived', arrival, CUSTOMS)
      .consignment('EndUseCheckRecorded', check('diverted'), OFFICER);
    const policy = flagPolicy({ yieldFloors: { separation: 0.95 } });

    for (const split of [4, 9, 11, 13]) {
      const stored = JSON.parse(JSON.stringify(foldReview(history.events.slice(0, split), CONSIGNMENT_ID, policy))) as ReturnType<typeof foldReview>;
      const resumed = history.events.slice(split).reduce((review, event) => evolveReview(review, event, policy), stored);
      expect(resumed.document).toEqual(reviewDocument(history.events, CONSIGNMENT_ID, policy));
    }
    expect(reviewDocument(history.events).flags.map((flag) => [flag.code, flag.clearedAt === null])).toEqual([
      ['SOURCE_SHORTFALL', false],
      ['LICENCE_SUSPENDED_IN_TRANSIT', false],
      ['ARRIVAL_NOT_CONFIRMED', false],
      ['END_USE_VIOLATION', true],
    ]);
  });
});
