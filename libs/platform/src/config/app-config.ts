import { randomUUID } from 'node:crypto';
import type { Process } from '@ree/shared-kernel';
import { databaseConfig, type DatabaseConfig } from './database-config';
import { yieldFloors } from './yield-floors-config';

/**
 * The configuration of the API and the worker, read from the environment once at start and
 * validated: every bad value is reported on its own line, and the process does not start.
 */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly port: number;
  /** The application role's connection (`DATABASE_URL`): owns nothing, holds what infra/privileges.ts grants. */
  readonly databaseUrl: string;
  /**
   * The owner's connection (`MIGRATION_DATABASE_URL`, default `DATABASE_URL` as user `ree_owner`):
   * migrations and `npm run restore:positions` only, never the API or the worker.
   */
  readonly migrationDatabaseUrl: string;
  /**
   * A role allowed to create roles and databases (`DATABASE_BOOTSTRAP_URL`, default the `postgres`
   * superuser on `DATABASE_URL`'s server): used by `npm start`/`npm run migrate` only while the
   * roles or the database do not exist, or objects belong to another role (docs/operations.md, "Database roles").
   */
  readonly databaseBootstrapUrl: string;
  /** Session settings and connection queues of PostgreSQL (see `database-config.ts`). */
  readonly database: DatabaseConfig;
  readonly redisUrl: string;
  readonly eventStore: 'postgres' | 'eventstoredb';
  readonly eventstoreConnectionString?: string;
  readonly jwt: {
    /** HS256 secret; absent when tokens are checked against a JWKS. */
    readonly secret?: string;
    readonly jwksUrl?: string;
    readonly issuer: string;
    readonly audience: string;
    readonly usingDevelopmentSecret: boolean;
  };
  /** The Ed25519 key (PEM) that signs the audit anchors (`ANCHOR_PRIVATE_KEY_FILE`); required in production. */
  readonly anchorPrivateKeyFile?: string;
  /** Where development and tests keep the key made on first start when no key file is set (`ANCHOR_DEVELOPMENT_KEY_FILE`). */
  readonly anchorDevelopmentKeyFile: string;
  readonly anchorIntervalMs: number;
  /** The retired anchor public keys with their validity, JSON (`ANCHOR_RETIRED_KEYS_FILE`); docs/audit.md, "The keys". */
  readonly anchorRetiredKeysFile?: string;
  /** When the current signing key took over (`ANCHOR_KEY_VALID_FROM`, an ISO 8601 instant); unset: since the last retired key's end. */
  readonly anchorKeyValidFrom?: string;
  /** When the worker re-verifies every chain and the log against the latest anchor (`INTEGRITY_SWEEP_CRON`, UTC; default nightly). */
  readonly integritySweepCron: string;
  /** The keys that seal the hash chain, as given (`CHAIN_SEAL_KEYS`); read by `chainSealOf`, required in production. */
  readonly chainSealKeys?: string;
  readonly deadlines: {
    readonly arrivalNotConfirmedDays: number;
    readonly endUseCheckOverdueDays: number;
  };
  readonly flags: {
    /**
     * LOW_YIELD's floor per process, replacing the review library's default for the processes
     * named (`LOW_YIELD_FLOORS`); a change takes a rebuild of the review projection.
     */
    readonly yieldFloors: Readonly<Partial<Record<Process, number>>>;
  };
  /** The longest an `X-Min-Position` read waits for the read models. */
  readonly readYourWritesTimeoutMs: number;
  /**
   * How old an unfinished `Idempotency-Key` claim must be before a repeat takes it over
   * (`IDEMPOTENCY_CLAIM_TIMEOUT_MS`): the claim of a request whose process died, or whose release
   * failed with the database, blocks its key until then.
   */
  readonly idempotencyClaimTimeoutMs: number;
  readonly jobs: {
    /** BullMQ's key prefix in Redis (`QUEUE_PREFIX`, default `ree`; random per process in tests). */
    readonly queuePrefix: string;
    /** How long after a quota or licence draw the reconciliation checks for its consignment event (`RECONCILE_AFTER_MS`). */
    readonly reconcileAfterMs: number;
    /** The soonest a licence expiry job runs after its approval is seen, even when the validity is already over (`EXPIRY_DELAY_FLOOR_MS`). */
    readonly expiryDelayFloorMs: number;
    /** The soonest a deadline-flag job runs after its departure or arrival is seen, even when the deadline has passed (`FLAG_DELAY_FLOOR_MS`). */
    readonly flagDelayFloorMs: number;
    /** How often the worker puts back in Redis the unfinished jobs of `jobs.jobs` that Redis lost (`JOB_SWEEP_INTERVAL_MS`). */
    readonly sweepIntervalMs: number;
  };
  readonly rateLimitPerMinute: number;
  /** The longest a request waits for Redis to count it before it passes uncounted (`RATE_LIMIT_REDIS_TIMEOUT_MS`). */
  readonly rateLimitRedisTimeoutMs: number;
  readonly logLevel: string;
}

