/**
 * Builds with the Nest CLI when `dist` is missing or older than any source it is made from.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, entry } = require('./paths');

const APPS = ['api', 'worker'];
const SOURCE_DIRS = ['apps', 'libs', 'infra'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package.json'];

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.(ts|sql|json)$/.test(target) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const name of fs.readdirSync(target)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, name)));
  }
  return newest;
}

function oldestBuild() {
  let oldest = Infinity;
  for (const app of APPS) {
    try {
      oldest = Math.min(oldest, fs.statSync(entry(app)).mtimeMs);
    } catch {
      return 0;
    }
  }
  return oldest;
}

/** True when every app's compiled entry exists and is newer than every source. */
function isBuildFresh() {
  const sources = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((name) => newestMtime(path.join(ROOT, name))));
  return oldestBuild() >= sources;
}

/** Runs `nest build <app>` for every app when needed; exits the process if the build fails. */
function buildIfNeeded(log = (line) => process.stderr.write(`${line}\n`)) {
  const nest = path.join(ROOT, 'node_modules', '.bin', 'nest');
  for (const app of APPS) {
    // One `nest build` compiles the whole program, so the second app is usually built already.
    if (isBuildFresh()) return;
    log(`Building ${app} (nest build ${app})…`);
    const result = spawnSync(nest, ['build', app], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) {
      log(`The build of ${app} failed: fix the errors above and run npm start again.`);
      process.exit(result.status ?? 1);
    }
  }
}

module.exports = { buildIfNeeded, isBuildFresh };
