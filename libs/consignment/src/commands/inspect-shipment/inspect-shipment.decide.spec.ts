import { spec } from '@ree/testing';
import { SHIPMENT_HELD, SHIPMENT_INSPECTED, ShipmentInspectedData } from '../../consignment/consignment.events';
import { asExporter, cancelled, CONSIGNMENT_ID, registered, released, untilShipmentDeclared, untilEndUseChecked, closed } from '../../testing/consignment-events';
import { asCustoms } from '../../testing/customs';
import { InspectShipmentCommand } from './inspect-shipment.command';
import { inspectShipmentDecider } from './inspect-shipment.decide';

const inspection: ShipmentInspectedData = { inspectedOn: '2025-03-02', measuredNetKg: 12150.5, sealNos: ['CN1234567'], result: 'discrepancy', notes: 'Scale at Tianjin gate 3' };
const inspect = (context = asCustoms()) => new InspectShipmentCommand(CONSIGNMENT_ID, inspection, 'op-1', context);
const inspected = { type: SHIPMENT_INSPECTED, data: inspection } as const;
const held = { type: SHIPMENT_HELD, data: { reason: 'seals broken' } } as const;

describe('inspect a shipment', () => {
  it('records the inspection as the agent states it, a discrepancy included', () => {
    spec(inspectShipmentDecider).given(untilShipmentDeclared).when(inspect()).then([inspected]);
  });

  it('a held shipment may be inspected, and inspected again', () => {
    spec(inspectShipmentDecider).given([...untilShipmentDeclared, held, inspected]).when(inspect()).then([inspected]);
  });

  it('invalid-transition: before the shipment is declared, or after its release', () => {
    spec(inspectShipmentDecider).given([registered]).when(inspect()).thenRefused('invalid-transition');
    spec(inspectShipmentDecider).given([...untilShipmentDeclared, released]).when(inspect()).thenRefused('invalid-transition');
  });

  it('invalid-transition: after cancel or close', () => {
    spec(inspectShipmentDecider).given([...untilShipmentDeclared, cancelled]).when(inspect()).thenRefused('invalid-transition');
    spec(inspectShipmentDecider).given([...untilEndUseChecked, closed]).when(inspect()).thenRefused('invalid-transition');
  });

  it('an unknown consignment is not found; so is another organisation’s for an exporter', () => {
    spec(inspectShipmentDecider).given([]).when(inspect()).thenNotFound();
    spec(inspectShipmentDecider).given(untilShipmentDeclared).when(inspect(asExporter('org-competitor'))).thenNotFound();
  });
});
