import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { laterPosition } from '../stream-reservations';
import { ReleaseShipmentCommand, ShipmentRelease } from './release-shipment.command';
import { releaseShipmentDecider } from './release-shipment.decide';
import { shipUnderLicence } from './ship-on-licence.decide';

/**
 * the reservation pattern (docs/domain.md, "The reservation pattern") for the licence balance: the consignment side is decided first
 * (refusals touch no licence), then the shipment is recorded on the licence's stream with its
 * expected revision (`shipUnderLicence`, decided again after every concurrent write), then
 * `ShipmentReleased` is appended to the consignment. A crash or a refusal in between (a hold placed
 * meanwhile) leaves the licence showing the shipment: the next release of this consignment, with
 * or without the same Idempotency-Key, finds it there, decides nothing more on the licence and
 * completes the consignment.
 */
@CommandHandler(ReleaseShipmentCommand)
export class ReleaseShipmentHandler implements ICommandHandler<ReleaseShipmentCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly licences: LicenceReservations,
  ) {}

  async execute(command: ReleaseShipmentCommand): Promise<CommandResult<ConsignmentState>> {
    const { consignmentId, releasedOn, context, operationId } = command;
    const streamId = consignmentStreamId(consignmentId);
    const consignment = await readConsignment(this.store, streamId);
    assertExpectedRevision(streamId, consignment, context);
    const licenceId = consignment.state.licence?.licenceId;
    const licence = licenceId ? (await this.licences.current(licenceId)).state : null;
    const release: ShipmentRelease = { consignmentId, releasedOn, context, licence };
    releaseShipmentDecider.decide(release, consignment.state);
    if (!licenceId || !consignment.state.shipment) return this.appendRelease(command, release);

    const shipment = { licenceId, consignmentId, kg: consignment.state.shipment.declaration.declaredNetKg, now: context.now };
    const shipped = await this.licences.decide(licenceId, (state) => shipUnderLicence(shipment, state), operationId, context);
    const { state: after } = await this.licences.current(licenceId);
    const released = await this.appendRelease(command, { ...release, licence: after });
    return { ...released, position: laterPosition(this.store, released.position, shipped) };
  }

  private appendRelease(command: ReleaseShipmentCommand, release: ShipmentRelease): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, releaseShipmentDecider, release, consignmentOptions(command.context, streamId, command.operationId));
  }
}
