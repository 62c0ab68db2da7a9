import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { allocateOnLicence, LicenceState } from '@ree/licensing';
import { visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { allocationExpired, RELEASED_ON_REFUSAL, releaseHeldBy } from '../../consignment/reservations.decide';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { AttachLicenceCommand, LicenceAttachment } from './attach-licence.command';
import { attachLicenceDecider } from './attach-licence.decide';

/**
 * The reservation pattern (docs/domain.md): the consignment side is decided first (refusals write
 * nothing), then `allocateOnLicence` on the licence's stream, then `LicenceAttached`. A retry with
 * the same Idempotency-Key finds its allocation and completes the attachment, unless the
 * reconciliation released it meanwhile (`reservation-expired`). When the consignment then refuses
 * (a concurrent attach or cancel), the pipeline releases the allocation at once.
 */
@CommandHandler(AttachLicenceCommand)
export class AttachLicenceHandler implements ICommandHandler<AttachLicenceCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly licences: LicenceReservations,
  ) {}

  execute({ consignmentId, licenceId, kg, operationId, context }: AttachLicenceCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(consignmentId);
    const attachment = (state: ConsignmentState): LicenceAttachment => {
      const { quantityKg } = visibleRegistration(state, consignmentId, context.actor);
      return { consignmentId, licenceId, allocatedKg: kg ?? quantityKg, context };
    };
    return handleCommand(this.store, streamId, attachLicenceDecider, { from: attachment }, {
      ...consignmentOptions(context, streamId, operationId),
      reserving: {
        operationId,
        reservations: ({ registration }, { allocatedKg }) => {
          const { exporterOrg, hsCode, element, destinationCountry } = registration!;
          const allocation = { licenceId, consignmentId, exporterOrg, hsCode, element, destinationCountry, kg: allocatedKg, now: context.now };
          const decide = (licence: LicenceState) => allocateOnLicence(allocation, licence);
          const giveBack = releaseHeldBy(consignmentId, licenceId, RELEASED_ON_REFUSAL);
          return [this.licences.reserve(licenceId, { decide, giveBack, whenUndone: () => allocationExpired(consignmentId, licenceId) })];
        },
      },
    });
  }
}
