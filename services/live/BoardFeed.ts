import { asyncScheduler, Subject, throttleTime, type Subscription } from 'rxjs';
import type { BoardName, BoardSnapshot, BoardSource } from '@tayari/projections/BoardSource';
import type { BoardFilter } from '@tayari/projections/boards/types';
import { mergePatch } from '@tayari/shared/contract/mergePatch';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { LiveCounters } from './LiveStats';
import { PatchLog, type Resume } from './PatchLog';
import { patchFrame, RenderedBoard, type BoardPatch } from './RenderedBoard';
import type { LiveErrorCode } from './ServerMessage';

/** A socket's side of a board: what the feed hands it. */
export interface BoardWatcher {
  /** The board's new content, and the patch to it from the previous one (none for the first). */
  deliver(rendered: RenderedBoard, patch: BoardPatch | undefined): void;
  /** The board cannot be watched (unknown, unreadable): the watcher forgets it and tells its client. */
  refuse(board: BoardName, code: LiveErrorCode, message: string): void;
}

export interface BoardFeedDeps {
  boards: BoardSource;
  coalesceMs: number;
  /** How long patches are kept for clients resuming with `since`, and how many at most. */
  patchRetentionMs: number;
  maxPatches: number;
  now(): number;
  /** Whether the board's content may have changed at `position` without an event (the clock). */
  changedInPlace(board: BoardName, position: Position): boolean;
  readRetryMs: number;
  counters: LiveCounters;
  log(message: string, error?: unknown): void;
  /** Called when the last watcher left: the owner disposes the feed. */
  onIdle(feed: BoardFeed): void;
}

/**
 * One watched board (with one filter): coalesces its changes, reads it once per push, turns the
 * difference into one merge patch and hands the same frames to every watcher. Reads never overlap, so
 * a slow read cannot be overtaken by an older one. Recent patches are kept for clients that resume.
 */
export class BoardFeed {
  readonly watchers = new Set<BoardWatcher>();
  /** The latest content pushed; what a new or recovering watcher gets as its snapshot. */
  current: RenderedBoard | undefined;
  private readonly log: PatchLog;
  private readonly changes = new Subject<void>();
  private readonly subscription: Subscription;
  private reading = false;
  private dirty = false;
  private disposed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    readonly board: BoardName,
    readonly filter: BoardFilter,
    private readonly deps: BoardFeedDeps,
  ) {
    this.log = new PatchLog({
      compare: (a, b) => deps.boards.comparePositions(a, b),
      retainMs: deps.patchRetentionMs,
      maxPatches: deps.maxPatches,
      now: deps.now,
    });
    // Leading: the first change of a quiet board goes out at once; trailing: the rest of the window's
    // changes become one push at its end (a read then gets the latest position anyway).
    this.subscription = this.changes.pipe(throttleTime(deps.coalesceMs, asyncScheduler, { leading: true, trailing: true })).subscribe(() => this.refresh());
  }

  /** The board changed (an event, or the clock). */
  changed(): void {
    this.changes.next();
  }

  add(watcher: BoardWatcher): void {
    this.watchers.add(watcher);
    if (this.current !== undefined) watcher.deliver(this.current, undefined);
    else if (!this.reading) this.refresh();
  }

  /** How a client holding the board at `since` catches up; a snapshot until the board has been read. */
  resume(since: Position): Resume {
    // Before the first read: wait for it, and send nothing if it is at `since` (see LiveConnection).
    return this.current === undefined ? { kind: 'ahead' } : this.log.resume(since, this.current.position);
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
    new Promise<BoardSnapshot | undefined>((resolve) => resolve(this.deps.boards.read(this.board, this.filter))).then(
      (snapshot) => this.settled(snapshot),
      (error: unknown) => this.failed(error),
    );
  }

  private settled(snapshot: BoardSnapshot | undefined): void {
    this.reading = false;
    if (this.disposed) return;
    if (snapshot === undefined) {
      // A board that vanishes after being seen keeps its last content: nothing to push.
      if (this.current === undefined) {
        this.refuseAll('unknown-board', `there is no board ${this.board}`);
        return;
      }
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
    if (this.current === undefined) {
      this.refuseAll('unavailable', `board ${this.board} cannot be read now; try again`);
      return;
    }
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
    const suspect = previous === undefined && this.deps.changedInPlace(this.board, snapshot.position);
    const rendered = new RenderedBoard(this.board, snapshot, suspect);
    this.deps.counters.boardRenders++;
    let patch: BoardPatch | undefined;
    if (previous === undefined) {
      this.log.begin(rendered.position, !suspect);
    } else {
      const diff = mergePatch(previous.data, rendered.data);
      if (diff === undefined) return; // read again, nothing changed
      const patchJson = JSON.stringify(diff);
      patch = {
        board: this.board,
        from: previous.position,
        position: rendered.position,
        sameSpot: order === 0,
        patchJson,
        frame: patchFrame(this.board, previous.position, rendered.position, patchJson),
        at: this.deps.now(),
      };
      this.log.add(patch);
    }
    this.current = rendered;
    for (const watcher of this.watchers) watcher.deliver(rendered, patch);
  }

  private refuseAll(code: LiveErrorCode, message: string): void {
    const watchers = [...this.watchers];
    this.watchers.clear();
    for (const watcher of watchers) watcher.refuse(this.board, code, message);
    this.deps.onIdle(this);
  }
}
