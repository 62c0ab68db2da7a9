export * from './domain-error';
export * from './deterministic-id';
export * from './kilograms';
export * from './reference-data';
