export * from './command-context';
export * from './command-response';
export * from './problem-details';
export * from './read-model-positions.port';
export * from './validators';
export * from './pagination';
export * from './page.request.dto';
export * from './party.request.dto';
