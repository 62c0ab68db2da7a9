import net from 'node:net';

/**
 * A TCP relay in front of PostgreSQL whose connections the test can cut at once, as a network
 * fault does: both sockets are destroyed, the client sees its connection end, and the server
 * finishes whatever statement it was running (a commit included) before it notices.
 */
export class TcpProxy {
  private readonly pairs = new Set<readonly [net.Socket, net.Socket]>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = net.createServer((client) => proxy!.relay(client, targetHost, targetPort));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    return proxy;
  }

  /** Cuts every open connection; returns how many there were. New connections go through as before. */
  cutAll(): number {
    const cut = this.pairs.size;
    for (const pair of this.pairs) this.drop(pair);
    return cut;
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: net.Socket, host: string, port: number): void {
    const upstream = net.connect(port, host);
    const pair = [client, upstream] as const;
    this.pairs.add(pair);
    for (const socket of pair) {
      socket.setNoDelay(true);
      socket.on('error', () => this.drop(pair));
      socket.on('close', () => this.drop(pair));
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private drop(pair: readonly [net.Socket, net.Socket]): void {
    if (!this.pairs.delete(pair)) return;
    for (const socket of pair) socket.destroy();
  }
}
