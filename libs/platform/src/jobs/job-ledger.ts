import type { JobRequest } from './job-queues';

/** What became of a job, as PostgreSQL records it (`jobs.jobs.state`). */
export const JOB_RECORD_STATES = ['pending', 'running', 'failed', 'dead', 'completed'] as const;
export type JobRecordState = (typeof JOB_RECORD_STATES)[number];

/** A connection or a transaction: TypeORM's `DataSource` and `EntityManager` both answer this. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A job a reactor records: due at `dueAt`, caused by the event at `position`. */
export interface DueJob extends Omit<JobRequest, 'delayMs'> {
  readonly dueAt: Date;
  readonly position?: string;
}

/** A job that is not finished (pending, running or failed), as the sweep reads it. */
export interface UnfinishedJob {
  readonly queue: string;
  readonly jobId: string;
  readonly name: string;
  readonly data: Record<string, unknown>;
  readonly dueAt: Date;
  readonly state: JobRecordState;
}

/** One job as the admin view shows it. */
export interface JobRecord extends UnfinishedJob {
  readonly attempts: number;
  readonly lastError: string | null;
  readonly outcome: unknown;
  readonly position: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What the start of a run found: run it, or it is already completed (with what it returned then). */
export type RunStart = { readonly run: true } | { readonly run: false; readonly outcome: unknown };

interface Row {
  queue: string;
  job_id: string;
  name: string;
  data: Record<string, unknown>;
  due_at: Date;
  state: JobRecordState;
  attempts: number;
  last_error: string | null;
  outcome: unknown;
  position: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Records jobs through the caller's transaction (a reactor's batch, with its checkpoint), and
 * answers those not recorded before: a job already there (a replay of its event, a retried
 * batch) is left as it is, whatever its state.
 */
export async function recordJobs(tx: Queryable, prefix: string, jobs: readonly DueJob[]): Promise<DueJob[]> {
  if (jobs.length === 0) return [];
  const rows = (await tx.query(
    `INSERT INTO jobs.jobs (prefix, queue, job_id, name, data, due_at, position)
     SELECT $7::text, * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::text[])
     ON CONFLICT (prefix, queue, job_id) DO NOTHING
     RETURNING queue, job_id`,
    [
      jobs.map((job) => job.queue),
      jobs.map((job) => job.jobId),
      jobs.map((job) => job.name),
      jobs.map((job) => JSON.stringify(job.data)),
      jobs.map((job) => job.dueAt.toISOString()),
      jobs.map((job) => job.position ?? null),
      prefix,
    ],
  )) as Array<{ queue: string; job_id: string }>;
  const added = new Set(rows.map((row) => `${row.queue}\u0000${row.job_id}`));
  return jobs.filter((job) => added.has(`${job.queue}\u0000${job.jobId}`));
}

/**
 * The jobs' records of one queue prefix (a deployment's `QUEUE_PREFIX`), read and written by the
 * worker that runs them, its sweep and the admin view. Every write is keyed by queue and job id
 * and moves one row: two workers, or a job delivered twice, write the same thing.
 */
export class JobLedger {
  constructor(
    private readonly db: Queryable,
    readonly prefix: string,
  ) {}

  /**
   * The start of one attempt: `running`, one more attempt. A job already `completed` is not run
   * again (a duplicate delivery, or a job Redis forgot and got again). A job with no record yet
   * (one no event caused, such as an anchor, or one whose reactor's batch has not committed yet)
   * is recorded now, due now.
   */
  async start(queue: string, job: { readonly id?: string; readonly name: string; readonly data: unknown }): Promise<RunStart> {
    const started = (await this.db.query(
      `INSERT INTO jobs.jobs (prefix, queue, job_id, name, data, due_at, state, attempts)
       VALUES ($5, $1, $2, $3, $4, now(), 'running', 1)
       ON CONFLICT (prefix, queue, job_id) DO UPDATE SET state = 'running', attempts = jobs.jobs.attempts + 1, updated_at = now()
         WHERE jobs.jobs.state <> 'completed'
       RETURNING state`,
      [queue, job.id, job.name, JSON.stringify(job.data ?? {}), this.prefix],
    )) as unknown[];
    if (started.length > 0) return { run: true };
    const [row] = (await this.db.query(`SELECT outcome FROM jobs.jobs WHERE prefix = $3 AND queue = $1 AND job_id = $2`, [queue, job.id, this.prefix])) as Row[];
    return { run: false, outcome: row?.outcome ?? null };
  }

