import { comparePositions } from './comparePositions';

export interface HeldBoard {
  position: string;
  data: unknown;
}

/**
 * The boards the page holds, from GETs and from the websocket. A board only moves forward: an
 * answer older than what is held (a slow GET racing a live update) is dropped. Equal positions are
 * taken, because the clock changes boards (overdue, at risk) without a new event.
 */
export class BoardStore {
  private readonly boards = new Map<string, HeldBoard>();

  get(board: string): HeldBoard | undefined {
    return this.boards.get(board);
  }

  positionOf(board: string): string | undefined {
    return this.boards.get(board)?.position;
  }

  /**
   * Holds a board; answers whether it was taken. `authoritative` (a live snapshot) replaces the board
   * whatever its position: the server sends one after a reconnect or when it dropped our backlog.
   */
  put(board: string, position: string, data: unknown, authoritative = false): boolean {
    const held = this.boards.get(board);
    if (held && !authoritative && comparePositions(position, held.position) < 0) return false;
    this.boards.set(board, { position, data });
    return true;
  }
}
