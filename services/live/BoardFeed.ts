import { asyncScheduler, Subject, throttleTime, type Subscription } from 'rxjs';
import type { BoardName, BoardSnapshot, BoardSource } from '@tayari/projections/BoardSource';
import type { LiveCounters } from './LiveStats';
import { RenderedBoard } from './RenderedBoard';
import type { LiveErrorCode } from './ServerMessage';

/** A socket's side of a board: what the feed hands it. */
export interface BoardWatcher {
  deliver(rendered: RenderedBoard): void;
  /** The board cannot be watched (unknown, unreadable): the watcher forgets it and tells its client. */
  refuse(board: BoardName, code: LiveErrorCode, message: string): void;
}

export interface BoardFeedDeps {
  boards: BoardSource;
  coalesceMs: number;
  readRetryMs: number;
  counters: LiveCounters;
  log(message: string, error?: unknown): void;
  /** Called when the last watcher left: the owner disposes the feed. */
  onIdle(feed: BoardFeed): void;
}

/**
 * One watched board: coalesces its changes, reads it once per push and hands the same rendering to
 * every watcher. Reads never overlap, so a slow read cannot be overtaken by an older one.
 */
export class BoardFeed {
  readonly watchers = new Set<BoardWatcher>();
  /** The latest content pushed; what a new or recovering watcher gets as its snapshot. */
  current: RenderedBoard | undefined;
  private readonly changes = new Subject<void>();
  private readonly subscription: Subscription;
  private reading = false;
  private dirty = false;
  private disposed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    readonly board: BoardName,
    private readonly deps: BoardFeedDeps,
  ) {
    // Leading: the first change of a quiet board goes out at once; trailing: the rest of the window's
    // changes become one push at its end (a read then gets the latest position anyway).
    this.subscription = this.changes
      .pipe(throttleTime(deps.coalesceMs, asyncScheduler, { leading: true, trailing: true }))
      .subscribe(() => this.refresh());
  }

  /** The board changed (an event, or the clock). */
  changed(): void {
    this.changes.next();
  }

  add(watcher: BoardWatcher): void {
    this.watchers.add(watcher);
    if (this.current !== undefined) watcher.deliver(this.current);
    else if (!this.reading) this.refresh();
  }

  remove(watcher: BoardWatcher): void {
    if (this.watchers.delete(watcher) && this.watchers.size === 0) this.deps.onIdle(this);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.unsubscribe();
    clearTimeout(this.retry);
  }

  private refresh(): void {
    if (this.disposed) return;
    if (this.reading) {
      this.dirty = true;
      return;
    }
    this.reading = true;
    clearTimeout(this.retry);
    this.retry = undefined;
    this.deps.counters.boardReads++;
    new Promise<BoardSnapshot | undefined>((resolve) => resolve(this.deps.boards.read(this.board))).then(
      (snapshot) => this.settled(snapshot),
      (error: unknown) => this.failed(error),
    );
  }

  private settled(snapshot: BoardSnapshot | undefined): void {
    this.reading = false;
    if (this.disposed) return;
    if (snapshot === undefined) {
      // A board that vanishes after being seen keeps its last content: nothing to push.
      if (this.current === undefined) return this.refuseAll('unknown-board', `there is no board ${this.board}`);
    } else {
      this.publish(snapshot);
    }
    if (this.dirty) {
      this.dirty = false;
      this.refresh();
    }
  }

  private failed(error: unknown): void {
    this.reading = false;
    if (this.disposed) return;
    this.deps.log(`reading board ${this.board} failed`, error);
    if (this.current === undefined) return this.refuseAll('unavailable', `board ${this.board} cannot be read now; try again`);
    // Watchers keep what they have; the board is read again a little later.
    this.dirty = false;
    this.retry ??= setTimeout(() => {
      this.retry = undefined;
      this.refresh();
    }, this.deps.readRetryMs).unref();
  }

  private publish(snapshot: BoardSnapshot): void {
    const previous = this.current;
    const order = previous === undefined ? 1 : this.deps.boards.comparePositions(snapshot.position, previous.position);
    if (order < 0) return; // a lagging read: never show older content
    const rendered = new RenderedBoard(this.board, snapshot);
    this.deps.counters.boardRenders++;
    if (order === 0 && rendered.dataJson === previous?.dataJson) return; // read again, nothing changed
    this.current = rendered;
    for (const watcher of this.watchers) watcher.deliver(rendered);
  }

  private refuseAll(code: LiveErrorCode, message: string): void {
    const watchers = [...this.watchers];
    this.watchers.clear();
    for (const watcher of watchers) watcher.refuse(this.board, code, message);
    this.deps.onIdle(this);
  }
}
