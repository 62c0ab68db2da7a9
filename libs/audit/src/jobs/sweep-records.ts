import type { Finding } from '../anchors/check/findings';
import type { Sql } from '../anchors/stream-heads';

/** One run of the integrity sweep as recorded in `audit.integrity_sweeps` (migration 1764300015000). */
export interface IntegritySweepRecord {
  readonly sweepId: string;
  readonly jobId: string | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The anchor the log was checked against; null when none had been taken. */
  readonly anchorId: string | null;
  /** Streams whose chains were recomputed. */
  readonly streams: number;
  /** Events read in those streams. */
  readonly events: number;
  readonly consistent: boolean;
  readonly findings: readonly Finding[];
}

interface Row {
  sweep_id: string;
  job_id: string | null;
  started_at: string;
  finished_at: string;
  anchor_id: string | null;
  streams: number;
  events: string;
  consistent: boolean;
  findings: Finding[];
}

const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
const COLUMNS = `sweep_id::text AS sweep_id, job_id, ${INSTANT('started_at')}, ${INSTANT('finished_at')}, anchor_id::text AS anchor_id,
  streams, events::text AS events, consistent, findings`;

function recordOf(row: Row): IntegritySweepRecord {
  return {
    sweepId: row.sweep_id,
    jobId: row.job_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    anchorId: row.anchor_id,
    streams: row.streams,
    events: Number(row.events),
    consistent: row.consistent,
    findings: row.findings,
  };
}

export const sweepRecords = {
  /**
   * Records a sweep; a job that already recorded one (run again after a crash) keeps its first
   * record, which is answered.
   */
  async record(sql: Sql, sweep: IntegritySweepRecord): Promise<IntegritySweepRecord> {
    const rows = await sql.query<Row>(
      `INSERT INTO audit.integrity_sweeps (sweep_id, job_id, started_at, finished_at, anchor_id, streams, events, consistent, findings)
       VALUES ($1, $2, $3::timestamptz, $4::timestamptz, $5, $6, $7, $8, $9::jsonb)
       ON CONFLICT (job_id) DO NOTHING RETURNING ${COLUMNS}`,
      [sweep.sweepId, sweep.jobId, sweep.startedAt, sweep.finishedAt, sweep.anchorId, sweep.streams, sweep.events, sweep.consistent, JSON.stringify(sweep.findings)],
    );
    if (rows.length > 0) return recordOf(rows[0]);
    const [first] = await sql.query<Row>(`SELECT ${COLUMNS} FROM audit.integrity_sweeps WHERE job_id = $1`, [sweep.jobId]);
    return recordOf(first);
  },

  async byJob(sql: Sql, jobId: string): Promise<IntegritySweepRecord | null> {
    const [row] = await sql.query<Row>(`SELECT ${COLUMNS} FROM audit.integrity_sweeps WHERE job_id = $1`, [jobId]);
    return row ? recordOf(row) : null;
  },

  /** The most recent sweeps, newest first. */
  async latest(sql: Sql, limit: number): Promise<IntegritySweepRecord[]> {
    const rows = await sql.query<Row>(`SELECT ${COLUMNS} FROM audit.integrity_sweeps ORDER BY finished_at DESC, sweep_id LIMIT $1`, [limit]);
    return rows.map(recordOf);
  },
};
