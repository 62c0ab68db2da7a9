/** HTTP conventions shared by every controller: problem details, command responses, pagination, validators. */
export * from './command-context';
export * from './command-response';
export * from './page.request.dto';
export * from './pagination';
export * from './parse-id.pipe';
export * from './party.request.dto';
export * from './problem-details';
export * from './read-model-positions.port';
export * from './validators';
