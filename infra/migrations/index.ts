import { MigrationInterface } from 'typeorm';

/** Every migration, in order. Add a new one at the end; never edit one that has shipped. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [];
