import type { CommandContext, QuotaCategory } from '@ree/shared-kernel';
import type { MiningSourceDeclaredData } from '../../consignment/consignment.events';

/** A source as the exporter declares it: the quota category may be left to the mine's deposit type. */
export type MiningSourceInput = Omit<MiningSourceDeclaredData, 'category'> & { readonly category?: QuotaCategory };

/** An exporter declares where (part of) its consignment was mined; the mine's quota is drawn. */
export class DeclareMiningSourceCommand {
  constructor(
    readonly consignmentId: string,
    readonly source: MiningSourceInput,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

/** The command once the handler has settled its quota category from the mine: what the decider decides. */
export interface MiningSourceDeclaration {
  readonly consignmentId: string;
  readonly source: MiningSourceDeclaredData;
  readonly context: CommandContext;
}
