#!/usr/bin/env node
/**
 * `npm run openapi`: writes the API's OpenAPI document to docs/openapi.json (or to the path given)
 * from the controllers and validators, without a database or Redis. `npm run lint` lints that
 * file; test/e2e/openapi-contract.e2e-spec.ts fails when it differs from what the API serves.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./lib/paths');

require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
const { compilerOptions } = require(path.join(ROOT, 'tsconfig.json'));
require('tsconfig-paths').register({ baseUrl: ROOT, paths: compilerOptions.paths });

const { openApiDocumentText, OPENAPI_FILE } = require(path.join(ROOT, 'apps', 'api', 'src', 'http', 'openapi', 'document-file.ts'));

async function main() {
  const target = path.resolve(ROOT, process.argv[2] ?? OPENAPI_FILE);
  fs.writeFileSync(target, await openApiDocumentText());
  process.stdout.write(`OpenAPI document written to ${path.relative(process.cwd(), target)}\n`);
}

main().catch((error) => {
  process.stderr.write(`The OpenAPI document could not be written: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
