/** Who the caller is: bearer tokens, their claims and the roles. */
export * from './actor-from-claims';
export * from './development-token';
export * from './roles';
export * from './token-verifier';
