import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { utcDay } from '../../consignment/classification';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { ClassificationFacts } from '../classification-facts';
import { consignmentOptions } from '../command-options';
import { ConsignmentRegistration, RegisterConsignmentCommand } from './register-consignment.command';
import { registerConsignmentDecider } from './register-consignment.decide';

/** Reads the control list in force on the registration's day (UTC), then decides and appends registration and classification together. */
@CommandHandler(RegisterConsignmentCommand)
export class RegisterConsignmentHandler implements ICommandHandler<RegisterConsignmentCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: ClassificationFacts,
  ) {}

  execute(command: RegisterConsignmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignment.consignmentId);
    const registration = async (): Promise<ConsignmentRegistration> => ({
      consignment: command.consignment,
      context: command.context,
      list: await this.facts.listOn(utcDay(command.context.now)),
    });
    return handleCommand(this.store, streamId, registerConsignmentDecider, { from: registration }, consignmentOptions(command.context, streamId, command.operationId));
  }
}