export const APP_CONFIG = Symbol('AppConfig');

/** Known publicly: accepted in development and tests only, refused when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'ree-development-secret-do-not-use-in-production';
export const DEFAULT_JWT_ISSUER = 'ree-export-control';
export const DEFAULT_JWT_AUDIENCE = 'ree-api';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development', problems);
  const jwksUrl = url(env, 'JWKS_URL', undefined, ['http:', 'https:'], problems);
  const explicitSecret = env.JWT_SECRET;
  const secret = explicitSecret ?? (jwksUrl ? undefined : DEVELOPMENT_JWT_SECRET);
  const usingDevelopmentSecret = secret === DEVELOPMENT_JWT_SECRET;
  if (nodeEnv === 'production' && usingDevelopmentSecret) {
    problems.push('JWT_SECRET: the development secret is refused when NODE_ENV=production; set JWKS_URL or a secret of your own');
  }
  if (explicitSecret !== undefined && explicitSecret.length < 32) {
    problems.push('JWT_SECRET: must be at least 32 characters long');
  }
  const eventStore = oneOf(env, 'EVENT_STORE', ['postgres', 'eventstoredb'] as const, 'postgres', problems);
  const eventstoreConnectionString = env.EVENTSTORE_CONNECTION_STRING;
  if (eventStore === 'eventstoredb' && !eventstoreConnectionString) {
    problems.push('EVENTSTORE_CONNECTION_STRING: required when EVENT_STORE=eventstoredb (e.g. esdb://127.0.0.1:2113?tls=false)');
  }
  const config: AppConfig = {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535, problems),
    ...databaseUrls(env, problems),
    database: databaseConfig(env, (name, fallback, min, max) => integer(env, name, fallback, min, max, problems), problems),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:'], problems)!,
    eventStore,
    eventstoreConnectionString,
    jwt: {
      secret,
      jwksUrl,
      issuer: env.JWT_ISSUER ?? DEFAULT_JWT_ISSUER,
      audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE,
      usingDevelopmentSecret,
    },
    anchorPrivateKeyFile: env.ANCHOR_PRIVATE_KEY_FILE || undefined,
    anchorDevelopmentKeyFile: env.ANCHOR_DEVELOPMENT_KEY_FILE || 'var/anchor-development-key.pem',
    anchorIntervalMs: integer(env, 'ANCHOR_INTERVAL_MS', 3_600_000, 1_000, 31 * 86_400_000, problems),
    anchorRetiredKeysFile: env.ANCHOR_RETIRED_KEYS_FILE || undefined,
    anchorKeyValidFrom: env.ANCHOR_KEY_VALID_FROM || undefined,
    integritySweepCron: cron(env, 'INTEGRITY_SWEEP_CRON', '0 2 * * *', problems),
    chainSealKeys: env.CHAIN_SEAL_KEYS || undefined,
    deadlines: {
      arrivalNotConfirmedDays: integer(env, 'ARRIVAL_NOT_CONFIRMED_DAYS', 60, 1, 3650, problems),
      endUseCheckOverdueDays: integer(env, 'END_USE_CHECK_OVERDUE_DAYS', 90, 1, 3650, problems),
    },
    flags: { yieldFloors: yieldFloors(env, problems) },
    readYourWritesTimeoutMs: integer(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 5_000, 0, 60_000, problems),
    idempotencyClaimTimeoutMs: integer(env, 'IDEMPOTENCY_CLAIM_TIMEOUT_MS', 120_000, 1_000, 3_600_000, problems),
    jobs: {
      queuePrefix: queuePrefix(env, nodeEnv, problems),
      reconcileAfterMs: integer(env, 'RECONCILE_AFTER_MS', 600_000, 1_000, 7 * 86_400_000, problems),
      expiryDelayFloorMs: integer(env, 'EXPIRY_DELAY_FLOOR_MS', 600_000, 0, 7 * 86_400_000, problems),
      flagDelayFloorMs: integer(env, 'FLAG_DELAY_FLOOR_MS', 600_000, 0, 7 * 86_400_000, problems),
      sweepIntervalMs: integer(env, 'JOB_SWEEP_INTERVAL_MS', 60_000, 100, 86_400_000, problems),
    },
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 60_000, 1, 10_000_000, problems),
    rateLimitRedisTimeoutMs: integer(env, 'RATE_LIMIT_REDIS_TIMEOUT_MS', 500, 10, 60_000, problems),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'warn' : 'info', problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** A cron pattern of five fields (minute hour day month weekday), as BullMQ's job schedulers take it. */
