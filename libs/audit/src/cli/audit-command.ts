import type { AuditApi } from './audit-api';

export { CliError, UsageError } from './cli-errors';

/** Where a command writes: results to `out`, progress and errors to `err` (so `out` can be piped). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliContext {
  readonly api: AuditApi;
  readonly io: CliIo;
}

/**
 * One command of `npm run audit`: a file per command under `commands/`, listed in
 * `commands/index.ts`. `run` answers the exit code: 0 for a clean result, 1 for a finding
 * (a broken chain); usage and API errors are thrown and end with 2.
 */
export interface AuditCommand {
  readonly name: string;
  /** The arguments after the command's name, e.g. `<consignmentId> [--as-of <instant>]`. */
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], context: CliContext): Promise<number>;
}
