export * from './projection';
export * from './projection-state';
export * from './projector';
export * from './projector-options';
export * from './read-model-positions';
export { loadCheckpoints, type StoredCheckpoint } from './checkpoint-table';