  async complete(queue: string, jobId: string, outcome: unknown): Promise<void> {
    await this.db.query(
      `UPDATE jobs.jobs SET state = 'completed', outcome = $3, last_error = NULL, updated_at = now() WHERE prefix = $4 AND queue = $1 AND job_id = $2`,
      [queue, jobId, JSON.stringify(outcome ?? null), this.prefix],
    );
  }

  /** The run found the job not yet due and put it back, due at `dueAt`: that attempt does not count. */
  async postpone(queue: string, jobId: string, dueAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE jobs.jobs SET state = 'pending', due_at = $3, attempts = greatest(attempts - 1, 0), updated_at = now()
       WHERE prefix = $4 AND queue = $1 AND job_id = $2 AND state <> 'completed'`,
      [queue, jobId, dueAt.toISOString(), this.prefix],
    );
  }

  /** An attempt failed: `failed` while BullMQ retries it, `dead` when it was the last. */
  async fail(queue: string, jobId: string, error: string, dead: boolean): Promise<void> {
    await this.db.query(
      `UPDATE jobs.jobs SET state = $3, last_error = $4, updated_at = now() WHERE prefix = $5 AND queue = $1 AND job_id = $2 AND state <> 'completed'`,
      [queue, jobId, dead ? 'dead' : 'failed', error, this.prefix],
    );
  }

  /** Unfinished jobs after `after` (queue, job id), `limit` at a time: the sweep pages through them all. */
  async unfinished(limit: number, after?: { queue: string; jobId: string }): Promise<UnfinishedJob[]> {
    const rows = (await this.db.query(
      `SELECT queue, job_id, name, data, due_at, state FROM jobs.jobs
       WHERE prefix = $4 AND state IN ('pending', 'running', 'failed') AND ($1::text IS NULL OR (queue, job_id) > ($1, $2))
       ORDER BY queue, job_id LIMIT $3`,
      [after?.queue ?? null, after?.jobId ?? null, limit, this.prefix],
    )) as Row[];
    return rows.map(unfinishedOf);
  }

  /** Jobs per queue and state: every queue that has a record, each state counted (0 when none). */
  async counts(): Promise<Array<{ queue: string } & Record<JobRecordState, number>>> {
    const rows = (await this.db.query(
      `SELECT queue, state, count(*)::int AS count FROM jobs.jobs WHERE prefix = $1 GROUP BY queue, state ORDER BY queue`,
      [this.prefix],
    )) as Array<{ queue: string; state: JobRecordState; count: number }>;
    const byQueue = new Map<string, { queue: string } & Record<JobRecordState, number>>();
    for (const row of rows) {
      const counts = byQueue.get(row.queue) ?? { queue: row.queue, pending: 0, running: 0, failed: 0, dead: 0, completed: 0 };
      counts[row.state] = row.count;
      byQueue.set(row.queue, counts);
    }
    return [...byQueue.values()];
  }

  /** A queue's jobs in one state, the most recently changed first. */
  async list(queue: string, state: JobRecordState, limit: number): Promise<JobRecord[]> {
    const rows = (await this.db.query(
      `SELECT * FROM jobs.jobs WHERE prefix = $4 AND queue = $1 AND state = $2 ORDER BY updated_at DESC, job_id LIMIT $3`,
      [queue, state, limit, this.prefix],
    )) as Row[];
    return rows.map(recordOf);
  }

  async find(queue: string, jobId: string): Promise<JobRecord | undefined> {
    const rows = (await this.db.query(`SELECT * FROM jobs.jobs WHERE prefix = $3 AND queue = $1 AND job_id = $2`, [queue, jobId, this.prefix])) as Row[];
    return rows[0] && recordOf(rows[0]);
  }

  /** A dead job back to `pending`, due now, its attempts reset; `undefined` when it is not dead (or unknown). */
  async revive(queue: string, jobId: string): Promise<JobRecord | undefined> {
    const rows = updatedRows<Row>(await this.db.query(
      `UPDATE jobs.jobs SET state = 'pending', attempts = 0, last_error = NULL, due_at = now(), updated_at = now()
       WHERE prefix = $3 AND queue = $1 AND job_id = $2 AND state = 'dead' RETURNING *`,
      [queue, jobId, this.prefix],
    ));
    return rows[0] && recordOf(rows[0]);
  }
}

/** TypeORM answers an UPDATE on PostgreSQL with `[rows, rowCount]`. */
function updatedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : [];
}

function unfinishedOf(row: Row): UnfinishedJob {
  return { queue: row.queue, jobId: row.job_id, name: row.name, data: row.data, dueAt: new Date(row.due_at), state: row.state };
}

function recordOf(row: Row): JobRecord {
  return {
    ...unfinishedOf(row),
    attempts: row.attempts,
    lastError: row.last_error,
    outcome: row.outcome,
    position: row.position,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
