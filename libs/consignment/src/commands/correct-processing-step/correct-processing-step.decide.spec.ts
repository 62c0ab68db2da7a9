import { spec } from '@ree/testing';
import { PROCESSING_STEP_CORRECTED, ProcessingStepCorrectedData } from '../../consignment/consignment.events';
import {
  asExporter,
  cancelled,
  CONSIGNMENT_ID,
  processed,
  registered,
  sourced,
  step,
  untilShipmentDeclared,
} from '../../testing/consignment-events';
import { CorrectProcessingStepCommand } from './correct-processing-step.command';
import { correctProcessingStepDecider } from './correct-processing-step.decide';

const correction = (stepId = 'step-1b', correctsId = 'step-1', outputKgReo = 12400): ProcessingStepCorrectedData => ({
  ...step(stepId, 14000, outputKgReo),
  correctsId,
  reason: 'assay certificate re-issued',
});
const correct = (data = correction(), context = asExporter()) => new CorrectProcessingStepCommand(CONSIGNMENT_ID, data, 'op-1', context);
const corrected = (data = correction()) => ({ type: PROCESSING_STEP_CORRECTED, data }) as const;
const history = [registered, sourced(), processed()];

describe('correct a processing step', () => {
  it('records a new step that points at the original', () => {
    spec(correctProcessingStepDecider).given(history).when(correct()).then([corrected()]);
  });

  it('the same correction again (a retry) stays quiet', () => {
    spec(correctProcessingStepDecider).given([...history, corrected()]).when(correct()).thenNothing();
  });

  it('invalid-transition: a step already replaced is corrected through its replacement', () => {
    spec(correctProcessingStepDecider).given([...history, corrected()]).when(correct(correction('step-1c', 'step-1'))).thenRefused('invalid-transition');
    spec(correctProcessingStepDecider)
      .given([...history, corrected()])
      .when(correct(correction('step-1c', 'step-1b')))
      .then([corrected(correction('step-1c', 'step-1b'))]);
  });

  it('mass-balance-violation: the corrected values keep the balance too', () => {
    spec(correctProcessingStepDecider).given(history).when(correct(correction('step-1b', 'step-1', 14070.001))).thenRefused('mass-balance-violation');
  });

  it('invalid-transition: only before the shipment is declared', () => {
    spec(correctProcessingStepDecider).given(untilShipmentDeclared).when(correct()).thenRefused('invalid-transition');
  });

  it('invalid-transition: after cancel', () => {
    spec(correctProcessingStepDecider).given([...history, cancelled]).when(correct()).thenRefused('invalid-transition');
  });

  it('a step the consignment never recorded is not found', () => {
    spec(correctProcessingStepDecider).given(history).when(correct(correction('step-9b', 'step-9'))).thenNotFound();
  });

  it("another organisation's consignment is not found", () => {
    spec(correctProcessingStepDecider).given(history).when(correct(correction(), asExporter('org-competitor'))).thenNotFound();
  });
});
