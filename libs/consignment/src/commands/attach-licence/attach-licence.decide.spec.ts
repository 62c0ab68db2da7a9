import { spec } from '@ree/testing';
import {
  asExporter,
  asOfficer,
  cancelled,
  CONSIGNMENT_ID,
  licensed,
  processed,
  registered,
  sourced,
  untilShipmentDeclared,
} from '../../testing/consignment-events';
import { LICENCE_ATTACHED } from '../../consignment/consignment.events';
import { attachLicenceDecider } from './attach-licence.decide';

const LICENCE_ID = '5d0c9b1e-7a42-4f3e-9c18-2b6e4a9d7f01';
const attach = (allocatedKg = 12000, licenceId = LICENCE_ID, context = asExporter()) => ({ consignmentId: CONSIGNMENT_ID, licenceId, allocatedKg, context });
const attached = (allocatedKg = 12000, licenceId = LICENCE_ID) => ({ type: LICENCE_ATTACHED, data: { licenceId, allocatedKg } }) as const;

describe('attach a licence', () => {
  it('attaches the licence to a sourced consignment with the quantity allocated', () => {
    spec(attachLicenceDecider).given([registered, sourced(), processed()]).when(attach()).then([attached()]);
  });

  it('a part of the quantity may be allocated', () => {
    spec(attachLicenceDecider).given([registered, sourced()]).when(attach(4000.5)).then([attached(4000.5)]);
  });

  it('the same attachment again (a retry) is quiet', () => {
    spec(attachLicenceDecider).given([registered, sourced(), attached()]).when(attach()).then([]);
  });

  it('invalid-transition: the licence comes after provenance, no mining source declared yet', () => {
    spec(attachLicenceDecider).given([registered]).when(attach()).thenRefused('invalid-transition');
  });

  it('invalid-transition: a consignment is exported under one licence, a second one or another amount is refused', () => {
    spec(attachLicenceDecider).given([registered, sourced(), licensed]).when(attach(12000, 'lic-2')).thenRefused('invalid-transition');
    spec(attachLicenceDecider).given([registered, sourced(), attached()]).when(attach(11000)).thenRefused('invalid-transition');
    spec(attachLicenceDecider).given(untilShipmentDeclared).when(attach()).thenRefused('invalid-transition');
  });

  it('invalid-transition: after cancel, even the same attachment again', () => {
    spec(attachLicenceDecider).given([registered, sourced(), cancelled]).when(attach()).thenRefused('invalid-transition');
    spec(attachLicenceDecider).given([registered, sourced(), attached(), cancelled]).when(attach()).thenRefused('invalid-transition');
  });

  it('allocation-above-quantity: more than the consignment carries, by a gram', () => {
    spec(attachLicenceDecider).given([registered, sourced()]).when(attach(12000.001)).thenRefused('allocation-above-quantity');
  });

  it("another organisation's consignment is not found, and so is one never registered", () => {
    spec(attachLicenceDecider).given([registered, sourced()]).when(attach(12000, LICENCE_ID, asExporter('org-competitor'))).thenNotFound();
    spec(attachLicenceDecider).given([]).when(attach(12000, LICENCE_ID, asOfficer())).thenNotFound();
  });
});
