import net from 'node:net';

/**
 * A TCP relay in front of PostgreSQL whose connections the test can cut at once, as a network
 * fault does: both sockets are destroyed, the client sees its connection end, and the server
 * finishes whatever statement it was running (a commit included) before it notices.
 */
export class TcpProxy {
  private readonly pairs = new Set<readonly [net.Socket, net.Socket]>();

  private readonly server: net.Server;

  private constructor(targetHost: string, targetPort: number) {
    this.server = net.createServer((client) => this.relay(client, targetHost, targetPort));
  }

  /** Listens on a free port of 127.0.0.1 and relays to the target. */
  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', resolve);
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
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
