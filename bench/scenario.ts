/** One measured figure of a bench run, as printed and as written to bench/results/latest.json. */
export interface Figure {
  readonly figure: string;
  readonly unit: string;
  readonly value: number;
}

/** A knob of a scenario: `--<name> <number>` on the command line. */
export interface Knob {
  readonly default: number;
  readonly help: string;
}

/**
 * A scenario of `npm run bench -- <name>`: its knobs, and a run on a migrated database of its own
 * (created before and dropped after by the runner) that returns its figures. `passed: false`
 * makes the runner end with exit code 1 (the figures are still printed and written).
 */
export interface Scenario {
  readonly summary: string;
  readonly knobs: Readonly<Record<string, Knob>>;
  run(databaseUrl: string, knobs: Readonly<Record<string, number>>): Promise<{ readonly figures: readonly Figure[]; readonly passed: boolean; readonly notes?: string }>;
}
