import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { RecordDepartureCommand } from './record-departure.command';
import { recordDepartureDecider } from './record-departure.decide';

@CommandHandler(RecordDepartureCommand)
export class RecordDepartureHandler implements ICommandHandler<RecordDepartureCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordDepartureCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, recordDepartureDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
