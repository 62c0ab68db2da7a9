import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { RegisterConsignmentCommand } from './register-consignment.command';
import { registerConsignmentDecider } from './register-consignment.decide';

@CommandHandler(RegisterConsignmentCommand)
export class RegisterConsignmentHandler implements ICommandHandler<RegisterConsignmentCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RegisterConsignmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignment.consignmentId);
    return handleCommand(this.store, streamId, registerConsignmentDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
