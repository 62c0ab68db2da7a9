/** PostgreSQL: connection settings, TypeORM's options and the start-up checks of roles and restores. */
export * from './restore-check';
export * from './role-check';
export * from './session-settings';
export * from './typeorm-options';
