#!/usr/bin/env node
/**
 * `npm run audit -- <command> …`: the auditor's command line against a running API
 * (`replay <consignmentId> [--as-of <instant>]`, `verify <consignmentId>`, and offline
 * `verify-anchor <anchor.json>` / `verify-proof <proof.json>`; the commands are in
 * libs/audit/src/cli/commands/). API_URL defaults to http://127.0.0.1:$PORT (3000); AUDIT_TOKEN is the
 * bearer token, else an auditor's development token signed with the configured secret (as
 * `npm run token`). Exit code: 0 clean, 1 a broken chain, 2 a usage or API error.
 */
const path = require('node:path');
const { ROOT } = require('./lib/paths');

require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
const { compilerOptions } = require(path.join(ROOT, 'tsconfig.json'));
require('tsconfig-paths').register({ baseUrl: ROOT, paths: compilerOptions.paths });

const { runAuditCli } = require(path.join(ROOT, 'libs', 'audit', 'src', 'cli', 'audit-cli.ts'));

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/**
 * The configuration, for the development secret, loaded only when AUDIT_TOKEN is missing and a
 * command calls the API (it costs a second at start); each bad value on its own line.
 */
function config() {
  const { loadConfig, ConfigError } = require(path.join(ROOT, 'libs', 'platform', 'src', 'config', 'app-config.ts'));
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

function auditorToken() {
  if (process.env.AUDIT_TOKEN) return process.env.AUDIT_TOKEN;
  const { signDevelopmentToken } = require(path.join(ROOT, 'libs', 'platform', 'src', 'auth', 'development-token.ts'));
  try {
    return signDevelopmentToken({ role: 'auditor', sub: 'audit-cli', name: 'Audit CLI' }, config(), '1h');
  } catch (error) {
    fail(`${error.message}: set AUDIT_TOKEN to an auditor's token.`);
  }
}

async function main() {
  const io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  const apiUrl = process.env.API_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
  // The token only when a command calls the API: verify-anchor and verify-proof with --public-key work offline.
  process.exitCode = await runAuditCli(process.argv.slice(2), { apiUrl, token: auditorToken, io });
}

main().catch((error) => {
  process.stderr.write(`The audit command failed: ${error.stack ?? error.message}\n`);
  process.exit(2);
});
