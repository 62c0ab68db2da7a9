import type { CommandContext } from '@ree/shared-kernel';

/** A licensing officer ends an ownership fact: the share was sold, or the record was wrong. */
export class EndOwnershipCommand {
  constructor(
    readonly factId: string,
    readonly endedOn: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
