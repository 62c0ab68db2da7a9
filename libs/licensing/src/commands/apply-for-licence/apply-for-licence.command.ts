import type { CommandContext } from '@ree/platform';
import type { LicenceAppliedData, LicenceScreenedData } from '../../licence/licence.events';

/**
 * An exporter applies for a licence. The handler has already screened the consignee and the
 * end user against the restricted list: the result comes in with the command.
 */
export class ApplyForLicenceCommand {
  constructor(
    readonly application: LicenceAppliedData,
    readonly screening: LicenceScreenedData,
    readonly context: CommandContext,
  ) {}
}
