import type { Subscription } from 'rxjs';
import type { BoardName, BoardSource } from '@tayari/projections/BoardSource';
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
  counters: LiveCounters;
  log(message: string, error?: unknown): void;
}

/**
 * Who watches which board. A feed exists only while a board has watchers, so changes to boards
 * nobody watches cost a map lookup.
 */
export class LiveHub {
  private readonly feeds = new Map<BoardName, BoardFeed>();
  private readonly changes: Subscription;

  constructor(private readonly deps: LiveHubDeps) {
    this.changes = deps.boards.changes$.subscribe({
      next: (change) => this.feeds.get(change.board)?.changed(),
      error: (error: unknown) => deps.log('board changes stopped: clients get no more updates', error),
    });
  }

  current(board: BoardName): RenderedBoard | undefined {
    return this.feeds.get(board)?.current;
  }

  subscribe(connection: LiveConnection, board: BoardName, since: Position | undefined): void {
    if (!connection.isWatching(board) && connection.subscriptionCount >= this.deps.maxSubscriptionsPerConnection) {
      connection.sendError('too-many-subscriptions', `watch at most ${this.deps.maxSubscriptionsPerConnection} boards at once`, board);
      return;
    }
    if (since !== undefined && !this.isPosition(since)) {
      connection.sendError('bad-position', `since is not a position: ${since}`, board);
      return;
    }
    connection.watch(board, since);
    let feed = this.feeds.get(board);
    if (feed === undefined) {
      feed = new BoardFeed(board, { ...this.deps, onIdle: (idle) => this.retire(idle) });
      this.feeds.set(board, feed);
    }
    feed.add(connection);
  }

  unsubscribe(connection: LiveConnection, board: BoardName): void {
    if (connection.unwatch(board)) this.feeds.get(board)?.remove(connection);
  }

  /** The connection closed. */
  drop(connection: LiveConnection): void {
    for (const board of connection.boards) this.unsubscribe(connection, board);
  }

  subscriptionCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [board, feed] of this.feeds) counts[board] = feed.watchers.size;
    return counts;
  }

  close(): void {
    this.changes.unsubscribe();
    for (const feed of this.feeds.values()) feed.dispose();
    this.feeds.clear();
  }

  private retire(feed: BoardFeed): void {
    // A newer feed may have replaced this one while it was refusing its watchers.
    if (this.feeds.get(feed.board) === feed) this.feeds.delete(feed.board);
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
