import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventIdConflictError, EventStore, handleCommand } from '@ree/event-store';
import { allocateOnLicence, heldGrams, LicenceState, releaseOnLicence } from '@ree/licensing';
import { DomainRuleViolation, toKilograms } from '@ree/shared-kernel';
import { visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { laterPosition } from '../stream-reservations';
import { AttachLicenceCommand, LicenceAttachment } from './attach-licence.command';

/** Why an allocation is given back at once when its consignment refused the attachment (LicenceAllocationReleased.reason). */
export const RELEASED_ON_REFUSAL = 'attachment-refused';
import { attachLicenceDecider } from './attach-licence.decide';

/**
 * the reservation pattern (docs/domain.md, "The reservation pattern"): decide the consignment side (refusals write nothing),
 * allocate on the licence's stream with its expected revision, then append `LicenceAttached`.
 * A crash between the two appends leaves an allocation that a retry with the same
 * Idempotency-Key completes: `allocateOnLicence` recognises the consignment's own allocation and
 * appends nothing, and the attachment's event id is the same as the first time. Once the
 * reconciliation has released that orphaned allocation, the retry is refused
 * (`reservation-expired`) instead of being recorded against nothing: the exporter attaches again
 * with a new Idempotency-Key, which allocates afresh. When the consignment refuses after the
 * allocation (another licence attached meanwhile by a concurrent request, or a cancel), the
 * allocation is released at once rather than left to the reconciliation.
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
    const allocated = await this.licences
      .decide(licenceId, (licence) => allocateOnLicence(allocation, licence), command.operationId, context)
      .catch((error: unknown) => {
        throw error instanceof EventIdConflictError ? expired(consignmentId, licenceId) : error;
      });
    const attached = await handleCommand(this.store, streamId, attachLicenceDecider, attachment, consignmentOptions(context, streamId, command.operationId)).catch(
      async (error: unknown) => {
        if (error instanceof DomainRuleViolation) await this.releaseRefused(command);
        throw error;
      },
    );
    return { ...attached, position: laterPosition(this.store, attached.position, allocated) };
  }

  /** Gives back what the consignment holds on this licence: the consignment never recorded it. */
  private async releaseRefused({ consignmentId, licenceId, operationId, context }: AttachLicenceCommand): Promise<void> {
    const release = (licence: LicenceState) => {
      const allocation = licence.allocations[consignmentId];
      const held = allocation ? heldGrams(allocation) : 0;
      return held === 0 ? [] : releaseOnLicence({ licenceId, consignmentId, kg: toKilograms(held), reason: RELEASED_ON_REFUSAL }, licence);
    };
    await this.licences.decide(licenceId, release, `${operationId}:${RELEASED_ON_REFUSAL}`, context);
  }
}

/**
 * This operation's allocation is on the licence already but no longer held (the licensing decider
 * answers an allocation still held with nothing): the reconciliation released it as orphaned.
 */
const expired = (consignmentId: string, licenceId: string): DomainRuleViolation =>
  new DomainRuleViolation(
    'reservation-expired',
    `The allocation for consignment ${consignmentId} on licence ${licenceId} was released because the attachment was not recorded in time; attach the licence again with a new Idempotency-Key`,
  );
