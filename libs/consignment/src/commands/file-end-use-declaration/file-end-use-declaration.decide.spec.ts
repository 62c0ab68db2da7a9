import { spec } from '@ree/testing';
import {
  asExporter,
  cancelled,
  CONSIGNMENT_ID,
  endUseDeclared,
  licensed,
  registered,
  sourced,
} from '../../testing/consignment-events';
import { END_USE_DECLARATION_FILED, EndUseDeclarationFiledData, Party } from '../../consignment/consignment.events';
import { fileEndUseDeclarationDecider } from './file-end-use-declaration.decide';

const LICENSED_END_USER: Party = { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' };
const declaration = (change: Partial<EndUseDeclarationFiledData> = {}): EndUseDeclarationFiledData => ({
  ...(endUseDeclared.data as EndUseDeclarationFiledData),
  declarationId: 'eud-2',
  ...change,
});
const file = (change: Partial<EndUseDeclarationFiledData> = {}, licensedEndUser: Party | null = LICENSED_END_USER, context = asExporter()) => ({
  consignmentId: CONSIGNMENT_ID,
  declaration: declaration(change),
  licensedEndUser,
  context,
});
const filed = (change: Partial<EndUseDeclarationFiledData> = {}) => ({ type: END_USE_DECLARATION_FILED, data: declaration(change) }) as const;
const licensedConsignment = [registered, sourced(), licensed];

describe('file the end-use declaration', () => {
  it("files the declaration of the licence's end user, its name written another way", () => {
    spec(fileEndUseDeclarationDecider).given(licensedConsignment).when(file()).then([filed()]);
    const endUser = { name: 'VACUUMSCHMELZE GMBH', country: 'DE', address: 'Hanau' };
    spec(fileEndUseDeclarationDecider).given(licensedConsignment).when(file({ endUser })).then([filed({ endUser })]);
  });

  it('the same declaration again (a retry) is quiet', () => {
    spec(fileEndUseDeclarationDecider).given([...licensedConsignment, filed()]).when(file()).then([]);
  });

  it('licence-scope-mismatch: another end user than the licence names', () => {
    const endUser = { name: 'Kestrel Magnetics Trading', country: 'DE', address: 'Hanau' };
    spec(fileEndUseDeclarationDecider).given(licensedConsignment).when(file({ endUser })).thenRefused('licence-scope-mismatch');
  });

  it("licence-scope-mismatch: the licence's end user's name in another country", () => {
    const endUser = { ...LICENSED_END_USER, country: 'AT' };
    spec(fileEndUseDeclarationDecider).given(licensedConsignment).when(file({ endUser })).thenRefused('licence-scope-mismatch');
  });

  it('military-use-not-excluded: the end user must commit to no military use', () => {
    const commitments = { noMilitaryUse: false, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true };
    spec(fileEndUseDeclarationDecider).given(licensedConsignment).when(file({ commitments })).thenRefused('military-use-not-excluded');
  });

  it('files the declaration before any licence (an item that may ship without one), a military end use included', () => {
    spec(fileEndUseDeclarationDecider).given([registered, sourced()]).when(file({}, null)).then([filed()]);
    const commitments = { noMilitaryUse: false, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true };
    spec(fileEndUseDeclarationDecider).given([registered, sourced()]).when(file({ commitments }, null)).then([filed({ commitments })]);
  });

  it('invalid-transition: a second declaration, or one after cancel', () => {
    spec(fileEndUseDeclarationDecider).given([...licensedConsignment, endUseDeclared]).when(file()).thenRefused('invalid-transition');
    spec(fileEndUseDeclarationDecider).given([...licensedConsignment, cancelled]).when(file()).thenRefused('invalid-transition');
  });

  it("another organisation's consignment is not found", () => {
    spec(fileEndUseDeclarationDecider).given(licensedConsignment).when(file({}, LICENSED_END_USER, asExporter('org-competitor'))).thenNotFound();
  });
});
