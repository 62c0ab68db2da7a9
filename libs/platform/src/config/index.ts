/** The configuration read from the environment, validated once at start-up. */
export * from './app-config';
export * from './database-config';
export * from './yield-floors-config';
