import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegistryModule } from '@ree/registry';
import { ClassificationFacts } from './commands/classification-facts';
import { NotifyLicenceRequirementHandler } from './commands/notify-licence-requirement/notify-licence-requirement.handler';
import { NotifyLicenceRequirementHttpController } from './commands/notify-licence-requirement/notify-licence-requirement.http.controller';
import { AttachLicenceHandler } from './commands/attach-licence/attach-licence.handler';
import { AttachLicenceHttpController } from './commands/attach-licence/attach-licence.http.controller';
import { CancelConsignmentHandler } from './commands/cancel-consignment/cancel-consignment.handler';
import { CancelConsignmentHttpController } from './commands/cancel-consignment/cancel-consignment.http.controller';
import { CloseConsignmentHandler } from './commands/close-consignment/close-consignment.handler';
import { CloseConsignmentHttpController } from './commands/close-consignment/close-consignment.http.controller';
import { MineReservations } from './commands/mine-reservations';
import { CorrectMiningSourceHandler } from './commands/correct-mining-source/correct-mining-source.handler';
import { CorrectMiningSourceHttpController } from './commands/correct-mining-source/correct-mining-source.http.controller';
import { CorrectProcessingStepHandler } from './commands/correct-processing-step/correct-processing-step.handler';
import { CorrectProcessingStepHttpController } from './commands/correct-processing-step/correct-processing-step.http.controller';
import { DeclareMiningSourceHandler } from './commands/declare-mining-source/declare-mining-source.handler';
import { DeclareMiningSourceHttpController } from './commands/declare-mining-source/declare-mining-source.http.controller';
import { FileEndUseDeclarationHandler } from './commands/file-end-use-declaration/file-end-use-declaration.handler';
import { FileEndUseDeclarationHttpController } from './commands/file-end-use-declaration/file-end-use-declaration.http.controller';
import { LicenceReservations } from './commands/licence-reservations';
import { DeclareShipmentHandler } from './commands/declare-shipment/declare-shipment.handler';
import { DeclareShipmentHttpController } from './commands/declare-shipment/declare-shipment.http.controller';
import { HoldShipmentHandler } from './commands/hold-shipment/hold-shipment.handler';
import { HoldShipmentHttpController } from './commands/hold-shipment/hold-shipment.http.controller';
import { InspectShipmentHandler } from './commands/inspect-shipment/inspect-shipment.handler';
import { InspectShipmentHttpController } from './commands/inspect-shipment/inspect-shipment.http.controller';
import { LiftShipmentHoldHandler } from './commands/lift-shipment-hold/lift-shipment-hold.handler';
import { LiftShipmentHoldHttpController } from './commands/lift-shipment-hold/lift-shipment-hold.http.controller';
import { RecordArrivalHandler } from './commands/record-arrival/record-arrival.handler';
import { RecordArrivalHttpController } from './commands/record-arrival/record-arrival.http.controller';
import { RecordDepartureHandler } from './commands/record-departure/record-departure.handler';
import { RecordDepartureHttpController } from './commands/record-departure/record-departure.http.controller';
import { RecordEndUseCheckHandler } from './commands/record-end-use-check/record-end-use-check.handler';
import { RecordEndUseCheckHttpController } from './commands/record-end-use-check/record-end-use-check.http.controller';
import { ReleaseShipmentHandler } from './commands/release-shipment/release-shipment.handler';
import { ReleaseShipmentHttpController } from './commands/release-shipment/release-shipment.http.controller';
import { RecordProcessingStepHandler } from './commands/record-processing-step/record-processing-step.handler';
import { RecordProcessingStepHttpController } from './commands/record-processing-step/record-processing-step.http.controller';
import { RegisterConsignmentHandler } from './commands/register-consignment/register-consignment.handler';
import { RegisterConsignmentHttpController } from './commands/register-consignment/register-consignment.http.controller';

/**
 * Consignments over HTTP: registration, provenance (mining sources drawing the mines' quotas,
 * processing steps, and their corrections), the licence and the end-use declaration, customs'
 * shipment steps (the release recording the shipment on the licence), the end-use check, cancel
 * and close. Expects the application to provide `EVENT_STORE`; the reads are the review's.
 */
@Module({
  imports: [CqrsModule, RegistryModule],
  controllers: [
    RegisterConsignmentHttpController,
    DeclareMiningSourceHttpController,
    CorrectMiningSourceHttpController,
    RecordProcessingStepHttpController,
    CorrectProcessingStepHttpController,
    AttachLicenceHttpController,
    FileEndUseDeclarationHttpController,
    CancelConsignmentHttpController,
    CloseConsignmentHttpController,
    DeclareShipmentHttpController,
    InspectShipmentHttpController,
    HoldShipmentHttpController,
    LiftShipmentHoldHttpController,
    ReleaseShipmentHttpController,
    RecordDepartureHttpController,
    RecordArrivalHttpController,
    RecordEndUseCheckHttpController,
    NotifyLicenceRequirementHttpController,
  ],
  providers: [
    MineReservations,
    LicenceReservations,
    ClassificationFacts,
    NotifyLicenceRequirementHandler,
    RegisterConsignmentHandler,
    DeclareMiningSourceHandler,
    CorrectMiningSourceHandler,
    RecordProcessingStepHandler,
    CorrectProcessingStepHandler,
    AttachLicenceHandler,
    FileEndUseDeclarationHandler,
    CancelConsignmentHandler,
    CloseConsignmentHandler,
    DeclareShipmentHandler,
    InspectShipmentHandler,
    HoldShipmentHandler,
    LiftShipmentHoldHandler,
    ReleaseShipmentHandler,
    RecordDepartureHandler,
    RecordArrivalHandler,
    RecordEndUseCheckHandler,
  ],
})
export class ConsignmentModule {}
