import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { RecordProcessingStepCommand } from './record-processing-step.command';
import { recordProcessingStepDecider } from './record-processing-step.decide';

@CommandHandler(RecordProcessingStepCommand)
export class RecordProcessingStepHandler implements ICommandHandler<RecordProcessingStepCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordProcessingStepCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, recordProcessingStepDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
