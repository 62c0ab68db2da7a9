import { type CatchAllGround, classify } from '@ree/registry/domain';
import { spec } from '@ree/testing';
import { CONSIGNMENT_CLASSIFIED, ConsignmentEvent, EndUseDeclarationFiledData, LICENCE_REQUIREMENT_NOTIFIED, ShipmentDeclaredData } from '../../consignment/consignment.events';
import { EndUserMatch } from '../../consignment/classification';
import {
  asExporter,
  cancelled,
  CONSIGNMENT_ID,
  endUseDeclared,
  licensed,
  processed,
  registered,
  registration,
  shipmentDeclared,
  sourced,
  untilShipmentDeclared,
} from '../../testing/consignment-events';
import { DYSPROSIUM_ENTRY, LIST_POSITION, listOn, registeredDyOxide } from '../../testing/control-list';
import { activeLicence, asCustoms, licenceAfter, suspendedLicence } from '../../testing/customs';
import { ShipmentDeclaration } from './declare-shipment.command';
import { declareShipment, declareShipmentDecider } from './declare-shipment.decide';

const declaration = shipmentDeclared.data as ShipmentDeclaredData;
const DAY = declaration.declaredOn;
const declare = (overrides: Partial<ShipmentDeclaration> = {}, shipment: Partial<ShipmentDeclaredData> = {}): ShipmentDeclaration => ({
  consignmentId: CONSIGNMENT_ID,
  shipment: { ...declaration, ...shipment },
  context: asCustoms(),
  licence: activeLicence,
  list: listOn(DAY),
  endUserMatches: [],
  ...overrides,
});
const ready = [registered, sourced(), processed(), licensed, endUseDeclared];
/** An unlisted item with no licence attached: what may ship without one. */
const unlicensed = [registered, sourced(), processed(), endUseDeclared];
const dyOxide = [registeredDyOxide, sourced(), processed(), endUseDeclared];

const NDPR = { element: registration.element, productForm: registration.productForm, hsCode: declaration.hsCode };
const classifiedOnDeclaration = (...catchAll: CatchAllGround[]): ConsignmentEvent => ({
  type: CONSIGNMENT_CLASSIFIED,
  data: { stage: 'shipment-declaration', classification: classify([], NDPR, DAY, catchAll), listPosition: LIST_POSITION },
});
const declared = (change: Partial<ShipmentDeclaredData> = {}): ConsignmentEvent =>
  ({ ...shipmentDeclared, data: { ...declaration, controlRemark: 'not-controlled', ...change } }) as ConsignmentEvent;

const militaryUse: ConsignmentEvent = {
  ...endUseDeclared,
  data: { ...(endUseDeclared.data as EndUseDeclarationFiledData), commitments: { noMilitaryUse: false, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true } },
} as ConsignmentEvent;
const notice: ConsignmentEvent = {
  type: LICENCE_REQUIREMENT_NOTIFIED,
  data: { noticeId: 'notice-1', reason: 'The end user supplies a missile programme', notifiedBy: 'officer-wang', notifiedOn: '2025-02-25' },
};
const ownedByWatchListParty: EndUserMatch = {
  partyId: 'party-kestrel',
  partyName: 'Kestrel Holdings Ltd',
  listName: 'Watch List',
  consequence: 'licence-required',
  chain: [
    { owner: 'Kestrel Europe BV', owned: 'Vacuumschmelze GmbH', sharePercent: 60 },
    { owner: 'Kestrel Holdings Ltd', owned: 'Kestrel Europe BV', sharePercent: 100 },
  ],
};

