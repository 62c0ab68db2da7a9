import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { MineState, returnMiningQuota } from '@ree/registry';
import { eventIdsFrom } from '@ree/shared-kernel';
import { ConsignmentState, currentSources, MiningSource } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { inTurn, laterPosition, MineReservations } from '../mine-reservations';
import { CancelConsignmentCommand } from './cancel-consignment.command';
import { cancelConsignmentDecider } from './cancel-consignment.decide';

/** Why a draw is given back when its consignment is cancelled (MiningQuotaReturned.reason). */
export const RETURNED_ON_CANCEL = 'consignment-cancelled';

/**
 * Giving back runs the reservation pattern the other way round: the cancellation is appended
 * first, then every draw of the sources in force is returned, one append per mine. A crash in
 * between leaves quota held for a cancelled consignment (never more drawn than allowed); a retry
 * with the same Idempotency-Key finds its own cancellation by its event id and finishes the
 * returns, and the reconciliation job returns what a request without a key left behind.
 */
@CommandHandler(CancelConsignmentCommand)
export class CancelConsignmentHandler implements ICommandHandler<CancelConsignmentCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly mines: MineReservations,
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
    return { ...cancelled, position };
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
