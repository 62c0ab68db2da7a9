import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { RecordEndUseCheckCommand } from './record-end-use-check.command';
import { recordEndUseCheckDecider } from './record-end-use-check.decide';

@CommandHandler(RecordEndUseCheckCommand)
export class RecordEndUseCheckHandler implements ICommandHandler<RecordEndUseCheckCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordEndUseCheckCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, recordEndUseCheckDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
