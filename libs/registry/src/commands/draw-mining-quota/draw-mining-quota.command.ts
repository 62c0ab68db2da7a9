import type { MiningQuotaDrawnData } from '../../mine/mine.events';

/**
 * The consignment context reserves part of a mine's annual quota for one mining-source
 * declaration (docs/domain.md, "The reservation pattern"). No HTTP: only that context's handlers decide it.
 */
export interface DrawMiningQuotaCommand extends MiningQuotaDrawnData {
  readonly mineId: string;
}
