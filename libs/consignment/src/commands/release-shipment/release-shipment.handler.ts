import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { LicenceState } from '@ree/licensing';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { ReleaseShipmentCommand, ShipmentRelease } from './release-shipment.command';
import { releaseShipmentDecider } from './release-shipment.decide';
import { shipUnderLicence } from './ship-on-licence.decide';

/**
 * The reservation pattern (docs/domain.md) for the licence balance: the consignment side is
 * decided first on the licence's own stream as of now (refusals touch no licence), then the
 * shipment is recorded on the licence with its expected revision (`shipUnderLicence`), then
 * `ShipmentReleased`. A crash or a refusal in between (a hold placed meanwhile) leaves the licence
 * showing the shipment: the next release of this consignment, with or without the same
 * Idempotency-Key, finds it there, decides nothing more on the licence and completes the consignment.
 */
@CommandHandler(ReleaseShipmentCommand)
export class ReleaseShipmentHandler implements ICommandHandler<ReleaseShipmentCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly licences: LicenceReservations,
  ) {}

  execute({ consignmentId, releasedOn, context, operationId }: ReleaseShipmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(consignmentId);
    const release = async ({ licence }: ConsignmentState): Promise<ShipmentRelease> => ({
      consignmentId,
      releasedOn,
      context,
      licence: licence ? (await this.licences.current(licence.licenceId)).state : null,
    });
    return handleCommand(this.store, streamId, releaseShipmentDecider, { from: release }, {
      ...consignmentOptions(context, streamId, operationId),
      reserving: {
        operationId,
        reservations: ({ licence, shipment }) => {
          if (!licence || !shipment) return [];
          const shipped = { licenceId: licence.licenceId, consignmentId, kg: shipment.declaration.declaredNetKg, now: context.now };
          return [this.licences.reserve(licence.licenceId, { decide: (state: LicenceState) => shipUnderLicence(shipped, state) })];
        },
      },
    });
  }
}
