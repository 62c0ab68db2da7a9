import { spec } from '@ree/testing';
import type { ShipmentDeclaredData } from '../../consignment/consignment.events';
import {
  asExporter,
  cancelled,
  CONSIGNMENT_ID,
  endUseDeclared,
  licensed,
  processed,
  registered,
  shipmentDeclared,
  sourced,
  untilShipmentDeclared,
} from '../../testing/consignment-events';
import { activeLicence, asCustoms, licenceAfter, suspendedLicence } from '../../testing/customs';
import { ShipmentDeclaration } from './declare-shipment.command';
import { declareShipmentDecider } from './declare-shipment.decide';

const declaration = shipmentDeclared.data as ShipmentDeclaredData;
const declare = (overrides: Partial<ShipmentDeclaration> = {}, shipment: Partial<ShipmentDeclaredData> = {}): ShipmentDeclaration => ({
  consignmentId: CONSIGNMENT_ID,
  shipment: { ...declaration, ...shipment },
  context: asCustoms(),
  licence: activeLicence,
  ...overrides,
});
const ready = [registered, sourced(), processed(), licensed, endUseDeclared];

describe('declare a shipment', () => {
  it('declares the shipment of a licensed consignment with its end-use declaration', () => {
    spec(declareShipmentDecider).given(ready).when(declare()).then([shipmentDeclared]);
  });

  it('declares up to exactly what the consignment holds on the licence', () => {
    spec(declareShipmentDecider).given(ready).when(declare({}, { declaredNetKg: 11999.999 })).then([
      { ...shipmentDeclared, data: { ...declaration, declaredNetKg: 11999.999 } } as typeof shipmentDeclared,
    ]);
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

  it('licence-not-active: none attached, suspended, not yet valid, or expired by the day of the declaration', () => {
    spec(declareShipmentDecider).given([registered, sourced(), endUseDeclared]).when(declare({ licence: null })).thenRefused('licence-not-active');
    spec(declareShipmentDecider).given(ready).when(declare({ licence: suspendedLicence })).thenRefused('licence-not-active');
    spec(declareShipmentDecider).given(ready).when(declare({ context: asCustoms(new Date('2025-01-09T23:59:59Z')) })).thenRefused('licence-not-active');
    spec(declareShipmentDecider).given(ready).when(declare({ context: asCustoms(new Date('2026-01-01T00:00:00Z')) })).thenRefused('licence-not-active');
  });

  it('the licence is active on both days of its validity', () => {
    spec(declareShipmentDecider).given(ready).when(declare({ context: asCustoms(new Date('2025-12-31T23:59:59Z')) })).then([shipmentDeclared]);
  });

  it('licence-scope-mismatch: the declared goods or destination are not the consignment’s', () => {
    spec(declareShipmentDecider).given(ready).when(declare({}, { hsCode: '2805.30' })).thenRefused('licence-scope-mismatch');
    spec(declareShipmentDecider).given(ready).when(declare({}, { destinationCountry: 'US' })).thenRefused('licence-scope-mismatch');
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
