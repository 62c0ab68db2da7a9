import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { DeclareShipmentCommand } from './declare-shipment.command';
import { declareShipmentDecider } from './declare-shipment.decide';

/**
 * Reads the licence the consignment is attached to (its own stream as of now: a suspension since
 * the attach counts), then decides and appends the declaration on the consignment alone:
 * declaring reserves nothing, the licence records the shipment at release.
 */
@CommandHandler(DeclareShipmentCommand)
export class DeclareShipmentHandler implements ICommandHandler<DeclareShipmentCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly licences: LicenceReservations,
  ) {}

  async execute(command: DeclareShipmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    const consignment = await readConsignment(this.store, streamId);
    assertExpectedRevision(streamId, consignment, command.context);
    const licenceId = consignment.state.licence?.licenceId;
    const licence = licenceId ? (await this.licences.current(licenceId)).state : null;
    const declaration = { consignmentId: command.consignmentId, shipment: command.shipment, context: command.context, licence };
    return handleCommand(this.store, streamId, declareShipmentDecider, declaration, consignmentOptions(command.context, streamId, command.operationId));
  }
}
