import { Pool, PoolClient, PoolConfig } from 'pg';
import { Admission } from './admission';

export interface BoundedPoolConfig extends PoolConfig {
  /** Requests that may wait for a connection; one more is refused with `PoolOverloadedError`. Default 1,000. */
  readonly queueLimit?: number;
  /** The longest a request waits for a connection. Default 10,000 ms. */
  readonly acquireTimeoutMs?: number;
}

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/**
 * A pg Pool whose waiters stand in a bounded queue ({@link Admission}) with their own acquire
 * timeout: a burst waits for a connection instead of failing after `connectionTimeoutMillis`,
 * which here bounds only the handshake of a new connection (an unreachable server still fails
 * fast, as `ECONNREFUSED` or a connect timeout). `query` takes its connection through `connect`,
 * so both are bounded; so is TypeORM, which is handed this class as pg's `Pool`.
 */
export class BoundedPool extends Pool {
  private readonly admission: Admission;

  constructor(config: BoundedPoolConfig = {}) {
    super(config);
    // pg-pool takes its idle error listener off a client as it hands it out, and the admission
    // queue hands it on a few microtasks later: a backend terminated in between (its FATAL
    // message read at once) would be an 'error' event with no listener, which ends the process.
    // Every client keeps a listener for life; a query under way still fails with the error.
    this.on('connect', (client) => client.on('error', () => undefined));
    this.admission = new Admission(config.application_name ?? 'pg', {
      permits: config.max ?? 10,
      queueLimit: config.queueLimit ?? 1_000,
      acquireTimeoutMs: config.acquireTimeoutMs ?? 10_000,
    });
  }

  /** Requests waiting for a connection in the bounded queue. */
  get queuedCount(): number {
    return this.admission.waitingCount;
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    const connected = this.ending ? super.connect() : this.admitted();
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  override end(): Promise<void>;
  override end(callback: () => void): void;
  override end(callback?: () => void): Promise<void> | void {
    this.admission.close(new Error('Cannot use a pool after calling end on the pool'));
    return callback ? super.end(callback) : super.end();
  }

  /** A connection once a permit is free; the client's `release` gives the permit back. */
  private async admitted(): Promise<PoolClient> {
    const leave = await this.admission.enter();
    let client: PoolClient;
    try {
      client = await super.connect();
    } catch (error) {
      leave();
      throw error;
    }
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      leave();
      release(error);
    };
    return client;
  }
}
