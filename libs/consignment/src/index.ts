export { ConsignmentModule } from './consignment.module';
export * from './consignment/consignment.events';
export { consignmentIdOf, consignmentStreamId } from './consignment/consignment.stream';
export { CONSIGNMENT_STATUSES, hasReached, isFinished } from './consignment/consignment.status';
export type { ConsignmentStatus } from './consignment/consignment.status';
export { currentSources, currentSteps, evolveConsignment, initialConsignmentState } from './consignment/consignment.state';
export type { ConsignmentState, Correction, MiningSource, ProcessingStep, Shipment } from './consignment/consignment.state';
export { RETURNED_ON_CANCEL } from './commands/cancel-consignment/cancel-consignment.handler';
export { RETURNED_ON_CORRECTION } from './commands/correct-mining-source/correct-mining-source.handler';
