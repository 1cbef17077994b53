import type { Observable } from 'rxjs';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { BoardFilter } from './boards/types';

/** The boards a browser can watch (SPEC.md, "Live boards"). */
export type BoardName = 'readiness' | 'attention' | `programme:${string}` | `wing:${string}` | 'posts' | `mine:${string}` | `drive:${string}`;

export interface BoardChange {
  board: BoardName;
  /** The global position the board reflects after the change (never goes back per board). */
  position: Position;
  /** The content may have changed at an unchanged position: time passed (a due time), or documents were reloaded. */
  clock?: true;
}

export interface BoardSnapshot {
  position: Position;
  /** The same shape as the matching GET (/api/boards/readiness, /api/boards/programme/{id}, /api/boards/wing/{code}). */
  data: unknown;
}

/**
 * What the live gateway needs from the read side: which boards changed, and each board's current
 * content. Changes include those caused by the clock (a due time passing), at an unchanged position.
 */
export interface BoardSource {
  readonly changes$: Observable<BoardChange>;
  /**
   * undefined when the board does not exist (an unknown programme or wing). `filter` narrows the cards
   * of programme and wing boards (the readiness board takes none).
   */
  read(board: BoardName, filter?: BoardFilter): Promise<BoardSnapshot | undefined>;
  comparePositions(a: Position, b: Position): number;
  /** Whether a thing of `unit` lies within `scope` (SPEC v2 units): subscriptions of a person acting for a unit are narrowed. */
  unitWithin?(scope: string, unit: string | undefined): boolean;
  /** A programme's unit from memory (undefined: none, or no such programme). */
  programmeUnit?(id: string): string | undefined;
}
