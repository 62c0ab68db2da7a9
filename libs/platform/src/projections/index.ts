/** Running projections: the projector module, read-model positions and rebuild jobs. */
export * from './projector.module';
export * from './read-model-positions.module';
export * from './rebuild-projection.job';
export * from './rebuild-projection.worker';
