import type { Socket } from 'node:net';
import { nth } from '@tayari/shared/testing/nth';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

/** One push of a board as a watcher got it: when (performance.now()) and at which position. */
export interface Arrival {
  at: number;
  position: number;
  type: string;
}

/**
 * A live-board watcher for measurements: a real `ws` client subscribed to one board that notes when
 * each snapshot or update arrives and the position it carries (SQLite positions: whole numbers).
 */
export class BoardWatcher {
  readonly arrivals: Arrival[] = [];
  readonly closed: Promise<number>;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly ws: WebSocket,
    readonly board: string,
  ) {
    ws.on('message', (data) => {
      const at = performance.now();
      const message = JSON.parse(data.toString()) as { type?: unknown; board?: unknown; position?: unknown };
      if (message.board !== board || typeof message.position !== 'string') return;
      this.arrivals.push({ at, position: Number(message.position), type: String(message.type) });
      for (const wake of this.waiters.splice(0)) wake();
    });
    // The server may cut a watcher off (that is what some tests check); the error is the close.
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  /** Connects, subscribes, and resolves once the board's snapshot has arrived. */
  static async watch(url: string, board: string, timeoutMs = 5000): Promise<BoardWatcher> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const watcher = new BoardWatcher(ws, board);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
    });
    ws.send(JSON.stringify({ type: 'subscribe', board }));
    await watcher.reach(0, timeoutMs);
    return watcher;
  }

  /** The TCP socket under the websocket (to stop reading from it). */
  get tcp(): Socket {
    return (this.ws as unknown as { _socket: Socket })._socket;
  }

  get lastPosition(): number {
    return this.arrivals.at(-1)?.position ?? -1;
  }

  /** Waits until a push at `position` or later has arrived. */
  async reach(position: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(this.arrivals.length > 0 && this.lastPosition >= position)) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.board}: no push at position ${position} within ${timeoutMs} ms (last ${this.lastPosition})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * How long after each command's answer this watcher got a push carrying its position (or a later
   * one), in ms; 0 when the push came first. Commands must be sorted by position.
   */
  deliveryDelays(commands: readonly { answeredAt: number; position: number }[]): number[] {
    const delays: number[] = [];
    let i = 0;
    for (const command of commands) {
      while (i < this.arrivals.length && nth(this.arrivals, i).position < command.position) i++;
      const arrival = this.arrivals[i];
      if (arrival === undefined) throw new Error(`${this.board}: never got position ${command.position}`);
      delays.push(Math.max(0, arrival.at - command.answeredAt));
    }
    return delays;
  }
}
