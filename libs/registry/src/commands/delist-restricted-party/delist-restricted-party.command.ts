import type { CommandContext } from '@ree/shared-kernel';

/** A licensing officer takes a party off the restricted list; its history stays. */
export class DelistRestrictedPartyCommand {
  constructor(
    readonly partyId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
