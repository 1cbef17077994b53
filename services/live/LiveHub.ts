import type { Subscription } from 'rxjs';
import type { BoardChange, BoardName, BoardSource } from '@tayari/projections/BoardSource';
import { clientBoardName } from '@tayari/projections/boards/mineBoard';
import type { BoardFilter } from '@tayari/projections/boards/types';
import { boardKey } from '@tayari/shared/contract/boardKey';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import { BoardFeed } from './BoardFeed';
import type { LiveConnection } from './LiveConnection';
import type { LiveCounters } from './LiveStats';
import type { RenderedBoard } from './RenderedBoard';

export interface LiveHubDeps {
  boards: BoardSource;
  coalesceMs: number;
  readRetryMs: number;
  maxSubscriptionsPerConnection: number;
  /** How long a board's patches are kept for resuming clients; a feed nobody watches is kept as long. */
  patchRetentionMs: number;
  maxPatches: number;
  now(): number;
  counters: LiveCounters;
  log(message: string, error?: unknown): void;
}

/**
 * Who watches which board. A feed exists while a board (with a given filter) has watchers, and for
 * the patch retention after the last one leaves, so that a phone that reconnects gets the patches it
 * missed rather than the whole board. Changes to boards nobody watches cost a map lookup.
 */
export class LiveHub {
  private readonly feeds = new Map<string, BoardFeed>();
  /** Feeds by board name, for routing a board's changes to each of its filters. */
  private readonly feedsOfBoard = new Map<BoardName, Set<BoardFeed>>();
  private readonly retiring = new Map<BoardFeed, NodeJS.Timeout>();
  /** The last position each board changed at without an event (the clock): see PatchLog.begin. */
  private readonly changedInPlace = new Map<BoardName, Position>();
  private readonly changes: Subscription;

  constructor(private readonly deps: LiveHubDeps) {
    this.changes = deps.boards.changes$.subscribe({
      next: (change) => this.changed(change),
      error: (error: unknown) => deps.log('board changes stopped: clients get no more updates', error),
    });
  }

  /** The latest content of the feed a connection watches. */
  current(key: string): RenderedBoard | undefined {
    return this.feeds.get(key)?.current;
  }

  subscribe(connection: LiveConnection, board: BoardName, filter: BoardFilter, since: Position | undefined): void {
    if (!connection.isWatching(board) && connection.subscriptionCount >= this.deps.maxSubscriptionsPerConnection) {
      connection.sendError('too-many-subscriptions', `watch at most ${this.deps.maxSubscriptionsPerConnection} boards at once`, board);
      return;
    }
    if (since !== undefined && !this.isPosition(since)) {
      connection.sendError('bad-position', `since is not a position: ${since}`, board);
      return;
    }
    // A feed per board and distinct filter: the key the page holds the board under, too.
    const key = boardKey(board, filter);
    // One filter per board and connection: a new one replaces the old.
    const previous = connection.feedKeyOf(board);
    if (previous !== undefined && previous !== key) this.feeds.get(previous)?.remove(connection);
    const feed = this.feedFor(key, board, filter);
    connection.watch(board, key, since, since === undefined ? undefined : feed.resume(since));
    feed.add(connection);
  }

  unsubscribe(connection: LiveConnection, board: BoardName): void {
    const key = connection.unwatch(board);
    if (key !== undefined) this.feeds.get(key)?.remove(connection);
  }

  /** The connection closed. */
  drop(connection: LiveConnection): void {
    for (const board of connection.boards) this.unsubscribe(connection, board);
  }

  /** Watchers per board (all filters together; every person's own board counts as `mine`). */
  subscriptionCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const feed of this.feeds.values()) {
      const board = clientBoardName(feed.board);
      if (feed.watchers.size > 0) counts[board] = (counts[board] ?? 0) + feed.watchers.size;
    }
    return counts;
  }

  close(): void {
    this.changes.unsubscribe();
    for (const timer of this.retiring.values()) clearTimeout(timer);
    this.retiring.clear();
    for (const feed of this.feeds.values()) feed.dispose();
    this.feeds.clear();
    this.feedsOfBoard.clear();
  }

  private changed(change: BoardChange): void {
    if (change.clock) this.changedInPlace.set(change.board, change.position);
    const feeds = this.feedsOfBoard.get(change.board);
    if (feeds) for (const feed of feeds) feed.changed();
  }

  private feedFor(key: string, board: BoardName, filter: BoardFilter): BoardFeed {
    let feed = this.feeds.get(key);
    if (feed !== undefined) {
      clearTimeout(this.retiring.get(feed));
      this.retiring.delete(feed);
      return feed;
    }
    feed = new BoardFeed(board, filter, {
      ...this.deps,
      changedInPlace: (name, position) => {
        const at = this.changedInPlace.get(name);
        return at !== undefined && this.deps.boards.comparePositions(at, position) === 0;
      },
      onIdle: (idle) => this.idle(key, idle),
    });
    this.feeds.set(key, feed);
    let feeds = this.feedsOfBoard.get(board);
    if (!feeds) this.feedsOfBoard.set(board, (feeds = new Set()));
    feeds.add(feed);
    return feed;
  }

  /** The last watcher left (or the board cannot be watched): keep its patches a while, then retire it. */
  private idle(key: string, feed: BoardFeed): void {
    if (this.feeds.get(key) !== feed) {
      feed.dispose();
      return;
    }
    if (feed.current === undefined) {
      this.retire(key, feed);
      return;
    }
    clearTimeout(this.retiring.get(feed));
    this.retiring.set(feed, setTimeout(() => this.retire(key, feed), this.deps.patchRetentionMs).unref());
  }

  private retire(key: string, feed: BoardFeed): void {
    this.retiring.delete(feed);
    if (feed.watchers.size > 0) return;
    // A newer feed may have replaced this one while it was refusing its watchers.
    if (this.feeds.get(key) === feed) this.feeds.delete(key);
    const feeds = this.feedsOfBoard.get(feed.board);
    feeds?.delete(feed);
    if (feeds?.size === 0) this.feedsOfBoard.delete(feed.board);
    feed.dispose();
  }

  /** Positions are opaque strings; the source's comparison is what tells a real one. */
  private isPosition(candidate: Position): boolean {
    try {
      return this.deps.boards.comparePositions(candidate, candidate) === 0;
    } catch {
      return false;
    }
  }
}
