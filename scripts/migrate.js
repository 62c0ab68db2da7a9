#!/usr/bin/env node
/**
 * `npm run migrate`: creates the database named by DATABASE_URL if it does not exist and runs
 * every pending migration, from the compiled `infra/data-source` (built first when needed).
 */
const { buildIfNeeded } = require('./lib/build');
const { loadConfigOrExit } = require('./lib/compiled-config');
const { compiled } = require('./lib/paths');
const { unreachableServices } = require('./lib/services');

/** Runs the pending migrations; resolves to their names. Assumes a fresh build. */
async function runMigrations(env = process.env) {
  const config = loadConfigOrExit(env);
  const { migrate } = require(compiled('infra', 'data-source.js'));
  return migrate(config.databaseUrl, {
    applicationName: config.database.applicationName ?? 'ree-migrate',
    statementTimeoutMs: config.database.migrationStatementTimeoutMs,
    idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
  });
}

async function main() {
  const problems = await unreachableServices();
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exit(1);
  }
  buildIfNeeded();
  const applied = await runMigrations();
  process.stderr.write(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}\n` : 'The database is up to date.\n');
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`Migration failed: ${error.message}\n`);
    process.exit(1);
  });
}

module.exports = { runMigrations };
