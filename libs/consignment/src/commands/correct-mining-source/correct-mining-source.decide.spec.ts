import { spec } from '@ree/testing';
import { MINING_SOURCE_CORRECTED, MiningSourceCorrectedData } from '../../consignment/consignment.events';
import { asExporter, cancelled, CONSIGNMENT_ID, registered, source, sourced, untilShipmentDeclared } from '../../testing/consignment-events';
import { MiningSourceCorrection } from './correct-mining-source.command';
import { correctMiningSourceDecider } from './correct-mining-source.decide';

const correction = (declarationId = 'decl-1b', correctsId = 'decl-1', kgReo = 13200): MiningSourceCorrectedData => ({
  ...source(declarationId, kgReo),
  correctsId,
  reason: 'weighbridge ticket corrected',
});
const correct = (data = correction(), context = asExporter()): MiningSourceCorrection => ({ consignmentId: CONSIGNMENT_ID, correction: data, context });
const corrected = (data = correction()) => ({ type: MINING_SOURCE_CORRECTED, data }) as const;
const history = [registered, sourced()];

describe('correct a mining source', () => {
  it('records a new declaration that points at the original', () => {
    spec(correctMiningSourceDecider).given(history).when(correct()).then([corrected()]);
  });

  it('the same correction again (a retry) stays quiet', () => {
    spec(correctMiningSourceDecider).given([...history, corrected()]).when(correct()).thenNothing();
  });

  it('invalid-transition: a source already replaced is corrected through its replacement', () => {
    spec(correctMiningSourceDecider).given([...history, corrected()]).when(correct(correction('decl-1c', 'decl-1'))).thenRefused('invalid-transition');
    spec(correctMiningSourceDecider)
      .given([...history, corrected()])
      .when(correct(correction('decl-1c', 'decl-1b', 13000)))
      .then([corrected(correction('decl-1c', 'decl-1b', 13000))]);
  });

  it('invalid-transition: only before the shipment is declared', () => {
    spec(correctMiningSourceDecider).given(untilShipmentDeclared).when(correct()).thenRefused('invalid-transition');
  });

  it('invalid-transition: after cancel', () => {
    spec(correctMiningSourceDecider).given([...history, cancelled]).when(correct()).thenRefused('invalid-transition');
  });

  it('a source the consignment never declared is not found', () => {
    spec(correctMiningSourceDecider).given(history).when(correct(correction('decl-9b', 'decl-9'))).thenNotFound();
  });

  it("another organisation's consignment is not found", () => {
    spec(correctMiningSourceDecider).given(history).when(correct(correction(), asExporter('org-competitor'))).thenNotFound();
  });
});
