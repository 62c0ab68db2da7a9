/**
 * The platform's assembly: the module every app imports, the bootstrap and the start-up checks of
 * the services. Its parts have their own entry points, `@ree/platform/<part>`: auth, config,
 * database, event-store, http, jobs, observability, projections, redis.
 */
export * from './lifecycle/bootstrap';
export * from './lifecycle/platform.module';
export * from './lifecycle/service-check';
