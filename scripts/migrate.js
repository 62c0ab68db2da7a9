#!/usr/bin/env node
/**
 * `npm run migrate`: creates the two roles and the database when they do not exist (with
 * DATABASE_BOOTSTRAP_URL), runs every pending migration as the owner (MIGRATION_DATABASE_URL) and
 * grants the application role (DATABASE_URL) its privileges, from the compiled
 * `infra/data-source` (built first when needed). docs/operations.md, "Database roles".
 */
const { buildIfNeeded } = require('./lib/build');
const { loadConfigOrExit } = require('./lib/compiled-config');
const { compiled } = require('./lib/paths');
const { unreachableServices } = require('./lib/services');

/** Runs the pending migrations; resolves to their names. Assumes a fresh build. */
async function runMigrations(env = process.env) {
  const config = loadConfigOrExit(env);
  const { setUpDatabase } = require(compiled('infra', 'data-source.js'));
  const { DatabaseProvisionError } = require(compiled('infra', 'database-roles.js'));
  const urls = { application: config.databaseUrl, owner: config.migrationDatabaseUrl, bootstrap: config.databaseBootstrapUrl };
  try {
    return await setUpDatabase(urls, {
      applicationName: config.database.applicationName ?? 'ree-migrate',
      statementTimeoutMs: config.database.migrationStatementTimeoutMs,
      idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
    });
  } catch (error) {
    if (!(error instanceof DatabaseProvisionError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
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
