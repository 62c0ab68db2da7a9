import type { CommandContext } from '@ree/shared-kernel';
import type { MineRegisteredData } from '../../mine/mine.events';

/** A licensing officer enters a mine, with its mining licence, into the registry. */
export class RegisterMineCommand {
  constructor(
    readonly mine: MineRegisteredData,
    readonly context: CommandContext,
  ) {}
}
