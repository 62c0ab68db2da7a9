/**
 * `npm run bench -- <scenario> [--<knob> <number> …]`: runs one scenario of SCENARIOS on a database of
 * its own (`<database of DATABASE_URL>_bench_<scenario>`, created and migrated first, dropped after;
 * kept with `--keep`), prints its figures as a table and writes them to bench/results/latest.json
 * (`{ scenario, startedAt, knobs, passed, figures: [{ figure, unit, value }] }`). `npm run bench`
 * alone lists the scenarios and their knobs. A scenario is a file in bench/scenarios/ and a line below.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { dropDatabase, migrate, recreateDatabase } from '../infra/data-source';
import type { Scenario } from './scenario';
import { history } from './scenarios/history';

const SCENARIOS: Readonly<Record<string, Scenario>> = { history };

function usage(problem?: string): never {
  const lines = Object.entries(SCENARIOS).flatMap(([name, scenario]) => [
    `  ${name}: ${scenario.summary}`,
    ...Object.entries(scenario.knobs).map(([knob, { default: value, help }]) => `      --${knob} <n>  ${help} (default ${value})`),
  ]);
  process.stderr.write(`${problem ? `${problem}\n` : ''}usage: npm run bench -- <scenario> [--<knob> <n> …] [--keep]\n${lines.join('\n')}\n`);
  process.exit(2);
}

function parse(argv: readonly string[]): { name: string; scenario: Scenario; knobs: Record<string, number>; keep: boolean } {
  const [name, ...rest] = argv;
  const scenario = name === undefined ? undefined : SCENARIOS[name];
  if (!scenario) usage(name === undefined ? undefined : `Unknown scenario ${name}.`);
  const knobs = Object.fromEntries(Object.entries(scenario.knobs).map(([knob, { default: value }]) => [knob, value]));
  let keep = false;
  for (let index = 0; index < rest.length; index++) {
    const flag = rest[index];
    if (flag === '--keep') {
      keep = true;
      continue;
    }
    const knob = flag.replace(/^--/, '');
    const value = Number(rest[++index]);
    if (!flag.startsWith('--') || !(knob in scenario.knobs)) usage(`Unknown option ${flag} for ${name}.`);
    if (!Number.isFinite(value) || value <= 0) usage(`--${knob} needs a positive number.`);
    knobs[knob] = value;
  }
  return { name: name!, scenario, knobs, keep };
}

async function main(): Promise<void> {
  const { name, scenario, knobs, keep } = parse(process.argv.slice(2));
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ree');
  url.pathname = `${url.pathname}_bench_${name}`;
  const startedAt = new Date().toISOString();
  process.stdout.write(`bench ${name} on ${url.pathname.slice(1)} (${cpus().length} cores, load ${loadavg()[0].toFixed(2)}): ${JSON.stringify(knobs)}\n`);
  await recreateDatabase(url.toString());
  await migrate(url.toString());
  try {
    const result = await scenario.run(url.toString(), knobs);
    const width = Math.max(...result.figures.map((figure) => figure.figure.length));
    for (const { figure, unit, value } of result.figures) process.stdout.write(`${figure.padEnd(width)}  ${String(value).padStart(12)}  ${unit}\n`);
    if (result.notes) process.stdout.write(`${result.notes}\n`);
    const directory = path.join(__dirname, 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, 'latest.json'), `${JSON.stringify({ scenario: name, startedAt, knobs, passed: result.passed, figures: result.figures }, null, 2)}\n`);
    process.stdout.write(`written to bench/results/latest.json; ${result.passed ? 'passed' : 'FAILED'}\n`);
    process.exitCode = result.passed ? 0 : 1;
  } finally {
    if (!keep) await dropDatabase(url.toString());
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
