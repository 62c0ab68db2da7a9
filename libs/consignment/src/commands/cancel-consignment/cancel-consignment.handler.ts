import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { heldGrams, LicenceState, releaseOnLicence } from '@ree/licensing';
import { MineState, returnMiningQuota } from '@ree/registry';
import { eventIdsFrom, toKilograms } from '@ree/shared-kernel';
import { ConsignmentState, currentSources, MiningSource } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { LicenceReservations } from '../licence-reservations';
import { inTurn, MineReservations } from '../mine-reservations';
import { laterPosition } from '../stream-reservations';
import { CancelConsignmentCommand } from './cancel-consignment.command';
import { cancelConsignmentDecider } from './cancel-consignment.decide';

/** Why a draw or an allocation is given back when its consignment is cancelled (MiningQuotaReturned.reason, LicenceAllocationReleased.reason). */
export const RETURNED_ON_CANCEL = 'consignment-cancelled';

/**
 * Giving back runs the reservation pattern the other way round: the cancellation is appended
 * first, then every draw of the sources in force is returned, one append per mine, and what the
 * consignment holds on its licence is released. A crash in between leaves quota or licence
 * balance held for a cancelled consignment (never more drawn than allowed); a retry
 * with the same Idempotency-Key finds its own cancellation by its event id and finishes the
 * returns, and the reconciliation job returns what a request without a key left behind.
 */
@CommandHandler(CancelConsignmentCommand)
export class CancelConsignmentHandler implements ICommandHandler<CancelConsignmentCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly mines: MineReservations,
    private readonly licences: LicenceReservations,
  ) {}

  async execute(command: CancelConsignmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    const options = consignmentOptions(command.context, streamId, command.operationId);
    const consignment = await readConsignment(this.store, streamId);
    const { state, events } = consignment;
    const ownCancellation = events.find((event) => event.eventId === eventIdsFrom(command.operationId, streamId)(0));
    if (!ownCancellation) assertExpectedRevision(streamId, consignment, command.context);
    const cancelled: CommandResult<ConsignmentState> = ownCancellation
      ? { streamId, revision: events.at(-1)?.revision ?? null, position: events.at(-1)?.position ?? null, newEvents: [], state }
      : await handleCommand(this.store, streamId, cancelConsignmentDecider, command, options);
    let position = cancelled.position;
    for (const [mineId, sources] of bySourceMine(currentSources(cancelled.state))) {
      const returns = sources.map((source) => (mine: MineState) => returnMiningQuota(this.giveBack(command, source), mine));
      const returned = await this.mines.decide(mineId, inTurn(...returns), command.operationId, command.context);
      position = laterPosition(this.store, position, returned);
    }
    const { licence } = cancelled.state;
    if (licence) {
      const released = await this.licences.decide(licence.licenceId, (state) => this.release(command, licence.licenceId, state), command.operationId, command.context);
      position = laterPosition(this.store, position, released);
    }
    return { ...cancelled, position };
  }

  /** The whole of what the consignment still holds, in one release: a retry finds nothing held and appends nothing. */
  private release(command: CancelConsignmentCommand, licenceId: string, licence: LicenceState) {
    const allocation = licence.allocations[command.consignmentId];
    const held = allocation ? heldGrams(allocation) : 0;
    if (held === 0) return [];
    return releaseOnLicence({ licenceId, consignmentId: command.consignmentId, kg: toKilograms(held), reason: RETURNED_ON_CANCEL }, licence);
  }

  private giveBack(command: CancelConsignmentCommand, source: MiningSource) {
    return {
      mineId: source.mineId,
      year: source.quotaYear,
      category: source.category,
      consignmentId: command.consignmentId,
      declarationId: source.declarationId,
      reason: RETURNED_ON_CANCEL,
    };
  }
}

function bySourceMine(sources: readonly MiningSource[]): Map<string, MiningSource[]> {
  const grouped = new Map<string, MiningSource[]>();
  for (const source of sources) grouped.set(source.mineId, [...(grouped.get(source.mineId) ?? []), source]);
  return grouped;
}
