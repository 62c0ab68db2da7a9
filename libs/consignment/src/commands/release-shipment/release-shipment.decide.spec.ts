import { spec } from '@ree/testing';
import { SHIPMENT_HELD, SHIPMENT_HOLD_LIFTED } from '../../consignment/consignment.events';
import { classify } from '@ree/registry/domain';
import { CONSIGNMENT_CLASSIFIED, ConsignmentEvent } from '../../consignment/consignment.events';
import { cancelled, CONSIGNMENT_ID, endUseDeclared, processed, registered, released, shipmentDeclared, sourced, untilShipmentDeclared } from '../../testing/consignment-events';
import { LIST_POSITION } from '../../testing/control-list';
import { activeLicence, asCustoms, shippedLicence, suspendedLicence } from '../../testing/customs';
import { ShipmentRelease } from './release-shipment.command';
import { releaseShipmentDecider } from './release-shipment.decide';

const release = (overrides: Partial<ShipmentRelease> = {}): ShipmentRelease => ({
  consignmentId: CONSIGNMENT_ID,
  releasedOn: '2025-03-03',
  context: asCustoms(),
  licence: activeLicence,
  ...overrides,
});
const held = { type: SHIPMENT_HELD, data: { reason: 'x-ray' } } as const;
const lifted = { type: SHIPMENT_HOLD_LIFTED, data: { reason: 'x-ray clear' } } as const;

const NDPR = { element: 'NdPr', productForm: 'separated-oxide', hsCode: '2846.90' } as const;
const classifiedOnDeclaration = (catchAll: Parameters<typeof classify>[3] = []): ConsignmentEvent => ({
  type: CONSIGNMENT_CLASSIFIED,
  data: { stage: 'shipment-declaration', classification: classify([], NDPR, '2025-03-01', catchAll), listPosition: LIST_POSITION },
});
/** Declared without a licence: the list of the day did not name the item and no catch-all applied. */
const declaredWithoutLicence = [registered, sourced(), processed(), endUseDeclared, classifiedOnDeclaration(), shipmentDeclared];

describe('release a shipment', () => {
  it('releases a shipment declared without a licence when its classification required none', () => {
    spec(releaseShipmentDecider).given(declaredWithoutLicence).when(release({ licence: null })).then([released]);
  });

  it('licence-not-active: no licence, and the classification required one (or none was recorded)', () => {
    const required = [registered, sourced(), processed(), endUseDeclared, classifiedOnDeclaration([{ kind: 'military-end-use' }]), shipmentDeclared];
    spec(releaseShipmentDecider).given(required).when(release({ licence: null })).thenRefused('licence-not-active');
    spec(releaseShipmentDecider).given([registered, sourced(), processed(), endUseDeclared, shipmentDeclared]).when(release({ licence: null })).thenRefused('licence-not-active');
  });

  it('releases a declared shipment under an active licence', () => {
    spec(releaseShipmentDecider).given(untilShipmentDeclared).when(release()).then([released]);
  });

  it('releases once its hold is lifted', () => {
    spec(releaseShipmentDecider).given([...untilShipmentDeclared, held, lifted]).when(release()).then([released]);
  });

  it('invalid-transition: while held', () => {
    spec(releaseShipmentDecider).given([...untilShipmentDeclared, held]).when(release()).thenRefused('invalid-transition');
  });

  it('invalid-transition: before the declaration, a second release, after cancel', () => {
    spec(releaseShipmentDecider).given([registered, sourced()]).when(release()).thenRefused('invalid-transition');
    spec(releaseShipmentDecider).given([...untilShipmentDeclared, released]).when(release()).thenRefused('invalid-transition');
    spec(releaseShipmentDecider).given([...untilShipmentDeclared, cancelled]).when(release()).thenRefused('invalid-transition');
  });

  it('licence-not-active: the licence was suspended, or expired, since the declaration', () => {
    spec(releaseShipmentDecider).given(untilShipmentDeclared).when(release({ licence: suspendedLicence })).thenRefused('licence-not-active');
    spec(releaseShipmentDecider).given(untilShipmentDeclared).when(release({ context: asCustoms(new Date('2026-01-02T08:00:00Z')) })).thenRefused('licence-not-active');
    spec(releaseShipmentDecider).given(untilShipmentDeclared).when(release({ licence: null })).thenRefused('licence-not-active');
  });

  it('a licence already recording this shipment is a retry of this release, even once the licence is exhausted', () => {
    const exhausted = { ...shippedLicence(), status: 'exhausted' as const };
    spec(releaseShipmentDecider).given(untilShipmentDeclared).when(release({ licence: exhausted })).then([released]);
  });

  it('an unknown consignment is not found', () => {
    spec(releaseShipmentDecider).given([]).when(release()).thenNotFound();
  });
});
