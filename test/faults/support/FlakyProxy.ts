import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@tayari/shared/testing/seededRandom';

/**
 * A TCP proxy on loopback that misbehaves on purpose, between a client and the service:
 * - **cuts**: a share of connections (`cutRate`) is destroyed, both ends, after forwarding a random
 *   number of bytes in one direction (up: client → server, below `maxUpBytes`; down: server → client,
 *   below `maxDownBytes`). The byte count is cumulative over the connection's life, so a cut can fall
 *   in a request, between requests, or in an answer;
 * - **blackhole**: from `blackhole()` on, nothing is forwarded either way and nothing is closed, like a
 *   peer behind a dead network path.
 * Decisions come from a seeded generator, in connection order: the same seed and the same sequence of
 * connections give the same cuts.
 */
export interface FlakyProxyOptions {
  target: { host: string; port: number };
  /** Share of connections that are cut, 0–1. Default 0. */
  cutRate?: number;
  /** A cut in the client → server direction falls after 0 … maxUpBytes-1 forwarded bytes. Default 400. */
  maxUpBytes?: number;
  /** A cut in the server → client direction falls after 0 … maxDownBytes-1 forwarded bytes. Default 1500. */
  maxDownBytes?: number;
  /** Seed of the decisions. Default 1. */
  seed?: number;
}

export interface FlakyProxyStats {
  connections: number;
  /** Connections that were planned to be cut, and those actually cut (the others ended first). */
  planned: number;
  cutUp: number;
  cutDown: number;
}

type Direction = 'up' | 'down';
interface Plan {
  direction: Direction;
  afterBytes: number;
}

export class FlakyProxy {
  readonly stats: FlakyProxyStats = { connections: 0, planned: 0, cutUp: 0, cutDown: 0 };
  /** When (performance.now()) the server closed a connection to the proxy: how a test sees the server drop a dead peer. */
  readonly serverClosedAt: number[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly random: () => number;
  private blackholed = false;

  private constructor(
    private readonly server: Server,
    private readonly options: Required<FlakyProxyOptions>,
  ) {
    this.random = seededRandom(options.seed);
    server.on('connection', (client) => this.accept(client));
  }

  static async start(options: FlakyProxyOptions): Promise<FlakyProxy> {
    const server = createServer();
    const proxy = new FlakyProxy(server, { cutRate: 0, maxUpBytes: 400, maxDownBytes: 1500, seed: 1, ...options });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops forwarding, both ways, on every connection (open or future), without closing any. */
  blackhole(): void {
    this.blackholed = true;
  }

  /** Destroys every connection and stops listening. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private plan(): Plan | undefined {
    this.stats.connections++;
    // Three draws per connection whatever the outcome, so that one decision does not shift the next.
    const [cut, direction, where] = [this.random(), this.random(), this.random()];
    if (cut >= this.options.cutRate) return undefined;
    this.stats.planned++;
    const up = direction < 0.5;
    return { direction: up ? 'up' : 'down', afterBytes: Math.floor(where * (up ? this.options.maxUpBytes : this.options.maxDownBytes)) };
  }

  private accept(client: Socket): void {
    const plan = this.plan();
    const upstream = connect(this.options.target.port, this.options.target.host);
    upstream.once('close', () => this.serverClosedAt.push(performance.now()));
    const pair = [client, upstream];
    for (const socket of pair) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => this.sockets.delete(socket));
      // A reset on one side ends the other (unless blackholed: then nothing is passed on, not even that).
      socket.on('error', () => undefined);
    }
    let cut = false;
    const destroyBoth = () => {
      cut = true;
      // RST, as a dropped connection looks to the peers, rather than an orderly FIN.
      for (const socket of pair) if (!socket.destroyed) socket.resetAndDestroy();
    };
    const forwarded: Record<Direction, number> = { up: 0, down: 0 };
    const pipe = (from: Socket, to: Socket, direction: Direction) => {
      from.on('data', (chunk: Buffer) => {
        if (this.blackholed || cut) return;
        let part = chunk;
        const cutHere = plan?.direction === direction && forwarded[direction] + chunk.length >= plan.afterBytes;
        if (cutHere) part = chunk.subarray(0, Math.max(0, plan.afterBytes - forwarded[direction]));
        forwarded[direction] += part.length;
        if (cutHere) {
          this.stats[direction === 'up' ? 'cutUp' : 'cutDown']++;
          cut = true;
          // Let the last bytes go out, then cut both ends (a reset, not an orderly close).
          if (part.length > 0) to.write(part, () => destroyBoth());
          else destroyBoth();
          return;
        }
        if (!to.write(part)) {
          from.pause();
          to.once('drain', () => from.resume());
        }
      });
      from.on('end', () => {
        if (!this.blackholed && !cut) to.end();
      });
      from.on('close', () => {
        if (!this.blackholed) to.destroy();
      });
    };
    pipe(client, upstream, 'up');
    pipe(upstream, client, 'down');
  }
}
