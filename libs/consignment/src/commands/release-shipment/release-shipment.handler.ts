import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { evolveLicence, initialLicenceState, LICENCE_SCHEMA_VERSIONS, licenceStreamId } from '@ree/licensing';
import { eventIdsFrom } from '@ree/shared-kernel';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { readLicence } from '../declare-shipment/licence-on-file';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { ReleaseShipmentCommand } from './release-shipment.command';
import { releaseShipmentDecider } from './release-shipment.decide';
import { shipUnderLicence } from './ship-on-licence.decide';

/**
 * Every lost race on the licence means another consignment allocated or shipped on it; it is
 * settled by deciding again, like the mines' draws.
 */
const LICENCE_RETRIES = 64;

/**
 * DOMAIN.md's reservation pattern for the licence balance: the consignment side is decided first
 * (refusals touch no licence), then the shipment is recorded on the licence's stream with its
 * expected revision (`shipUnderLicence`), then `ShipmentReleased` is appended to the consignment.
 * A crash or a refusal in between (a hold placed meanwhile) leaves the licence showing the
 * shipment: the next release of this consignment, with or without the same Idempotency-Key,
 * finds it there, decides nothing more on the licence and completes the consignment.
 */
@CommandHandler(ReleaseShipmentCommand)
export class ReleaseShipmentHandler implements ICommandHandler<ReleaseShipmentCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(command: ReleaseShipmentCommand): Promise<CommandResult<ConsignmentState>> {
    const { consignmentId, releasedOn, context, operationId } = command;
    const streamId = consignmentStreamId(consignmentId);
    const consignment = await readConsignment(this.store, streamId);
    assertExpectedRevision(streamId, consignment, context);
    const licenceId = consignment.state.licence?.licenceId;
    const licence = licenceId ? await readLicence(this.store, licenceId) : null;
    const release = { consignmentId, releasedOn, context, licence };
    releaseShipmentDecider.decide(release, consignment.state);
    if (!licenceId || !consignment.state.shipment) return this.releaseOnConsignment(command, release);

    const licenceStream = licenceStreamId(licenceId);
    const shipment = { licenceId, consignmentId, kg: consignment.state.shipment.declaration.declaredNetKg, now: context.now };
    const onLicence = await handleCommand(
      this.store,
      licenceStream,
      { decide: shipUnderLicence, evolve: evolveLicence, initialState: initialLicenceState },
      shipment,
      {
        metadata: { actor: context.actor, correlationId: context.correlationId },
        eventId: eventIdsFrom(operationId, licenceStream),
        schemaVersions: LICENCE_SCHEMA_VERSIONS,
        retries: LICENCE_RETRIES,
      },
    );
    const released = await this.releaseOnConsignment(command, { ...release, licence: onLicence.state });
    return { ...released, position: this.later(released.position, onLicence.position) };
  }

  private releaseOnConsignment(command: ReleaseShipmentCommand, release: Parameters<typeof releaseShipmentDecider.decide>[0]) {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, releaseShipmentDecider, release, consignmentOptions(command.context, streamId, command.operationId));
  }

  /** The later of two global positions, so that `X-Min-Position` on GET /licences/{id} shows the shipment. */
  private later(a: string | null, b: string | null): string | null {
    if (a === null || b === null) return a ?? b;
    return this.store.comparePositions(a, b) >= 0 ? a : b;
  }
}
