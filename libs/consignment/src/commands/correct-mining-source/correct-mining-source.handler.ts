import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { drawFor, inTurn, RETURNED_ON_CORRECTION, returnDrawOf } from '../../consignment/reservations.decide';
import { consignmentOptions } from '../command-options';
import { MineReservations } from '../mine-reservations';
import { CorrectMiningSourceCommand, MiningSourceCorrection } from './correct-mining-source.command';
import { correctMiningSourceDecider } from './correct-mining-source.decide';

/**
 * The new declaration's draw is reserved before the correction is appended; the old one is given
 * back by the give-back reactor once `MiningSourceCorrected` is recorded. On one mine both go in
 * the reservation's one append, so that a correction downwards on a spent quota passes (the
 * reactor then finds the old draw returned); across mines a `quota-exceeded` refusal leaves the
 * old draw and the consignment untouched.
 */
@CommandHandler(CorrectMiningSourceCommand)
export class CorrectMiningSourceHandler implements ICommandHandler<CorrectMiningSourceCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly mines: MineReservations,
  ) {}

  execute({ consignmentId, correction, operationId, context }: CorrectMiningSourceCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(consignmentId);
    const resolved = async (): Promise<MiningSourceCorrection> => ({ consignmentId, context, correction: await this.mines.withQuotaCategory(correction) });
    return handleCommand(this.store, streamId, correctMiningSourceDecider, { from: resolved }, {
      ...consignmentOptions(context, streamId, operationId),
      reserving: {
        operationId,
        reservations: ({ sources }, { correction: corrected }) => {
          const original = sources[corrected.correctsId];
          const draw = drawFor(consignmentId, corrected);
          const decide = original.mineId === corrected.mineId ? inTurn(returnDrawOf(consignmentId, original, RETURNED_ON_CORRECTION), draw) : draw;
          return [this.mines.reserve(corrected.mineId, { decide })];
        },
      },
    });
  }
}
