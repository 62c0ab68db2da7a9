import { spec } from '@ree/testing';
import {
  asExporter,
  cancelled,
  closed,
  CONSIGNMENT_ID,
  processed,
  registered,
  sourced,
  step,
  untilEndUseChecked,
  untilShipmentDeclared,
} from '../../testing/consignment-events';
import { RecordProcessingStepCommand } from './record-processing-step.command';
import { recordProcessingStepDecider } from './record-processing-step.decide';

const record = (data = step(), context = asExporter()) => new RecordProcessingStepCommand(CONSIGNMENT_ID, data, 'op-1', context);

describe('record a processing step', () => {
  it('records a step of a sourced consignment', () => {
    spec(recordProcessingStepDecider).given([registered, sourced()]).when(record()).then([processed()]);
  });

  it('several steps follow one another', () => {
    spec(recordProcessingStepDecider)
      .given([registered, sourced(), processed()])
      .when(record(step('step-2', 12600, 12000)))
      .then([processed('step-2', 12600, 12000)]);
  });

  it('mass-balance-violation: output above input by more than 0.5 %, to the gram', () => {
    spec(recordProcessingStepDecider).given([registered, sourced()]).when(record(step('step-1', 1000, 1005.001))).thenRefused('mass-balance-violation');
  });

  it('an output within the 0.5 % tolerance passes', () => {
    spec(recordProcessingStepDecider).given([registered, sourced()]).when(record(step('step-1', 1000, 1005))).then([processed('step-1', 1000, 1005)]);
  });

  it('the same step again (a retry) stays quiet', () => {
    spec(recordProcessingStepDecider).given([registered, sourced(), processed()]).when(record()).thenNothing();
  });

  it('invalid-transition: no processing before a mining source is declared', () => {
    spec(recordProcessingStepDecider).given([registered]).when(record()).thenRefused('invalid-transition');
  });

  it('invalid-transition: once the shipment is declared', () => {
    spec(recordProcessingStepDecider).given(untilShipmentDeclared).when(record(step('step-2'))).thenRefused('invalid-transition');
  });

  it('invalid-transition: after cancel or close', () => {
    spec(recordProcessingStepDecider).given([registered, sourced(), cancelled]).when(record()).thenRefused('invalid-transition');
    spec(recordProcessingStepDecider).given([...untilEndUseChecked, closed]).when(record(step('step-2'))).thenRefused('invalid-transition');
  });

  it("another organisation's consignment is not found", () => {
    spec(recordProcessingStepDecider).given([registered, sourced()]).when(record(step(), asExporter('org-competitor'))).thenNotFound();
  });
});
