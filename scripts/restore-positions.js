#!/usr/bin/env node
/**
 * `npm run restore:positions`: after a logical restore (pg_dump / pg_restore into another
 * PostgreSQL cluster), moves the event store's positions above the restored head, so that new
 * events sort after every restored one and checkpoints stay valid (docs/operations.md, "Backup and
 * restore"). Run it with the API and the worker stopped, before they start. Doing it again, or
 * on a database that was not restored, changes nothing.
 */
const { buildIfNeeded } = require('./lib/build');
const { loadConfigOrExit } = require('./lib/compiled-config');
const { compiled } = require('./lib/paths');

async function main() {
  buildIfNeeded();
  const config = loadConfigOrExit();
  const { restorePositions, describeStep } = require(compiled('infra', 'restore-positions.js'));
  // An administrative step: the owner's connection, since the application role may not add an epoch.
  process.stderr.write(`${describeStep(await restorePositions(config.migrationDatabaseUrl))}\n`);
}

main().catch((error) => {
  process.stderr.write(`Restore step failed: ${error.message}\n`);
  process.exit(1);
});
