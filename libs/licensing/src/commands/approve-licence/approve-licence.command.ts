import type { CommandContext } from '@ree/platform';
import type { LicenceScreenedData } from '../../licence/licence.events';

export interface LicenceApprovalTerms {
  /** Calendar days, YYYY-MM-DD (UTC), both included. */
  readonly validFrom: string;
  readonly validUntil: string;
  readonly conditions: readonly string[];
  /** Per item in the application's order; the requested quantities when absent. */
  readonly issuedQuantityKg?: readonly number[];
}

/**
 * A licensing officer approves an application: the first of the two signatures. The handler
 * screens the parties again at this moment and passes the fresh result in.
 */
export class ApproveLicenceCommand {
  constructor(
    readonly licenceId: string,
    readonly terms: LicenceApprovalTerms,
    readonly screening: LicenceScreenedData,
    readonly context: CommandContext,
  ) {}
}
