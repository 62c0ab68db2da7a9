import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { drawMiningQuota, MineState } from '@ree/registry';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { assertExpectedRevision, readConsignment } from '../read-consignment';
import { MineReservations } from '../mine-reservations';
import { refuseReturnedDraw } from '../../reconciliation/reconcile-draw.decide';
import { DeclareMiningSourceCommand } from './declare-mining-source.command';
import { declareMiningSourceDecider } from './declare-mining-source.decide';
import { quotaCategoryFor } from './quota-category';

/**
 * the reservation pattern (docs/domain.md, "The reservation pattern"): decide the consignment side (refusals write nothing), draw the
 * quota on the mine's stream with its expected revision, then append the declaration to the
 * consignment. A crash between the two appends leaves a draw that a retry with the same
 * Idempotency-Key completes (the draw is recognised by its declaration id, not drawn again),
 * unless the reconciliation has returned that draw meanwhile: then `reservation-expired`.
 */
@CommandHandler(DeclareMiningSourceCommand)
export class DeclareMiningSourceHandler implements ICommandHandler<DeclareMiningSourceCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly mines: MineReservations,
  ) {}

  async execute(command: DeclareMiningSourceCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    const consignment = await readConsignment(this.store, streamId);
    assertExpectedRevision(streamId, consignment, command.context);
    const { state } = consignment;
    const { depositType } = await this.mines.registration(command.source.mineId);
    const category = quotaCategoryFor(depositType, command.source.category);
    const declaration = { ...command, source: { ...command.source, category } };
    declareMiningSourceDecider.decide(declaration, state);
    const { mineId, quotaYear: year, kgReo, declarationId } = declaration.source;
    const draw = { mineId, year, category, kgReo, consignmentId: command.consignmentId, declarationId };
    const drawUnlessReturned = (mine: MineState) => {
      refuseReturnedDraw(mine, declarationId);
      return drawMiningQuota(draw, mine);
    };
    await this.mines.decide(mineId, drawUnlessReturned, command.operationId, command.context);
    return handleCommand(this.store, streamId, declareMiningSourceDecider, declaration, consignmentOptions(command.context, streamId, command.operationId));
  }
}
