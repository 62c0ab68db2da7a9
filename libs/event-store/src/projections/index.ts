export * from './projection';
export * from './projection-state';
export * from './projector';
export * from './projector-options';
export * from './read-model-positions';
export { loadCheckpoints, type StoredCheckpoint } from './checkpoint-table';
export { type RebuildOptions, ProjectorStoppedError } from './rebuild-progress';
export { loadRebuilds, type RebuildMode, type RebuildPhase, type StoredRebuild } from './rebuild-table';
export { RebuildInProgressError, RebuildSupersededError, rebuildNameOf } from './blue-green-rebuild';
