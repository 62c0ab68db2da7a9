import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { drawMiningQuota, MineState, returnMiningQuota } from '@ree/registry';
import { ConsignmentState, MiningSource } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { quotaCategoryFor } from '../declare-mining-source/quota-category';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { inTurn, MineReservations } from '../mine-reservations';
import { CorrectMiningSourceCommand, MiningSourceCorrection } from './correct-mining-source.command';
import { correctMiningSourceDecider } from './correct-mining-source.decide';
import { refuseReturnedDraw } from '../../reconciliation/reconcile-draw.decide';

/** Why a draw is given back when its source is corrected (MiningQuotaReturned.reason). */
export const RETURNED_ON_CORRECTION = 'mining-source-corrected';

/**
 * The quota follows the correction by the reservation pattern: the old declaration's draw is
 * returned and the new one drawn before the correction is appended. On one mine both go in one
 * append, so that a correction downwards on a spent quota passes; across mines the new draw
 * comes first, so that a `quota-exceeded` refusal leaves the old draw untouched.
 */
@CommandHandler(CorrectMiningSourceCommand)
export class CorrectMiningSourceHandler implements ICommandHandler<CorrectMiningSourceCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly mines: MineReservations,
  ) {}

  async execute(command: CorrectMiningSourceCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    const consignment = await readConsignment(this.store, streamId);
    assertExpectedRevision(streamId, consignment, command.context);
    const { state } = consignment;
    const { depositType } = await this.mines.registration(command.correction.mineId);
    const category = quotaCategoryFor(depositType, command.correction.category);
    const resolved: MiningSourceCorrection = { ...command, correction: { ...command.correction, category } };
    correctMiningSourceDecider.decide(resolved, state);
    await this.moveDraw(state.sources[resolved.correction.correctsId], resolved, command.operationId);
    return handleCommand(this.store, streamId, correctMiningSourceDecider, resolved, consignmentOptions(command.context, streamId, command.operationId));
  }

  private async moveDraw(original: MiningSource, { consignmentId, correction, context }: MiningSourceCorrection, operationId: string): Promise<void> {
    const giveBack = {
      mineId: original.mineId,
      year: original.quotaYear,
      category: original.category,
      consignmentId,
      declarationId: original.declarationId,
      reason: RETURNED_ON_CORRECTION,
    };
    const take = {
      mineId: correction.mineId,
      year: correction.quotaYear,
      category: correction.category,
      kgReo: correction.kgReo,
      consignmentId,
      declarationId: correction.declarationId,
    };
    const returnOld = (mine: MineState) => returnMiningQuota(giveBack, mine);
    const drawNew = (mine: MineState) => {
      refuseReturnedDraw(mine, correction.declarationId);
      return drawMiningQuota(take, mine);
    };
    if (original.mineId === correction.mineId) {
      await this.mines.decide(correction.mineId, inTurn(returnOld, drawNew), operationId, context);
      return;
    }
    await this.mines.decide(correction.mineId, drawNew, operationId, context);
    await this.mines.decide(original.mineId, returnOld, operationId, context);
  }
}
