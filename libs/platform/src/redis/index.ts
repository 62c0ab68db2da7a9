/** The Redis connection and the check of its settings. */
export * from './redis-settings';
export * from './redis.connection';
