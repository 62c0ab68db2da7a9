import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { ClassificationFacts } from '../classification-facts';
import { consignmentOptions } from '../command-options';
import { LicenceReservations } from '../licence-reservations';
import { DeclareShipmentCommand, ShipmentDeclaration } from './declare-shipment.command';
import { declareShipmentDecider } from './declare-shipment.decide';

/**
 * Reads the licence the consignment is attached to (its own stream as of now: a suspension since
 * the attach counts), the control list in force on `declaredOn` and the end user's screening
 * (`ClassificationFacts`), then decides and appends the classification and the declaration on the
 * consignment alone: declaring reserves nothing, the licence records the shipment at release.
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
    return handleCommand(this.store, streamId, declareShipmentDecider, { from: declaration }, consignmentOptions(context, streamId, operationId));
  }
}