describe('declare a shipment', () => {
  it('declares the shipment of a licensed consignment with its end-use declaration, classified by the list of the day', () => {
    spec(declareShipmentDecider).given(ready).when(declare()).then([classifiedOnDeclaration(), declared()]);
  });

  it('declares up to exactly what the consignment holds on the licence', () => {
    spec(declareShipmentDecider).given(ready).when(declare({}, { declaredNetKg: 11999.999 })).then([
      classifiedOnDeclaration(),
      declared({ declaredNetKg: 11999.999 }),
    ]);
  });

  it('an item the list does not name on the day ships without a licence, remarked not-controlled', () => {
    spec(declareShipmentDecider).given(unlicensed).when(declare({ licence: null })).then([classifiedOnDeclaration(), declared()]);
    const [event] = declareShipment(declare({ licence: null }), unlicensed.reduce(declareShipmentDecider.evolve, declareShipmentDecider.initialState()));
    expect(event.data).toMatchObject({ stage: 'shipment-declaration', listPosition: LIST_POSITION, classification: { on: DAY, controlled: false, licenceRequired: false } });
  });

  it('licence-required: a listed item without a licence, with the entry and announcement in the detail', () => {
    const when = declare({ licence: null, list: listOn(DAY, DYSPROSIUM_ENTRY) });
    spec(declareShipmentDecider).given(dyOxide).when(when).thenRefused('licence-required');
    const state = dyOxide.reduce(declareShipmentDecider.evolve, declareShipmentDecider.initialState());
    expect(() => declareShipment(when, state)).toThrow(/1C905.*No\. 18 of 2025/);
  });

  it('a listed item with its licence is declared, classified controlled and remarked so', () => {
    const list = listOn(DAY, DYSPROSIUM_ENTRY);
    const state = [registeredDyOxide, sourced(), processed(), licensed, endUseDeclared].reduce(declareShipmentDecider.evolve, declareShipmentDecider.initialState());
    const [classifiedEvent, declaredEvent] = declareShipment(declare({ list }), state);
    expect(classifiedEvent.data).toMatchObject({ classification: { controlled: true, controlCode: '1C905', licenceRequired: true, hsCodeMatches: true } });
    expect(declaredEvent.data).toMatchObject({ controlRemark: 'controlled' });
  });

  it('licence-required: the catch-all, the end user owned 50 % or more by a Watch-List party', () => {
    spec(declareShipmentDecider).given(unlicensed).when(declare({ licence: null, endUserMatches: [ownedByWatchListParty] })).thenRefused('licence-required');
    const state = unlicensed.reduce(declareShipmentDecider.evolve, declareShipmentDecider.initialState());
    expect(() => declareShipment(declare({ licence: null, endUserMatches: [ownedByWatchListParty] }), state)).toThrow(
      /Vacuumschmelze GmbH is owned 50 % or more by Kestrel Holdings Ltd \(Watch List\)/,
    );
  });

  it('licence-required: the catch-all, a listed end user whose list only flags does not call for a licence', () => {
    const flagged: EndUserMatch = { ...ownedByWatchListParty, consequence: 'flag', chain: [] };
    spec(declareShipmentDecider).given(unlicensed).when(declare({ licence: null, endUserMatches: [flagged] })).then([classifiedOnDeclaration(), declared()]);
    const refused: EndUserMatch = { ...ownedByWatchListParty, listName: 'Control List', consequence: 'refuse', chain: [] };
    spec(declareShipmentDecider).given(unlicensed).when(declare({ licence: null, endUserMatches: [refused] })).thenRefused('licence-required');
  });

  it('licence-required: the catch-all, a military end use', () => {
    spec(declareShipmentDecider).given([registered, sourced(), processed(), militaryUse]).when(declare({ licence: null })).thenRefused('licence-required');
  });

  it("licence-required: the catch-all, a licensing officer's notice to the exporter", () => {
    spec(declareShipmentDecider).given([...unlicensed, notice]).when(declare({ licence: null })).thenRefused('licence-required');
  });

  it('a catch-all ground met by an attached licence is declared, the ground recorded in the classification', () => {
    spec(declareShipmentDecider).given([...ready, notice]).when(declare()).then([
      classifiedOnDeclaration({ kind: 'officer-notice', reason: 'The end user supplies a missile programme', notifiedBy: 'officer-wang' }),
      declared(),
    ]);
  });

  it('military-use-not-excluded: a military end use does not ship under a licence (civil use only)', () => {
    spec(declareShipmentDecider).given([registered, sourced(), processed(), militaryUse, licensed]).when(declare()).thenRefused('military-use-not-excluded');
  });

  it('control-remark-contradicted: the declaration states a remark the list of the day contradicts', () => {
    spec(declareShipmentDecider).given(ready).when(declare({}, { controlRemark: 'controlled' })).thenRefused('control-remark-contradicted');
    const dyLicensed = [registeredDyOxide, sourced(), processed(), licensed, endUseDeclared];
    spec(declareShipmentDecider).given(dyLicensed).when(declare({ list: listOn(DAY, DYSPROSIUM_ENTRY) }, { controlRemark: 'not-controlled' })).thenRefused('control-remark-contradicted');
  });

  it('a stated remark that agrees with the derived one is declared', () => {
    spec(declareShipmentDecider).given(ready).when(declare({}, { controlRemark: 'not-controlled' })).then([classifiedOnDeclaration(), declared()]);
  });

  it('invalid-transition: a second shipment', () => {
    spec(declareShipmentDecider).given(untilShipmentDeclared).when(declare()).thenRefused('invalid-transition');
    spec(declareShipmentDecider).given(untilShipmentDeclared).when(declare({}, { customsDeclarationNo: '020120250000999999' })).thenRefused('invalid-transition');
  });

  it('mining-source-missing: no mining source declared', () => {
    spec(declareShipmentDecider).given([registered, licensed, endUseDeclared]).when(declare()).thenRefused('mining-source-missing');
  });

  it('end-use-declaration-missing: no end-use declaration filed', () => {
    spec(declareShipmentDecider).given([registered, sourced(), licensed]).when(declare()).thenRefused('end-use-declaration-missing');
  });

  it('licence-not-active: an attached licence suspended, not yet valid, expired by the day of the declaration, or not found', () => {
    spec(declareShipmentDecider).given(ready).when(declare({ licence: null })).thenRefused('licence-not-active');
    spec(declareShipmentDecider).given(ready).when(declare({ licence: suspendedLicence })).thenRefused('licence-not-active');
    spec(declareShipmentDecider).given(ready).when(declare({ context: asCustoms(new Date('2025-01-09T23:59:59Z')) })).thenRefused('licence-not-active');
    spec(declareShipmentDecider).given(ready).when(declare({ context: asCustoms(new Date('2026-01-01T00:00:00Z')) })).thenRefused('licence-not-active');
  });

  it('an attached licence on an unlisted item still gets the licence checks', () => {
    spec(declareShipmentDecider).given(ready).when(declare({ licence: suspendedLicence })).thenRefused('licence-not-active');
    spec(declareShipmentDecider).given(ready).when(declare({}, { declaredNetKg: 12000.001 })).thenRefused('licence-balance-exceeded');
  });

  it('the licence is active on both days of its validity', () => {
    spec(declareShipmentDecider).given(ready).when(declare({ context: asCustoms(new Date('2025-12-31T23:59:59Z')) })).then([classifiedOnDeclaration(), declared()]);
  });

  it('licence-scope-mismatch: the declared goods or destination are not the consignment’s, with a licence or without', () => {
    spec(declareShipmentDecider).given(ready).when(declare({}, { hsCode: '2805.30' })).thenRefused('licence-scope-mismatch');
    spec(declareShipmentDecider).given(ready).when(declare({}, { destinationCountry: 'US' })).thenRefused('licence-scope-mismatch');
    spec(declareShipmentDecider).given(unlicensed).when(declare({ licence: null }, { destinationCountry: 'US' })).thenRefused('licence-scope-mismatch');
  });

  it("licence-scope-mismatch: the declaration's end user is not the licence's (a declaration filed before the licence)", () => {
    const otherEndUser = { ...endUseDeclared, data: { ...(endUseDeclared.data as EndUseDeclarationFiledData), endUser: { name: 'Kestrel Magnetics', country: 'DE', address: 'Hanau' } } } as ConsignmentEvent;
    spec(declareShipmentDecider).given([registered, sourced(), processed(), otherEndUser, licensed]).when(declare()).thenRefused('licence-scope-mismatch');
  });

  it('licence-balance-exceeded: more than the consignment holds on the licence, one gram included', () => {
    spec(declareShipmentDecider).given(ready).when(declare({}, { declaredNetKg: 12000.001 })).thenRefused('licence-balance-exceeded');
  });

  it('licence-balance-exceeded: the licence shows no allocation for the consignment', () => {
    const elsewhere = licenceAfter();
    const withoutAllocation = { ...elsewhere, allocations: {} };
    spec(declareShipmentDecider).given(ready).when(declare({ licence: withoutAllocation })).thenRefused('licence-balance-exceeded');
  });

  it('invalid-transition: after cancel', () => {
    spec(declareShipmentDecider).given([...ready, cancelled]).when(declare()).thenRefused('invalid-transition');
  });

  it('exporters never see another organisation’s consignment; an unknown one is not found', () => {
    spec(declareShipmentDecider).given(ready).when(declare({ context: asExporter('org-competitor') })).thenNotFound();
    spec(declareShipmentDecider).given([]).when(declare()).thenNotFound();
  });
});
