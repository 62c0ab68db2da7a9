import type { CommandContext } from '@ree/shared-kernel';
import type { MiningSourceDeclaredData } from '../../consignment/consignment.events';
import type { MiningSourceInput } from '../../consignment/quota-category';

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
