export * from './event';
export * from './decider';
export * from './command-context';
export * from './domain-error';
export * from './deterministic-id';
export * from './kilograms';
export * from './reference-data';
export * from './stream-type';
