import type { CommandContext } from '@ree/shared-kernel';
import type { OwnershipRecordedData } from '../../ownership/ownership.events';

/** A licensing officer records who owns what share of whom. */
export class RecordOwnershipCommand {
  constructor(
    readonly fact: OwnershipRecordedData,
    readonly context: CommandContext,
  ) {}
}
