import type { Pool } from 'pg';
import type { TcpProxy } from './tcp-proxy';

export interface FaultCounts {
  /** Rounds of `pg_terminate_backend`, and the backends they ended. */
  terminations: number;
  backendsTerminated: number;
  /** Rounds of cutting the proxy's connections, and the connections cut. */
  cuts: number;
  connectionsCut: number;
}

/**
 * The faults of the history run: every backend of the run's database terminated by PostgreSQL
 * (`pg_terminate_backend`: a statement under way is aborted or, if it already committed, only
 * its answer is lost), or every connection through the proxy cut (the server finishes and
 * commits what it was running). The checker's own connections (application `history-checker`)
 * are spared.
 */
export class FaultInjector {
  readonly counts: FaultCounts = { terminations: 0, backendsTerminated: 0, cuts: 0, connectionsCut: 0 };

  constructor(
    private readonly admin: Pool,
    private readonly database: string,
    private readonly proxy: TcpProxy,
  ) {}

  async terminateBackends(): Promise<void> {
    const { rows } = await this.admin.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name <> 'history-checker' AND backend_type = 'client backend'`,
      [this.database],
    );
    this.counts.terminations++;
    this.counts.backendsTerminated += rows.filter((row) => row.ended).length;
  }

  cutConnections(): void {
    this.counts.cuts++;
    this.counts.connectionsCut += this.proxy.cutAll();
  }

  /** One fault, either kind at random. */
  async inject(): Promise<void> {
    if (Math.random() < 0.5) await this.terminateBackends();
    else this.cutConnections();
  }
}
