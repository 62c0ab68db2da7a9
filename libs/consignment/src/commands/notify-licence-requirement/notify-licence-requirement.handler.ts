import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { NotifyLicenceRequirementCommand } from './notify-licence-requirement.command';
import { notifyLicenceRequirementDecider } from './notify-licence-requirement.decide';

@CommandHandler(NotifyLicenceRequirementCommand)
export class NotifyLicenceRequirementHandler implements ICommandHandler<NotifyLicenceRequirementCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: NotifyLicenceRequirementCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, notifyLicenceRequirementDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