function cron(env: Env, name: string, fallback: string, problems: string[]): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\S+( \S+){4}$/.test(raw) || !/^[\d*,/\-A-Za-z ]+$/.test(raw)) {
    problems.push(`${name}: "${raw}" is not a cron pattern of five fields (minute hour day month weekday), e.g. 0 2 * * *`);
  }
  return raw;
}

export const DEFAULT_DATABASE_URL = 'postgres://ree_app@127.0.0.1:5432/ree';
export const DEFAULT_OWNER_ROLE = 'ree_owner';

/** `url` as another user (without a password), on another database if given. */
export function databaseUrlAs(url: string, user: string, database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = '';
  if (database !== undefined) parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseUrls(env: Env, problems: string[]): Pick<AppConfig, 'databaseUrl' | 'migrationDatabaseUrl' | 'databaseBootstrapUrl'> {
  const protocols = ['postgres:', 'postgresql:'];
  const databaseUrl = url(env, 'DATABASE_URL', DEFAULT_DATABASE_URL, protocols, problems)!;
  return {
    databaseUrl,
    migrationDatabaseUrl: url(env, 'MIGRATION_DATABASE_URL', databaseUrlAs(databaseUrl, DEFAULT_OWNER_ROLE), protocols, problems)!,
    databaseBootstrapUrl: url(env, 'DATABASE_BOOTSTRAP_URL', databaseUrlAs(databaseUrl, 'postgres', 'postgres'), protocols, problems)!,
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/**
 * `ree` by default. Tests get a prefix of their own per process unless they name one, so that a
 * test run never shares queues with a developer's worker or with another run on the same Redis.
 */
function queuePrefix(env: Env, nodeEnv: AppConfig['nodeEnv'], problems: string[]): string {
  const raw = env.QUEUE_PREFIX;
  if (raw === undefined || raw === '') return nodeEnv === 'test' ? `ree-test-${randomUUID().slice(0, 8)}` : 'ree';
  if (!/^[a-z0-9_-]{1,32}$/i.test(raw)) {
    problems.push(`QUEUE_PREFIX: "${raw}" must be 1 to 32 letters, digits, "-" or "_"`);
    return 'ree';
  }
  return raw;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    problems.push(`${name}: "${raw}" is not one of ${allowed.join(', ')}`);
    return fallback;
  }
  return raw as T;
}

function url(env: Env, name: string, fallback: string | undefined, protocols: string[], problems: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name}: "${raw}" must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return fallback;
    }
    return raw;
  } catch {
    problems.push(`${name}: "${raw}" is not a URL`);
    return fallback;
  }
}
