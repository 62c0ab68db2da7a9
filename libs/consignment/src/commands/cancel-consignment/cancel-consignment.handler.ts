import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { CancelConsignmentCommand } from './cancel-consignment.command';
import { cancelConsignmentDecider } from './cancel-consignment.decide';

/**
 * Appends the cancellation alone. What it gives back (every draw of the sources in force, what
 * the consignment holds on its licence) follows from the event: the give-back reactor
 * (`jobs/give-back.job.ts`) returns it durably and once, shortly after the answer. A retry with
 * the same Idempotency-Key finds its own cancellation by its event id and answers it again.
 */
@CommandHandler(CancelConsignmentCommand)
export class CancelConsignmentHandler implements ICommandHandler<CancelConsignmentCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: CancelConsignmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    const options = consignmentOptions(command.context, streamId, command.operationId);
    return handleCommand(this.store, streamId, cancelConsignmentDecider, command, { ...options, answerWhenWritten: true });
  }
}
