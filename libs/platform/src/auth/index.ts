export * from './roles';
export * from './actor-from-claims';
export * from './token-verifier';
export * from './development-token';
