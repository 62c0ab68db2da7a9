import type { MiningQuotaDrawnData } from '../../mine/mine.events';

/**
 * The consignment context reserves part of a mine's annual quota for one mining-source
 * declaration (the reservation pattern (docs/domain.md)). No HTTP: only that context's handlers decide it.
 */
export interface DrawMiningQuotaCommand extends MiningQuotaDrawnData {
  readonly mineId: string;
}
