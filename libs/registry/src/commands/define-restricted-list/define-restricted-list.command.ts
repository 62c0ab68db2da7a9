import type { CommandContext } from '@ree/shared-kernel';
import type { RestrictedListDefinedData } from '../../restricted-list/restricted-list.events';

/** A licensing officer defines a restricted list beside the reference lists, with its consequence. */
export class DefineRestrictedListCommand {
  constructor(
    readonly list: RestrictedListDefinedData,
    readonly context: CommandContext,
  ) {}
}
