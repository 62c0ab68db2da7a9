import { Client, Pool, PoolClient } from 'pg';
import { pgSessionOptions, SessionSettings } from './session-settings';

export const APPENDED_CHANNEL = 'event_store_appended';
const RECONNECT_DELAY_MS = 1_000;

/**
 * One LISTEN connection per store, shared by its subscriptions: a notification (sent at commit
 * by the events table's statement trigger) wakes every subscriber. When the connection drops it
 * reconnects after a delay and wakes everyone, since notifications may have been lost meanwhile;
 * subscribers also poll, so a lost notification only delays them.
 */
export class AppendListener {
  private readonly subscribers = new Set<() => void>();
  private connection: Client | PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly connectionString?: string,
    /** The session settings of the dedicated connection (its application name ends in `-listen` by default). */
    private readonly session: Partial<SessionSettings> = { applicationName: 'ree-event-store-listen' },
  ) {}

  /** Registers a wake-up call; returns the function that unregisters it. */
  subscribe(wake: () => void): () => void {
    this.subscribers.add(wake);
    this.ensureConnected();
    return () => {
      this.subscribers.delete(wake);
      if (this.subscribers.size === 0) void this.disconnect();
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    await this.disconnect();
  }

  private ensureConnected(): void {
    if (this.closed || this.connection || this.connecting || this.reconnectTimer) return;
    this.connecting = this.connect().finally(() => (this.connecting = null));
  }

  private async connect(): Promise<void> {
    let connection: Client | PoolClient | null = null;
    try {
      connection = this.connectionString ? new Client({ connectionString: this.connectionString, ...pgSessionOptions(this.session) }) : await this.pool.connect();
      connection.on('error', () => this.dropped(connection!));
      connection.on('end', () => this.dropped(connection!));
      if (connection instanceof Client) await connection.connect();
      await connection.query(`LISTEN ${APPENDED_CHANNEL}`);
      connection.on('notification', () => this.wakeAll());
      if (this.closed || this.subscribers.size === 0) return release(connection, false);
      this.connection = connection;
      this.wakeAll();
    } catch {
      if (connection) await release(connection, true);
      this.scheduleReconnect();
    }
  }

  private dropped(connection: Client | PoolClient): void {
    if (this.connection !== connection) return;
    this.connection = null;
    void release(connection, true);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.subscribers.size === 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.ensureConnected();
    }, RECONNECT_DELAY_MS);
  }

  private async disconnect(): Promise<void> {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    await this.connecting;
    if (!this.closed && this.subscribers.size > 0) return;
    const connection = this.connection;
    this.connection = null;
    if (connection) await release(connection, false);
  }

  private wakeAll(): void {
    this.subscribers.forEach((wake) => wake());
  }
}

async function release(connection: Client | PoolClient, broken: boolean): Promise<void> {
  connection.removeAllListeners();
  connection.on('error', () => undefined);
  try {
    if ('release' in connection) {
      if (!broken) await connection.query(`UNLISTEN ${APPENDED_CHANNEL}`).catch(() => undefined);
      connection.release(true);
    } else {
      await connection.end();
    }
  } catch {
    // The connection is gone already; there is nothing left to release.
  }
}
