#!/usr/bin/env node
/**
 * `npm start [-- api|worker]`: checks PostgreSQL and Redis, builds when the sources are newer
 * than `dist`, runs the migrations, then runs the API and the worker (or the one named) as
 * child processes. SIGINT and SIGTERM are passed on; when one child ends, the other is stopped.
 */
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { buildIfNeeded } = require('./lib/build');
const { ROOT, entry } = require('./lib/paths');
const { unreachableServices } = require('./lib/services');
const { runMigrations } = require('./migrate');

const APPS = ['api', 'worker'];
const SIGNALS = ['SIGINT', 'SIGTERM'];

function fail(lines) {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

/** Copies a child's stream line by line, each line behind the app's name. */
function prefixLines(stream, target, prefix) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix}${line}\n`));
}

function startApps(apps) {
  const prefixed = apps.length > 1;
  const children = new Map();
  let stopping = false;
  let exitCode = 0;

  const stopAll = (signal) => {
    stopping = true;
    for (const child of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };

  for (const app of apps) {
    const child = spawn(process.execPath, [entry(app)], {
      cwd: ROOT,
      env: process.env,
      stdio: prefixed ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    if (prefixed) {
      const prefix = `[${app.padEnd(6)}] `;
      prefixLines(child.stdout, process.stdout, prefix);
      prefixLines(child.stderr, process.stderr, prefix);
    }
    children.set(app, child);
    child.on('exit', (code, signal) => {
      children.delete(app);
      if (!stopping) {
        process.stderr.write(`${app} stopped (${signal ?? `exit code ${code}`}); stopping the rest.\n`);
        exitCode = code || 1;
        stopAll('SIGTERM');
      } else if (code !== 0 && code !== null) {
        exitCode = code;
      }
      if (children.size === 0) process.exit(exitCode);
    });
  }

  for (const signal of SIGNALS) process.on(signal, () => stopAll(signal));
}

async function main() {
  const requested = process.argv[2];
  if (requested !== undefined && !APPS.includes(requested)) fail([`Unknown app "${requested}": use one of ${APPS.join(', ')}, or none for both.`]);
  const problems = await unreachableServices();
  if (problems.length > 0) fail(problems);
  buildIfNeeded();
  const applied = await runMigrations();
  if (applied.length > 0) process.stderr.write(`Applied migrations: ${applied.join(', ')}\n`);
  startApps(requested ? [requested] : APPS);
}

main().catch((error) => fail([`Start failed: ${error.message}`]));
