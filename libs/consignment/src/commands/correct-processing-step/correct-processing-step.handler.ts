import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { CorrectProcessingStepCommand } from './correct-processing-step.command';
import { correctProcessingStepDecider } from './correct-processing-step.decide';

@CommandHandler(CorrectProcessingStepCommand)
export class CorrectProcessingStepHandler implements ICommandHandler<CorrectProcessingStepCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: CorrectProcessingStepCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, correctProcessingStepDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
