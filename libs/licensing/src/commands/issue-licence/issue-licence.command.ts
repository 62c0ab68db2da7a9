import type { CommandContext } from '@ree/shared-kernel';

/** A second licensing officer countersigns an approved licence, which issues it. Its handler screens the parties again. */
export class IssueLicenceCommand {
  constructor(
    readonly licenceId: string,
    readonly context: CommandContext,
  ) {}
}
