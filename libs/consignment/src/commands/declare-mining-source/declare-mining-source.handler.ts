import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { drawFor } from '../../consignment/reservations.decide';
import { consignmentOptions } from '../command-options';
import { MineReservations } from '../mine-reservations';
import { DeclareMiningSourceCommand, MiningSourceDeclaration } from './declare-mining-source.command';
import { declareMiningSourceDecider } from './declare-mining-source.decide';

/**
 * The reservation pattern (docs/domain.md): decide the consignment side (refusals write nothing),
 * draw the quota on the mine's stream with its expected revision, then append the declaration. A
 * crash between the two appends leaves a draw that a retry with the same Idempotency-Key completes
 * (the draw is recognised by its declaration id), unless the reconciliation has returned it
 * meanwhile: then `reservation-expired`.
 */
@CommandHandler(DeclareMiningSourceCommand)
export class DeclareMiningSourceHandler implements ICommandHandler<DeclareMiningSourceCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly mines: MineReservations,
  ) {}

  execute({ consignmentId, source, operationId, context }: DeclareMiningSourceCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(consignmentId);
    const declaration = async (): Promise<MiningSourceDeclaration> => ({ consignmentId, context, source: await this.mines.withQuotaCategory(source) });
    return handleCommand(this.store, streamId, declareMiningSourceDecider, { from: declaration }, {
      ...consignmentOptions(context, streamId, operationId),
      reserving: { operationId, reservations: (_, { source: settled }) => [this.mines.reserve(settled.mineId, { decide: drawFor(consignmentId, settled) })] },
    });
  }
}
