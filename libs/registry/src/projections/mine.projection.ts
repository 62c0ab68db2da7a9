import { FoldingProjection, streamRows, type StreamBatch } from '@ree/event-store';
import { MINE_EVENT_TYPES } from '../mine/mine.events';
import { mineStream } from '../mine/mine.stream';
import { evolveMineRow, initialMineRow, mineEventApplied, type MineRow } from './mine-row';
import { mineTables } from './mine-tables';

/**
 * Mines, their quota batches and the draws on them, in the one shape of projections: a batch
 * loads the mines its events name, folds them with the decider's `evolveMine` (`evolveMineRow`)
 * and upserts what changed. A replayed event changes nothing (`mineEventApplied`).
 */
export class MineProjection extends FoldingProjection<StreamBatch<MineRow>> {
  constructor() {
    super(
      streamRows({ stream: mineStream, initial: initialMineRow, applied: mineEventApplied, evolve: evolveMineRow, ...mineTables }),
      { name: 'registry.mines', eventTypes: MINE_EVENT_TYPES },
    );
  }
}
