import type { QuotaCategory } from '@ree/shared-kernel';

/**
 * The consignment context gives a draw back: a corrected source, a cancelled consignment, or
 * (later) a draw whose consignment event never came. The amount is what the mine recorded.
 */
export interface ReturnMiningQuotaCommand {
  readonly mineId: string;
  readonly year: number;
  readonly category: QuotaCategory;
  readonly consignmentId: string;
  readonly declarationId: string;
  readonly reason: string;
}
