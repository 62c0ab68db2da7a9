import type { CommandContext } from '@ree/shared-kernel';

export interface LicenceApprovalTerms {
  /** Calendar days, YYYY-MM-DD (UTC), both included. */
  readonly validFrom: string;
  readonly validUntil: string;
  readonly conditions: readonly string[];
  /** Per item in the application's order; the requested quantities when absent. */
  readonly issuedQuantityKg?: readonly number[];
}

/** A licensing officer approves an application: the first of two signatures. Its handler screens the parties again. */
export class ApproveLicenceCommand {
  constructor(
    readonly licenceId: string,
    readonly terms: LicenceApprovalTerms,
    readonly context: CommandContext,
  ) {}
}
