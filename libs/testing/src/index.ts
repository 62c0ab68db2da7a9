export * from './decider-specification';
export * from './command-context';
