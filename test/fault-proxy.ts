/**
 * A fault-injecting TCP proxy for tests: put it between the server and Neo4j, then cut, stall, slow down or
 * drop the connection on demand. Listens on 127.0.0.1 only and forwards to one target on 127.0.0.1.
 *
 * - `pass`: forwards bytes both ways (after `delayMs`, when set).
 * - `refuse`: closes every connection at once, like a stopped database whose port is closed.
 * - `stall`: accepts connections but moves no byte either way (held, not lost), like a hung database or a
 *   partitioned network; back in `pass`, the held bytes flow again.
 * `dropConnections()` cuts every open connection once (a dropped connection) and keeps the mode.
 */
import net, { type AddressInfo, type Socket } from 'node:net';

export type FaultMode = 'pass' | 'refuse' | 'stall';

interface Link {
  client: Socket;
  upstream: Socket | null;
}

export class FaultProxy {
  mode: FaultMode = 'pass';
  /** Added to every chunk in both directions while passing. */
  delayMs = 0;
  /** Connections accepted since start, for tests that want to see reconnects. */
  accepted = 0;
  private readonly links = new Set<Link>();

  private constructor(
    private readonly server: net.Server,
    private readonly targetPort: number,
  ) {}

  static async start(targetPort: number): Promise<FaultProxy> {
    const server = net.createServer();
    const proxy = new FaultProxy(server, targetPort);
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }

  /** Switches mode; `refuse` also cuts what is open, `stall` holds it, `pass` lets it flow again. */
  setMode(mode: FaultMode): void {
    this.mode = mode;
    if (mode === 'refuse') this.dropConnections();
    for (const link of this.links) {
      if (mode === 'stall') {
        link.client.pause();
        link.upstream?.pause();
      } else if (mode === 'pass') {
        if (!link.upstream) this.connectUpstream(link);
        link.client.resume();
        link.upstream?.resume();
      }
    }
  }

  dropConnections(): void {
    for (const link of this.links) {
      link.client.destroy();
      link.upstream?.destroy();
    }
    this.links.clear();
  }

  get openConnections(): number {
    return this.links.size;
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.accepted += 1;
    client.on('error', () => {});
    if (this.mode === 'refuse') {
      client.destroy();
      return;
    }
    const link: Link = { client, upstream: null };
    this.links.add(link);
    client.on('close', () => this.forget(link));
    if (this.mode === 'stall') client.pause();
    else this.connectUpstream(link);
  }

  private forget(link: Link): void {
    this.links.delete(link);
    link.client.destroy();
    link.upstream?.destroy();
  }

  private connectUpstream(link: Link): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    link.upstream = upstream;
    upstream.on('error', () => {});
    upstream.on('close', () => this.forget(link));
    this.pipe(link.client, upstream);
    this.pipe(upstream, link.client);
  }

  private pipe(from: Socket, to: Socket): void {
    from.on('data', (chunk) => {
      if (this.delayMs <= 0) to.write(chunk);
      else setTimeout(() => to.writable && to.write(chunk), this.delayMs);
    });
  }
}
