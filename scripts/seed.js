#!/usr/bin/env node
/**
 * `npm run seed` loads a living system into a running API (`npm start` first): mines and quotas,
 * the restricted list, licences in every state and a few dozen consignments at every stage,
 * meeting every rule on the way. It goes through the public HTTP API with development tokens,
 * so it needs the development secret. Running it again changes nothing (idempotency keys).
 * API_URL defaults to http://127.0.0.1:$PORT; SEED_LABEL names the run (default seed-v1).
 */
const path = require('node:path');
const { ROOT } = require('./lib/paths');

require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
const { compilerOptions } = require(path.join(ROOT, 'tsconfig.json'));
require('tsconfig-paths').register({ baseUrl: ROOT, paths: compilerOptions.paths });

const { loadConfig, ConfigError } = require(path.join(ROOT, 'libs', 'platform', 'src', 'config', 'app-config.ts'));
const { signDevelopmentToken } = require(path.join(ROOT, 'libs', 'platform', 'src', 'auth', 'development-token.ts'));
const { httpSeedClient } = require(path.join(ROOT, 'infra', 'seed', 'seed-client.ts'));
const { seed } = require(path.join(ROOT, 'infra', 'seed', 'seed.ts'));

async function waitUntilReady(baseUrl) {
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`The API at ${baseUrl} is not ready: start it with \`npm start\` first`);
}

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const baseUrl = process.env.API_URL ?? `http://127.0.0.1:${config.port}`;
  await waitUntilReady(baseUrl);
  const tokens = new Map();
  const tokenFor = (actor) => {
    if (!tokens.has(actor.sub)) tokens.set(actor.sub, signDevelopmentToken(actor, config, '1h'));
    return tokens.get(actor.sub);
  };
  const started = Date.now();
  const report = await seed(httpSeedClient(baseUrl, tokenFor), process.env.SEED_LABEL ?? 'seed-v1');
  const lines = [
    `Seeded ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ...Object.entries(report.created).map(([kind, count]) => `  ${String(count).padStart(4)} ${kind}`),
    'Rules met on the way (refused, nothing written):',
    ...Object.entries(report.refused).map(([code, count]) => `  ${String(count).padStart(4)} ${code}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (report.unexpected.length > 0) {
    process.stderr.write(`Unexpected answers:\n${report.unexpected.map((line) => `  ${line}`).join('\n')}\n`);
    process.exit(1);
  }
}

main().catch((error) => {
  process.stderr.write(`Seeding failed: ${error.message}\n`);
  process.exit(1);
});
