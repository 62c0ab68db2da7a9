export * from './postgres-event-store';
export * from './create-event-store-pool';
export * from './session-settings';
export { BoundedPool, type BoundedPoolConfig } from './bounded-pool';
export { PoolOverloadedError, type OverloadReason } from './admission';
export { continuePositions, restoreStepMissing, type PositionEpochStep } from './position-epochs';
