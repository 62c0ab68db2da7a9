import type { CommandContext } from '@ree/shared-kernel';
import type { RestrictedPartyListedData } from '../../restricted-party/restricted-party.events';

/** A licensing officer puts a foreign party on the restricted ("unreliable entity") list. */
export class ListRestrictedPartyCommand {
  constructor(
    readonly party: RestrictedPartyListedData,
    readonly context: CommandContext,
  ) {}
}
