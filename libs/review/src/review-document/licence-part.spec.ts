import { reviewDocument } from './review-document.fold';
import {
  CONSIGNMENT_ID, CUSTOMS, History, issuedLicence, LICENCE, LICENCE_ID, OFFICER, registered, shipmentDeclared, SYSTEM,
} from '../testing/review-history';

const allocated = (consignmentId: string, kg: number) => ({ consignmentId, itemIndex: 0, hsCode: '2846.90', kg });

/** A licence of 10 t, this consignment's 1 t allocated on it and attached. */
const attached = () =>
  issuedLicence(new History(), 10_000)
    .consignment('ConsignmentRegistered', registered(1000))
    .record(LICENCE, 'LicenceQuantityAllocated', allocated(CONSIGNMENT_ID, 1000))
    .consignment('LicenceAttached', { licenceId: LICENCE_ID, allocatedKg: 1000 });

describe('review document: the licence part', () => {
  it('shows the attached licence with this consignment\'s allocation and the licence\'s remaining quantity', () => {
    const history = attached();
    const document = reviewDocument(history.events);

    expect(document.status).toBe('licensed');
    expect(document.licence).toEqual({
      licenceId: LICENCE_ID, status: 'issued', validUntil: '2025-12-31', allocatedKg: 1000, shippedKg: 0, remainingKg: 9000,
      kind: null, customsOffice: null, endorsements: [], declarationsLeft: null,
    });
    expect(document.stages.licence).toMatchObject({ status: 'done', at: history.last.recordedAt });
  });

  it('counts another consignment\'s allocation in the remaining quantity without putting it in the timeline', () => {
    const history = attached().record(LICENCE, 'LicenceQuantityAllocated', allocated('another-consignment', 2500.25));
    const document = reviewDocument(history.events);

    expect(document.licence?.remainingKg).toBe(6499.75);
    expect(document.licence?.allocatedKg).toBe(1000);
    expect(document.timeline.filter((entry) => entry.type === 'LicenceQuantityAllocated')).toHaveLength(1);
  });

  it('shows what shipped and what the release gave back', () => {
    const history = attached()
      .record(LICENCE, 'LicenceQuantityShipped', { consignmentId: CONSIGNMENT_ID, kg: 980 })
      .record(LICENCE, 'LicenceAllocationReleased', { consignmentId: CONSIGNMENT_ID, kg: 20, reason: 'released-unshipped' });
    const document = reviewDocument(history.events);

    expect(document.licence).toMatchObject({ allocatedKg: 980, shippedKg: 980, remainingKg: 9020 });
    expect(document.timeline.slice(-2).map((entry) => entry.summary)).toEqual([
      '980 kg shipped under the licence',
      '20 kg given back to the licence (released-unshipped)',
    ]);
  });

  it('blocks the licence stage while the licence is suspended, and frees it on reinstatement', () => {
    const suspended = attached().record(LICENCE, 'LicenceSuspended', { reason: 'audit', suspendedBy: 'officer-1' }, OFFICER);
    const whileSuspended = reviewDocument(suspended.events);
    expect(whileSuspended.licence?.status).toBe('suspended');
    expect(whileSuspended.stages.licence).toEqual({ status: 'blocked', at: suspended.last.recordedAt, by: OFFICER });

    const reinstated = suspended.record(LICENCE, 'LicenceReinstated', { reason: 'audit closed' }, OFFICER);
    expect(reviewDocument(reinstated.events).stages.licence.status).toBe('done');
  });

  it('blocks the licence stage when the licence is revoked', () => {
    const history = attached().record(LICENCE, 'LicenceRevoked', { reason: 'end use violated' }, SYSTEM);
    expect(reviewDocument(history.events).stages.licence).toMatchObject({ status: 'blocked', by: SYSTEM });
  });

  it('blocks the licence stage when the licence expires before the release, not after it', () => {
    const expiredFirst = attached().record(LICENCE, 'LicenceExpired', {}, SYSTEM);
    expect(reviewDocument(expiredFirst.events).stages.licence).toMatchObject({ status: 'blocked', by: SYSTEM });

    const releasedFirst = attached()
      .consignment('ShipmentDeclared', shipmentDeclared(1000), CUSTOMS)
      .consignment('ShipmentReleased', { releasedOn: '2025-03-04' }, CUSTOMS)
      .record(LICENCE, 'LicenceExpired', {}, SYSTEM);
    expect(reviewDocument(releasedFirst.events).stages.licence.status).toBe('done');
  });

  it('ignores another licence once one is attached', () => {
    const history = attached().record('licence-other', 'LicenceSuspended', { reason: 'elsewhere', suspendedBy: 'officer-1' }, OFFICER);
    const document = reviewDocument(history.events);

    expect(document.licence?.status).toBe('issued');
    expect(document.timeline.map((entry) => entry.streamId)).not.toContain('licence-other');
  });

  it('still names the licence when its stream was not part of the input', () => {
    const history = new History()
      .consignment('ConsignmentRegistered', registered(1000))
      .consignment('LicenceAttached', { licenceId: LICENCE_ID, allocatedKg: 750.5 });
    expect(reviewDocument(history.events).licence).toEqual({
      licenceId: LICENCE_ID, status: 'unknown', validUntil: null, allocatedKg: 750.5, shippedKg: 0, remainingKg: null,
      kind: null, customsOffice: null, endorsements: [], declarationsLeft: null,
    });
  });

  it("shows the licence's kind and its endorsements, this consignment's among them; only this one's enter the timeline", () => {
    const endorsement = (consignmentId: string, number: number, kg: number) => ({
      consignmentId, customsDeclarationNo: `02012025000000000${number}`, customsOffice: 'CNTSN', kg, endorsedOn: '2025-03-01', number,
    });
    const history = issuedLicence(new History(), 10_000, { kind: 'multi-use', customsOffice: 'CNTSN' })
      .consignment('ConsignmentRegistered', registered(1000))
      .record(LICENCE, 'LicenceQuantityAllocated', allocated(CONSIGNMENT_ID, 1000))
      .consignment('LicenceAttached', { licenceId: LICENCE_ID, allocatedKg: 1000 })
      .record(LICENCE, 'LicenceDeclarationEndorsed', endorsement('another-consignment', 1, 500))
      .record(LICENCE, 'LicenceEndorsementWithdrawn', { consignmentId: 'another-consignment', number: 1, reason: 'consignment-cancelled' })
      .record(LICENCE, 'LicenceDeclarationEndorsed', endorsement(CONSIGNMENT_ID, 2, 1000), CUSTOMS);
    const document = reviewDocument(history.events);

    expect(document.licence).toMatchObject({ kind: 'multi-use', customsOffice: 'CNTSN', declarationsLeft: 11 });
    expect(document.licence?.endorsements).toEqual([
      { ...endorsement('another-consignment', 1, 500), withdrawnReason: 'consignment-cancelled' },
      { ...endorsement(CONSIGNMENT_ID, 2, 1000), withdrawnReason: null },
    ]);
    expect(document.timeline.filter((entry) => entry.type.startsWith('LicenceDeclaration') || entry.type.startsWith('LicenceEndorsement')).map((entry) => entry.summary)).toEqual([
      'Declaration 020120250000000002 endorsed on the licence (no. 2, CNTSN, 1000 kg)',
    ]);
  });
});
