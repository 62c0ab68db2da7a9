#!/usr/bin/env node
/**
 * `npm run -s token -- --role <role> [--org <org>] [--sub <id>] [--name <name>]` prints one
 * development JWT, signed with the secret the API is configured with (same environment).
 */
const path = require('node:path');
const { isBuildFresh } = require('./lib/build');
const { ROOT, compiled } = require('./lib/paths');

const USAGE = 'usage: npm run -s token -- --role <role> [--org <org>] [--sub <id>] [--name <name>]';
const OPTIONS = ['role', 'org', 'sub', 'name'];

function fail(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(1);
}

function parseArguments(argv) {
  const claims = {};
  for (let index = 0; index < argv.length; index += 2) {
    const option = argv[index].replace(/^--/, '');
    const value = argv[index + 1];
    if (!OPTIONS.includes(option)) fail(`Unknown option ${argv[index]}.`);
    if (value === undefined || value.startsWith('--')) fail(`--${option} needs a value.`);
    claims[option] = value;
  }
  if (!claims.role) fail('--role is required.');
  if (claims.role === 'exporter' && !claims.org) fail('An exporter token needs --org <organisation>.');
  return claims;
}

/** The compiled modules when the build is current, otherwise the TypeScript sources. */
function platformModules() {
  if (isBuildFresh()) {
    return {
      ...require(compiled('libs', 'platform', 'src', 'config', 'app-config.js')),
      ...require(compiled('libs', 'platform', 'src', 'auth', 'development-token.js')),
    };
  }
  require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
  const { compilerOptions } = require(path.join(ROOT, 'tsconfig.json'));
  require('tsconfig-paths').register({ baseUrl: ROOT, paths: compilerOptions.paths });
  return {
    ...require(path.join(ROOT, 'libs', 'platform', 'src', 'config', 'app-config.ts')),
    ...require(path.join(ROOT, 'libs', 'platform', 'src', 'auth', 'development-token.ts')),
  };
}

function main() {
  const claims = parseArguments(process.argv.slice(2));
  const { loadConfig, ConfigError, signDevelopmentToken } = platformModules();
  try {
    process.stdout.write(`${signDevelopmentToken(claims, loadConfig(process.env))}\n`);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    fail(error.message);
  }
}

main();
