import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { endorseDeclaration, LicenceState } from '@ree/licensing';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { endorsementWithdrawn, WITHDRAWN_ON_REFUSAL, withdrawEndorsementOf } from '../../consignment/reservations.decide';
import { ClassificationFacts } from '../classification-facts';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { DeclareShipmentCommand, ShipmentDeclaration } from './declare-shipment.command';
import { declareShipmentDecider } from './declare-shipment.decide';

/**
 * Reads the licence the consignment is attached to (its own stream as of now: a suspension since
 * the attach counts), the control list in force on `declaredOn` and the end user's screening
 * (`ClassificationFacts`), and decides the classification and the declaration; then, with a licence
 * attached, the reservation pattern (docs/domain.md): customs endorses the declaration on the
 * licence (`endorseDeclaration`, refused by the licence kind's limits: single use, 12 declarations,
 * its customs office), then `ConsignmentClassified` and `ShipmentDeclared`. When the consignment
 * then refuses (a concurrent cancel), the pipeline withdraws the endorsement at once. Without a
 * licence (an item that needs none) nothing is reserved. The licence records the quantity shipped
 * at release.
 */
@CommandHandler(DeclareShipmentCommand)
export class DeclareShipmentHandler implements ICommandHandler<DeclareShipmentCommand, CommandResult<ConsignmentState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly licences: LicenceReservations,
    private readonly facts: ClassificationFacts,
  ) {}

  execute({ consignmentId, shipment, context, operationId }: DeclareShipmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(consignmentId);
    const declaration = async (state: ConsignmentState): Promise<ShipmentDeclaration> => ({
      consignmentId,
      shipment,
      context,
      licence: state.licence ? (await this.licences.current(state.licence.licenceId)).state : null,
      list: await this.facts.listOn(shipment.declaredOn),
      endUserMatches: await this.facts.endUserMatches(state),
    });
    return handleCommand(this.store, streamId, declareShipmentDecider, { from: declaration }, {
      ...consignmentOptions(context, streamId, operationId),
      reserving: {
        operationId,
        reservations: ({ licence }) => {
          if (!licence) return [];
          const { licenceId } = licence;
          const { customsDeclarationNo, portOfExport: customsOffice, declaredNetKg: kg, declaredOn: endorsedOn } = shipment;
          const endorsement = { licenceId, consignmentId, customsDeclarationNo, customsOffice, kg, endorsedOn, now: context.now };
          return [
            this.licences.reserve(licenceId, {
              decide: (state: LicenceState) => endorseDeclaration(endorsement, state),
              giveBack: withdrawEndorsementOf(consignmentId, licenceId, WITHDRAWN_ON_REFUSAL),
              whenUndone: () => endorsementWithdrawn(consignmentId, licenceId),
            }),
          ];
        },
      },
    });
  }
}
