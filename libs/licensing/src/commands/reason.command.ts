import type { CommandContext } from '@ree/shared-kernel';

/** An officer's step on a licence that needs nothing but a reason (reject, suspend, revoke). */
export abstract class LicenceReasonCommand {
  constructor(
    readonly licenceId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
