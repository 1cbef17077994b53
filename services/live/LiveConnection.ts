import { WebSocket } from 'ws';
import type { BoardName } from '@tayari/projections/BoardSource';
import { clientBoardName } from '@tayari/projections/boards/mineBoard';
import type { Actor } from '@tayari/shared/common/actor';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { BoardWatcher } from './BoardFeed';
import type { LiveCounters } from './LiveStats';
import type { Resume } from './PatchLog';
import type { BoardPatch, RenderedBoard } from './RenderedBoard';
import type { LiveErrorCode, ServerMessage } from './ServerMessage';

interface Watch {
  /** The feed (board and filter) watched. */
  key: string;
  /** The position this client holds the board at (what it last got, or said it has with `since`). */
  last: Position | undefined;
  /** The next push is a snapshot: just subscribed, missed a patch, or pushes were dropped while stale. */
  snapshotDue: boolean;
  /** The client said it holds `last` and the board (or its first read) has not reached it: nothing until it does. */
  ahead: boolean;
}

export interface LiveConnectionDeps {
  comparePositions(a: Position, b: Position): number;
  /** The latest rendering of a feed, when someone watches it. */
  current(key: string): RenderedBoard | undefined;
  maxBufferedBytes: number;
  counters: LiveCounters;
  /** The socket fell behind: the owner polls tryRecover() until it drains. */
  onStale(connection: LiveConnection): void;
}

/**
 * One client socket: the boards it watches and the position it holds each at. A patch goes out only
 * when its `from` is that position; otherwise the client gets a snapshot. Sending never waits: a
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

  feedKeyOf(board: BoardName): string | undefined {
    return this.watches.get(board)?.key;
  }

  /**
   * Starts (or restarts) watching a board through feed `key`. With `since`, `resume` says how the
   * client catches up: the patches it missed are sent now, or nothing, or a snapshot when due.
   */
  watch(board: BoardName, key: string, since: Position | undefined, resume: Resume | undefined): void {
    const watch: Watch = { key, last: undefined, snapshotDue: true, ahead: false };
    this.watches.set(board, watch);
    if (since === undefined || resume === undefined || resume.kind === 'snapshot') return;
    watch.last = since;
    if (resume.kind === 'ahead') {
      watch.ahead = true;
      return;
    }
    const current = this.deps.current(key);
    if (current === undefined) return;
    watch.snapshotDue = false;
    if (resume.kind === 'patches') {
      if (this.blocked()) {
        this.missed(watch);
        return;
      }
      for (const frame of resume.frames) this.send(frame);
    }
    watch.last = current.position;
  }

  /** Stops watching; answers the feed it watched. */
  unwatch(board: BoardName): string | undefined {
    const key = this.watches.get(board)?.key;
    this.watches.delete(board);
    return key;
  }

  deliver(rendered: RenderedBoard, patch: BoardPatch | undefined): void {
    const watch = this.watches.get(rendered.board);
    if (watch === undefined || this.deps.current(watch.key) !== rendered) return;
    const order = watch.last === undefined ? 1 : this.deps.comparePositions(rendered.position, watch.last);
    if (order < 0) return; // positions never go back for a client
    if (watch.ahead) {
      if (order === 0 && !rendered.suspect) {
        // The board reached what the client holds.
        watch.ahead = false;
        watch.snapshotDue = false;
        return;
      }
      watch.ahead = false;
      watch.snapshotDue = true;
    }
    if (order === 0 && !watch.snapshotDue && patch === undefined) return; // the client holds this content
    if (this.stale) {
      this.deps.counters.messagesDropped++;
      this.tryRecover(); // sends every due snapshot, this board's included, if drained
      return;
    }
    if (this.blocked()) {
      this.deps.counters.messagesDropped++;
      this.goStale();
      return;
    }
    const asPatch = !watch.snapshotDue && patch !== undefined && watch.last !== undefined && this.deps.comparePositions(patch.from, watch.last) === 0;
    this.send(asPatch ? patch.frame : rendered.snapshotFrame());
    watch.last = rendered.position;
    watch.snapshotDue = false;
  }

  refuse(board: BoardName, code: LiveErrorCode, message: string): void {
    this.watches.delete(board);
    this.sendError(code, message, board);
  }

  /** Errors are small but still not queued behind a backlog: a stale socket does not get them. */
  sendError(code: LiveErrorCode, message: string, board?: string): void {
    if (this.blocked()) return;
    const error: ServerMessage = { type: 'error', code, message, ...(board === undefined ? {} : { board: clientBoardName(board) }) };
    this.send(Buffer.from(JSON.stringify(error), 'utf8'));
  }

  /** Once a stale socket has drained, sends a fresh snapshot of each board; true when no longer stale. */
  tryRecover(): boolean {
    if (!this.stale) return true;
    if (this.socket.readyState !== WebSocket.OPEN) return true;
    // Drained below a quarter of the limit, so that recovery is not followed at once by going stale again.
    if (this.socket.bufferedAmount > this.deps.maxBufferedBytes / 4) return false;
    this.stale = false;
    for (const watch of this.watches.values()) {
      const rendered = this.deps.current(watch.key);
      if (rendered !== undefined) this.deliver(rendered, undefined);
    }
    return !this.stale;
  }

  private blocked(): boolean {
    return this.stale || this.socket.bufferedAmount > this.deps.maxBufferedBytes;
  }

  /** The client cannot be sent what it missed now: it gets a snapshot once the socket drains. */
  private missed(watch: Watch): void {
    watch.snapshotDue = true;
    this.deps.counters.messagesDropped++;
    if (!this.stale) this.goStale();
  }

  private goStale(): void {
    this.stale = true;
    for (const watch of this.watches.values()) {
      watch.snapshotDue = true;
      watch.ahead = false;
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
