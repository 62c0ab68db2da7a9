import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { allocateOnLicence } from '@ree/licensing';
import { visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { laterPosition } from '../stream-reservations';
import { AttachLicenceCommand, LicenceAttachment } from './attach-licence.command';
import { attachLicenceDecider } from './attach-licence.decide';

/**
 * DOMAIN.md's reservation pattern: decide the consignment side (refusals write nothing),
 * allocate on the licence's stream with its expected revision, then append `LicenceAttached`.
 * A crash between the two appends leaves an allocation that a retry with the same
 * Idempotency-Key completes: `allocateOnLicence` recognises the consignment's own allocation and
 * appends nothing, and the attachment's event id is the same as the first time.
 */
@CommandHandler(AttachLicenceCommand)
export class AttachLicenceHandler implements ICommandHandler<AttachLicenceCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly licences: LicenceReservations,
  ) {}

  async execute(command: AttachLicenceCommand): Promise<CommandResult<ConsignmentState>> {
    const { consignmentId, licenceId, context } = command;
    const streamId = consignmentStreamId(consignmentId);
    const consignment = await readConsignment(this.store, streamId);
    assertExpectedRevision(streamId, consignment, context);
    const registration = visibleRegistration(consignment.state, consignmentId, context.actor);
    const attachment: LicenceAttachment = { consignmentId, licenceId, allocatedKg: command.kg ?? registration.quantityKg, context };
    attachLicenceDecider.decide(attachment, consignment.state);
    const { exporterOrg, hsCode, element, destinationCountry } = registration;
    const allocation = { licenceId, consignmentId, exporterOrg, hsCode, element, destinationCountry, kg: attachment.allocatedKg, now: context.now };
    const allocated = await this.licences.decide(licenceId, (licence) => allocateOnLicence(allocation, licence), command.operationId, context);
    const attached = await handleCommand(this.store, streamId, attachLicenceDecider, attachment, consignmentOptions(context, streamId, command.operationId));
    return { ...attached, position: laterPosition(this.store, attached.position, allocated) };
  }
}
