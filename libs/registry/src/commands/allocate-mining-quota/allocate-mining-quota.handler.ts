import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { MineState } from '../../mine/mine.state';
import { mineStream, mineStreamId } from '../../mine/mine.stream';
import { commandOptions } from '../command-options';
import { AllocateMiningQuotaCommand } from './allocate-mining-quota.command';
import { allocateMiningQuotaDecider } from './allocate-mining-quota.decide';

@CommandHandler(AllocateMiningQuotaCommand)
export class AllocateMiningQuotaHandler implements ICommandHandler<AllocateMiningQuotaCommand, CommandResult<MineState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: AllocateMiningQuotaCommand): Promise<CommandResult<MineState>> {
    const streamId = mineStreamId(command.mineId);
    return handleCommand(this.store, streamId, allocateMiningQuotaDecider, command, commandOptions(command.context, streamId, mineStream));
  }
}
