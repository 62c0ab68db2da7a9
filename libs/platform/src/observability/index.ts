/** Logs, metrics and the shutdown log. */
export * from './logging.module';
export * from './metrics';
export * from './shutdown-log';
