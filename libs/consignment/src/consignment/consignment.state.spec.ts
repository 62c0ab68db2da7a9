import { fold } from '@ree/shared-kernel';
import {
  arrived,
  cancelled,
  closed,
  departed,
  endUseChecked,
  endUseDeclared,
  licensed,
  processed,
  registered,
  released,
  shipmentDeclared,
  source,
  sourced,
} from '../testing/consignment-events';
import { MINING_SOURCE_CORRECTED, SHIPMENT_HELD, SHIPMENT_HOLD_LIFTED, SHIPMENT_INSPECTED } from './consignment.events';
import { currentSources, evolveConsignment, initialConsignmentState } from './consignment.state';

const replay = (...events: Parameters<typeof evolveConsignment>[1][]) =>
  fold({ evolve: evolveConsignment, initialState: initialConsignmentState }, events);

describe('the consignment lifecycle', () => {
  it('walks the stages of docs/domain.md in order, from registered to closed', () => {
    const lifecycle = [
      registered, sourced(), processed(), licensed, endUseDeclared, shipmentDeclared,
      { type: SHIPMENT_INSPECTED, data: { inspectedOn: '2025-03-02', measuredNetKg: 12001, sealNos: ['S1'], result: 'conforming', notes: '' } } as const,
      released, departed, arrived, endUseChecked, closed,
    ];
    const statuses = lifecycle.map((_, index) => replay(...lifecycle.slice(0, index + 1)).status);
    expect(statuses).toEqual([
      'registered', 'sourced', 'processed', 'licensed', 'end-use-declared', 'shipment-declared',
      'inspected', 'released', 'departed', 'arrived', 'end-use-checked', 'closed',
    ]);
  });

  it('a source or step added late does not move the status back', () => {
    expect(replay(registered, sourced(), licensed, sourced('decl-2'), processed()).status).toBe('licensed');
  });

  it('a hold is a flag beside the status, until it is lifted', () => {
    const held = replay(registered, sourced(), licensed, endUseDeclared, shipmentDeclared, { type: SHIPMENT_HELD, data: { reason: 'seals' } });
    expect([held.status, held.held]).toEqual(['shipment-declared', true]);
    expect(evolveConsignment(held, { type: SHIPMENT_HOLD_LIFTED, data: { reason: 'resealed' } }).held).toBe(false);
  });

  it('cancelled stays cancelled, whatever is folded after it', () => {
    expect(replay(registered, sourced(), cancelled, processed()).status).toBe('cancelled');
  });

  it('a correction replaces its original among the sources in force, and the original stays in the history', () => {
    const state = replay(registered, sourced('decl-1'), sourced('decl-2'), {
      type: MINING_SOURCE_CORRECTED,
      data: { ...source('decl-1b', 13000), correctsId: 'decl-1', reason: 'weighbridge' },
    });
    expect(currentSources(state).map((source) => source.declarationId).sort()).toEqual(['decl-1b', 'decl-2']);
    expect(state.sources['decl-1'].correctedBy).toBe('decl-1b');
    expect(state.corrections).toEqual([{ kind: 'mining-source', correctsId: 'decl-1', replacementId: 'decl-1b', reason: 'weighbridge' }]);
  });
});
