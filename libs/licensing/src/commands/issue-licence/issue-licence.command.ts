import type { CommandContext } from '@ree/platform';
import type { LicenceScreenedData } from '../../licence/licence.events';

/**
 * A second licensing officer countersigns an approved licence, which issues it. The handler
 * screens the parties again at this moment and passes the fresh result in.
 */
export class IssueLicenceCommand {
  constructor(
    readonly licenceId: string,
    readonly screening: LicenceScreenedData,
    readonly context: CommandContext,
  ) {}
}
