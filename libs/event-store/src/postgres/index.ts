export * from './postgres-event-store';
export * from './create-event-store-pool';
export { appendWithClient } from './append-statement';
export { continuePositions, restoreStepMissing, type PositionEpochStep } from './position-epochs';
