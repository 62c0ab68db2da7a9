#!/usr/bin/env node
/**
 * `npm run openapi`: writes the API's OpenAPI document to docs/openapi.json from the controllers
 * and validators, without a database or Redis, and the TypeScript types openapi-typescript
 * generates from it to test/contract/api-schema.d.ts (what the typed client of the contract test
 * is written against). `npm run openapi -- <file>` writes the document to that file only.
 * `npm run lint` lints docs/openapi.json; test/e2e/openapi-contract.e2e-spec.ts fails when either
 * file differs from what the API serves.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./lib/paths');

require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
const { compilerOptions } = require(path.join(ROOT, 'tsconfig.json'));
require('tsconfig-paths').register({ baseUrl: ROOT, paths: compilerOptions.paths });

const { openApiDocumentText, OPENAPI_FILE } = require(path.join(ROOT, 'apps', 'api', 'src', 'http', 'openapi', 'document-file.ts'));

const TYPES_FILE = 'test/contract/api-schema.d.ts';

async function main() {
  const target = path.resolve(ROOT, process.argv[2] ?? OPENAPI_FILE);
  fs.writeFileSync(target, await openApiDocumentText());
  process.stdout.write(`OpenAPI document written to ${path.relative(process.cwd(), target)}\n`);
  if (process.argv[2]) return;
  // From the repository's root, so that openapi-typescript checks the document with redocly.yaml's rules first.
  const generator = path.join(ROOT, 'node_modules', '.bin', 'openapi-typescript');
  const result = spawnSync(generator, [OPENAPI_FILE, '--output', TYPES_FILE], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

main().catch((error) => {
  process.stderr.write(`The OpenAPI document could not be written: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
