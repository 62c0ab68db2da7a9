import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { MineState } from '../../mine/mine.state';
import { mineStream, mineStreamId } from '../../mine/mine.stream';
import { commandOptions } from '../command-options';
import { RegisterMineCommand } from './register-mine.command';
import { registerMineDecider } from './register-mine.decide';

@CommandHandler(RegisterMineCommand)
export class RegisterMineHandler implements ICommandHandler<RegisterMineCommand, CommandResult<MineState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RegisterMineCommand): Promise<CommandResult<MineState>> {
    const streamId = mineStreamId(command.mine.mineId);
    return handleCommand(this.store, streamId, registerMineDecider, command, commandOptions(command.context, streamId, mineStream));
  }
}
