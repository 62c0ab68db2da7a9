import type { CommandContext } from '@ree/shared-kernel';
import type { LicenceAppliedData } from '../../licence/licence.events';

/** An exporter applies for a licence; its handler screens the consignee and the end user at once. */
export class ApplyForLicenceCommand {
  constructor(
    readonly application: LicenceAppliedData,
    readonly context: CommandContext,
  ) {}
}
