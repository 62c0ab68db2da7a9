import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { RecordArrivalCommand } from './record-arrival.command';
import { recordArrivalDecider } from './record-arrival.decide';

@CommandHandler(RecordArrivalCommand)
export class RecordArrivalHandler implements ICommandHandler<RecordArrivalCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordArrivalCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, recordArrivalDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
