import { Client, ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { pgSessionOptions, SessionSettings } from '../postgres/session-settings';
import type { ProjectorLogger } from './projector-options';

/** pg client settings for a connection of its own to the DataSource's database, with the session settings given. */
export function clientConfigOf(dataSource: DataSource, queryTimeoutMs: number, session: Partial<SessionSettings> = {}): ClientConfig {
  const options = dataSource.options as PostgresDataSourceOptions;
  if (options.type !== 'postgres') throw new Error(`The projector needs PostgreSQL, not ${options.type}`);
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    ssl: options.ssl as ClientConfig['ssl'],
    ...pgSessionOptions({ applicationName: 'ree-projector-locks', ...session }),
    keepAlive: true,
    connectionTimeoutMillis: 5_000,
    query_timeout: queryTimeoutMs,
  };
}

/**
 * Session advisory locks, one per projection, held on one dedicated connection. PostgreSQL
 * releases them when that connection ends, so when the holding process dies a standby instance
 * takes the lock over on its next attempt. Pooled connections would not do: a pool recycles
 * sessions, and the lock would stay with whichever request got the connection next.
 */
export class AdvisoryLocks {
  private client?: Client;
  private connecting?: Promise<Client>;
  private lost = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly logger: ProjectorLogger,
  ) {}

  /** Takes the projection's lock without waiting; false when another session holds it. */
  async tryLock(name: string): Promise<boolean> {
    const client = await this.connection();
    try {
      const result = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('projection:' || $1)) AS locked`,
        [name],
      );
      return result.rows[0].locked;
    } catch (error) {
      await this.dispose();
      throw error;
    }
  }

  async unlock(name: string): Promise<void> {
    if (!this.client || this.lost) return;
    await this.client.query(`SELECT pg_advisory_unlock(hashtext('projection:' || $1))`, [name]);
  }

  /**
   * Whether the connection, and so every lock taken on it, is still alive. After a false answer
   * the locks are gone (another instance may already hold them) and the next `tryLock` reconnects.
   */
  async alive(): Promise<boolean> {
    if (!this.client) return false;
    if (!this.lost) {
      try {
        await this.client.query('SELECT 1');
        return true;
      } catch (error) {
        this.logger.warn(`Projection lock connection lost: ${String(error)}`);
      }
    }
    await this.dispose();
    return false;
  }

  async close(): Promise<void> {
    await this.dispose();
  }

  private async connection(): Promise<Client> {
    if (this.client && !this.lost) return this.client;
    if (this.client) await this.dispose();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client(this.config);
    client.on('error', (error) => {
      this.lost = true;
      this.logger.warn(`Projection lock connection failed: ${error.message}`);
    });
    await client.connect();
    this.lost = false;
    this.client = client;
    return client;
  }

  private async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.lost = false;
    await client?.end().catch(() => undefined);
  }
}
