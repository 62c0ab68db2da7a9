import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { chainSealOf } from '../event-store/chain-seal-config';
import { assertEventStoreAvailable } from '../event-store/event-store.provider';
import { checkRestoreStep } from '../database/restore-check';
import { checkApplicationRole } from '../database/role-check';
import { checkRedisSettings } from '../redis/redis-settings';
import { unreachableServices } from './service-check';

/**
 * A check of the process's own on the configuration (a key file, say): it throws an Error whose
 * message is one line naming the setting.
 */
export type StartCheck = (config: AppConfig) => void;

export interface PreflightOptions {
  /**
   * Check that Redis is set up as BullMQ needs it (the worker, which runs the jobs): an evicting
   * `maxmemory-policy` ends the start, no persistence is a warning on stderr.
   */
  readonly redisForJobs?: boolean;
}

/**
 * The checks a process makes before it builds anything, so that a wrong setting or a stopped
 * service, or a database restored from a logical dump before its restore step, or (in
 * production) a database role that could switch off the append-only guard, ends the start with a
 * short message on stderr and exit code 1, not a stack trace.
 * `checks` run after the configuration is read, before the services are tried.
 */
export async function preflight(
  env: NodeJS.ProcessEnv = process.env,
  checks: readonly StartCheck[] = [],
  options: PreflightOptions = {},
): Promise<AppConfig> {
  let config: AppConfig;
  try {
    config = loadConfig(env);
    assertEventStoreAvailable(config);
    chainSealOf(config);
    for (const check of checks) check(config);
  } catch (error) {
    exitWith(error instanceof ConfigError ? error.message.split('\n') : [(error as Error).message]);
  }
  const problems = await unreachableServices(config);
  if (problems.length > 0) exitWith(problems);
  const restore = await checkRestoreStep(config.databaseUrl);
  if (restore !== null) exitWith([restore]);
  const role = await checkApplicationRole(config.databaseUrl);
  if (role !== null && config.nodeEnv === 'production') exitWith([role]);
  if (role !== null) process.stderr.write(`Warning: ${role}\n`);
  if (options.redisForJobs) {
    const { refusal, warnings } = await checkRedisSettings(config.redisUrl);
    if (refusal) exitWith([refusal]);
    for (const warning of warnings) process.stderr.write(`Warning: ${warning}\n`);
  }
  return config;
}

/** Prints `lines` to stderr and ends the process with code 1. */
export function exitWith(lines: readonly string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}
