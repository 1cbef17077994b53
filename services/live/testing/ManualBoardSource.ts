import { Subject } from 'rxjs';
import type { BoardChange, BoardName, BoardSnapshot, BoardSource } from '@tayari/projections/BoardSource';
import type { Position } from '@tayari/shared/eventstore/EventStore';

/**
 * A test double of the BoardSource port: boards live in a Map, changes are announced by hand.
 * Positions are decimal strings. It counts reads, and can hold reads back to test races.
 */
export class ManualBoardSource implements BoardSource {
  readonly changes = new Subject<BoardChange>();
  readonly changes$ = this.changes.asObservable();
  readonly reads = new Map<BoardName, number>();
  /** When set, every read waits for it before answering (with the content at the time it answers). */
  gate: Promise<void> | undefined;
  /** When set, reads of this board throw. */
  failing = new Set<BoardName>();
  private readonly contents = new Map<BoardName, BoardSnapshot>();

  /** Sets a board's content and announces the change. */
  set(board: BoardName, position: Position, data: unknown): void {
    this.put(board, position, data);
    this.announce(board, position);
  }

  /** Sets a board's content silently (as a projection that has not announced yet). */
  put(board: BoardName, position: Position, data: unknown): void {
    this.contents.set(board, { position, data });
  }

  announce(board: BoardName, position: Position = this.contents.get(board)?.position ?? '0'): void {
    this.changes.next({ board, position });
  }

  readsOf(board: BoardName): number {
    return this.reads.get(board) ?? 0;
  }

  async read(board: BoardName): Promise<BoardSnapshot | undefined> {
    this.reads.set(board, this.readsOf(board) + 1);
    if (this.gate !== undefined) await this.gate;
    if (this.failing.has(board)) throw new Error(`reading ${board} failed (test)`);
    return this.contents.get(board);
  }

  comparePositions(a: Position, b: Position): number {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
}
