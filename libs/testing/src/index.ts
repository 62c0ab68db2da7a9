export * from './eventually';
export * from './decider-specification';
export * from './command-context';
export * from './recorded-events';
export * from './test-database';
export * from './projector-harness';
