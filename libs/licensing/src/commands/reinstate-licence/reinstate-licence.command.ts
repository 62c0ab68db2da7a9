import type { CommandContext } from '@ree/platform';
import type { LicenceScreenedData } from '../../licence/licence.events';

/** A licensing officer lifts a suspension. The handler screens the parties again and passes the result in. */
export class ReinstateLicenceCommand {
  constructor(
    readonly licenceId: string,
    readonly reason: string,
    readonly screening: LicenceScreenedData,
    readonly context: CommandContext,
  ) {}
}
