import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
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
import { RecordProcessingStepHandler } from './commands/record-processing-step/record-processing-step.handler';
import { RecordProcessingStepHttpController } from './commands/record-processing-step/record-processing-step.http.controller';
import { RegisterConsignmentHandler } from './commands/register-consignment/register-consignment.handler';
import { RegisterConsignmentHttpController } from './commands/register-consignment/register-consignment.http.controller';

/**
 * Consignments over HTTP: registration, provenance (mining sources drawing the mines' quotas,
 * processing steps, and their corrections), cancel and close. Expects the application to provide
 * `EVENT_STORE`. The licence, end-use and shipment commands come next, with the review read model.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterConsignmentHttpController,
    DeclareMiningSourceHttpController,
    CorrectMiningSourceHttpController,
    RecordProcessingStepHttpController,
    CorrectProcessingStepHttpController,
    CancelConsignmentHttpController,
    CloseConsignmentHttpController,
  ],
  providers: [
    MineReservations,
    RegisterConsignmentHandler,
    DeclareMiningSourceHandler,
    CorrectMiningSourceHandler,
    RecordProcessingStepHandler,
    CorrectProcessingStepHandler,
    CancelConsignmentHandler,
    CloseConsignmentHandler,
  ],
})
export class ConsignmentModule {}
