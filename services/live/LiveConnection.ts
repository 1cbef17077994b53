import { WebSocket } from 'ws';
import type { BoardName } from '@tayari/projections/BoardSource';
import type { Actor } from '@tayari/shared/common/actor';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { BoardWatcher } from './BoardFeed';
import type { LiveCounters } from './LiveStats';
import type { RenderedBoard } from './RenderedBoard';
import type { LiveErrorCode, ServerMessage } from './ServerMessage';

interface Watch {
  /** The position this client last got for the board (or said it has, with `since`). */
  last: Position | undefined;
  /** The next push is a snapshot: just subscribed, or pushes were dropped while stale. */
  snapshotDue: boolean;
  /** The `since` of the subscribe, until compared with the board: equal means the client is up to date. */
  since: Position | undefined;
}

export interface LiveConnectionDeps {
  comparePositions(a: Position, b: Position): number;
  /** The latest rendering of a board, when someone watches it. */
  current(board: BoardName): RenderedBoard | undefined;
  maxBufferedBytes: number;
  counters: LiveCounters;
  /** The socket fell behind: the owner polls tryRecover() until it drains. */
  onStale(connection: LiveConnection): void;
}

/**
 * One client socket: the boards it watches and what it last got of each. Sending never waits: a
 * socket with too much unsent goes stale, its pushes are dropped, and once drained it gets a fresh
 * snapshot of every board it watches.
 */
export class LiveConnection implements BoardWatcher {
  private readonly watches = new Map<BoardName, Watch>();
  /** Pings sent and not answered. */
  awaitingPongs = 0;
  /** Messages refused in a row by the rate limit. */
  refusedInRow = 0;
  private stale = false;

  constructor(
    readonly socket: WebSocket,
    readonly actor: Actor,
    private readonly deps: LiveConnectionDeps,
  ) {}

  get boards(): BoardName[] {
    return [...this.watches.keys()];
  }

  get subscriptionCount(): number {
    return this.watches.size;
  }

  isWatching(board: BoardName): boolean {
    return this.watches.has(board);
  }

  /** Starts (or restarts) watching a board; its snapshot is due. */
  watch(board: BoardName, since: Position | undefined): void {
    const previous = this.watches.get(board)?.last;
    const last = previous === undefined || (since !== undefined && this.deps.comparePositions(since, previous) > 0) ? since : previous;
    this.watches.set(board, { last, snapshotDue: true, since });
  }

  unwatch(board: BoardName): boolean {
    return this.watches.delete(board);
  }

  deliver(rendered: RenderedBoard): void {
    const watch = this.watches.get(rendered.board);
    if (watch === undefined) return;
    const order = watch.last === undefined ? 1 : this.deps.comparePositions(rendered.position, watch.last);
    if (order < 0) return; // positions never go back for a client
    if (watch.since !== undefined) {
      const since = watch.since;
      watch.since = undefined;
      if (this.deps.comparePositions(rendered.position, since) === 0) {
        watch.snapshotDue = false; // the client already has this position
        return;
      }
    }
    if (this.stale) {
      this.deps.counters.messagesDropped++;
      this.tryRecover(); // sends every due snapshot, this board's included, if drained
      return;
    }
    if (this.socket.bufferedAmount > this.deps.maxBufferedBytes) {
      this.deps.counters.messagesDropped++;
      this.goStale();
      return;
    }
    this.send(rendered.frame(watch.snapshotDue ? 'snapshot' : 'update'));
    watch.last = rendered.position;
    watch.snapshotDue = false;
  }

  refuse(board: BoardName, code: LiveErrorCode, message: string): void {
    this.watches.delete(board);
    this.sendError(code, message, board);
  }

  /** Errors are small but still not queued behind a backlog: a stale socket does not get them. */
  sendError(code: LiveErrorCode, message: string, board?: string): void {
    if (this.stale || this.socket.bufferedAmount > this.deps.maxBufferedBytes) return;
    const error: ServerMessage = { type: 'error', code, message, ...(board === undefined ? {} : { board }) };
    this.send(Buffer.from(JSON.stringify(error), 'utf8'));
  }

  /** Once a stale socket has drained, sends a fresh snapshot of each board; true when no longer stale. */
  tryRecover(): boolean {
    if (!this.stale) return true;
    if (this.socket.readyState !== WebSocket.OPEN) return true;
    // Drained below a quarter of the limit, so that recovery is not followed at once by going stale again.
    if (this.socket.bufferedAmount > this.deps.maxBufferedBytes / 4) return false;
    this.stale = false;
    for (const board of this.watches.keys()) {
      const rendered = this.deps.current(board);
      if (rendered !== undefined) this.deliver(rendered);
    }
    return !this.stale;
  }

  private goStale(): void {
    this.stale = true;
    for (const watch of this.watches.values()) {
      watch.snapshotDue = true;
      watch.since = undefined;
    }
    this.deps.counters.droppedBacklogs++;
    this.deps.onStale(this);
  }

  private send(frame: Buffer): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    // The same buffer goes to every watcher; binary: false makes it a text frame.
    this.socket.send(frame, { binary: false });
    this.deps.counters.messagesSent++;
    this.deps.counters.bytesSent += frame.length;
  }
}
