import { reviewDocument } from './review-document.fold';
import {
  CUSTOMS, endUseFiled, History, OFFICER, registered, shipmentDeclared, source, SYSTEM,
} from '../testing/review-history';

/** Registered, sourced, end use declared, shipment declared. */
const declared = () =>
  new History()
    .consignment('ConsignmentRegistered', registered(1000))
    .consignment('MiningSourceDeclared', source('d-1', 1000))
    .consignment('EndUseDeclarationFiled', endUseFiled())
    .consignment('ShipmentDeclared', shipmentDeclared(1000), CUSTOMS);

const travelled = () =>
  declared()
    .consignment('ShipmentInspected', { inspectedOn: '2025-03-03', measuredNetKg: 999.5, sealNos: ['S1'], result: 'conforming', notes: '' }, CUSTOMS)
    .consignment('ShipmentReleased', { releasedOn: '2025-03-04' }, CUSTOMS)
    .consignment('ShipmentDeparted', { departedAt: '2025-03-05T10:00:00Z', vesselOrFlight: 'COSCO Shipping Aries' }, CUSTOMS)
    .consignment('ShipmentArrived', { arrivedAt: '2025-04-10T08:00:00Z', portOfArrival: 'Hamburg', confirmedBy: 'Magnetwerk GmbH' }, CUSTOMS);

describe('review document: end use, shipment, checks, flags and the end of the process', () => {
  it('shows the end-use declaration with when it was filed', () => {
    const history = declared();
    const document = reviewDocument(history.events);
    expect(document.endUse).toMatchObject({ declarationId: 'eud-1', endUseCategory: 'energy', endUser: { name: 'Magnetwerk GmbH' }, filedAt: history.events[2].recordedAt });
    expect(document.stages.endUse.status).toBe('done');
  });

  it('follows the shipment from its declaration to its arrival, pending until it arrives', () => {
    expect(reviewDocument(declared().events)).toMatchObject({ status: 'shipment-declared', stages: { shipment: { status: 'pending', by: CUSTOMS } } });

    const history = travelled();
    const document = reviewDocument(history.events);
    expect(document.status).toBe('arrived');
    expect(document.shipment).toMatchObject({
      customsDeclarationNo: 'CN-2025-0001',
      declaredNetKg: 1000,
      inspection: { measuredNetKg: 999.5, result: 'conforming' },
      held: false,
      releasedOn: '2025-03-04',
      departedAt: '2025-03-05T10:00:00Z',
      vesselOrFlight: 'COSCO Shipping Aries',
      arrivedAt: '2025-04-10T08:00:00Z',
      portOfArrival: 'Hamburg',
    });
    expect(document.stages.shipment).toEqual({ status: 'done', at: history.last.recordedAt, by: CUSTOMS });
  });

  it('blocks the shipment stage while customs hold it', () => {
    const held = declared().consignment('ShipmentHeld', { reason: 'papers incomplete' }, CUSTOMS);
    expect(reviewDocument(held.events).shipment).toMatchObject({ held: true, holdReason: 'papers incomplete' });
    expect(reviewDocument(held.events).stages.shipment.status).toBe('blocked');

    const lifted = held.consignment('ShipmentHoldLifted', { reason: 'papers complete' }, CUSTOMS);
    expect(reviewDocument(lifted.events).shipment).toMatchObject({ held: false, holdReason: null });
    expect(reviewDocument(lifted.events).stages.shipment.status).toBe('pending');
  });

  it('lists every end-use check; a verified one completes the verification and the close keeps it done', () => {
    const history = travelled()
      .consignment('EndUseCheckRecorded', { checkedOn: '2025-06-01', outcome: 'verified', notes: 'on site' }, OFFICER)
      .consignment('ConsignmentClosed', {}, OFFICER);
    const document = reviewDocument(history.events);

    expect(document.status).toBe('closed');
    expect(document.checks).toEqual([{ checkedOn: '2025-06-01', outcome: 'verified', notes: 'on site', recordedAt: history.events[history.events.length - 2].recordedAt, by: OFFICER }]);
    expect(Object.values(document.stages).map((stage) => stage.status)).toEqual(['done', 'pending', 'pending', 'done', 'done', 'done']);
  });

  it('flags the verification when a check finds the material diverted', () => {
    const history = travelled().consignment('EndUseCheckRecorded', { checkedOn: '2025-06-01', outcome: 'diverted', notes: 'resold' }, OFFICER);
    expect(reviewDocument(history.events).stages.verification.status).toBe('flagged');
  });

  it('folds an appended red flag with the time it was raised, and flags the stage it points at', () => {
    const history = travelled().consignment('ConsignmentFlagged', { code: 'RESTRICTED_PARTY_MATCH', severity: 'critical', detail: 'end user listed' }, SYSTEM);
    const document = reviewDocument(history.events);

    expect(document.flags).toEqual([
      { code: 'RESTRICTED_PARTY_MATCH', severity: 'critical', raisedAt: history.last.recordedAt, detail: 'end user listed', key: 'RESTRICTED_PARTY_MATCH', clearedAt: null },
    ]);
    expect(document.stages.licence.status).toBe('flagged');
    expect(document.stages.mining.status).toBe('done');
  });

  it('blocks every stage not yet done when the consignment is cancelled', () => {
    const history = new History()
      .consignment('ConsignmentRegistered', registered(1000))
      .consignment('MiningSourceDeclared', source('d-1', 1000))
      .consignment('ConsignmentCancelled', { reason: 'order withdrawn' });
    const document = reviewDocument(history.events);

    expect(document.status).toBe('cancelled');
    expect(Object.values(document.stages).map((stage) => stage.status)).toEqual(['done', 'blocked', 'blocked', 'blocked', 'blocked', 'blocked']);
  });
});
