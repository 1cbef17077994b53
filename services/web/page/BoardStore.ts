import { comparePositions } from './comparePositions';
import { type CardLog, patchBoard } from './patchBoard';

export interface HeldBoard {
  position: string;
  data: unknown;
  /** A keyed board patched by the socket: its cards changed in place since, by id (patchBoard). */
  log?: CardLog;
}

/** What became of a live patch: applied; `missed`: the page must resubscribe; `waiting`: a snapshot is due. */
export type PatchOutcome = 'applied' | 'missed' | 'waiting';

/**
 * Per board key, two copies at most: `live`, the chain of socket messages (snapshot, then patches), and
 * `read`, a GET answer kept only while it is newer than the chain (a read of one's own write, or
 * polling while the socket is down). Patches apply to `live` only: a patch's `from` is the position
 * the server last sent this socket, which a later GET's need not be. A GET read before any socket
 * message may start the chain instead (`subscribeFrom`): then the server is told its position.
 */
interface Entry {
  live?: HeldBoard;
  read?: HeldBoard;
  /** A first read of part of the board (a programme's first cards per column): shown until the whole board comes. */
  preview?: HeldBoard;
}

/**
 * The boards the page holds, from GETs and from the websocket (SPEC v2: snapshots and merge patches).
 * Boards are held by key (boardKey: the board name and its filter), so a filtered board (a wing's
 * cards) and the whole board are two entries: a patch or a read of one never touches the other, and
 * the position of one is never sent as `since` for the other.
 */
export class BoardStore {
  private readonly boards = new Map<string, Entry>();

  /** What the page shows: the newer of the two copies. */
  get(key: string): HeldBoard | undefined {
    const entry = this.boards.get(key);
    return entry?.read ?? entry?.live ?? entry?.preview;
  }

  /** Whether the whole board is held (not only a preview of it). */
  holdsWhole(key: string): boolean {
    const entry = this.boards.get(key);
    return entry?.live !== undefined || entry?.read !== undefined;
  }

  /**
   * Holds part of a board to show while the whole of it is on its way; answers whether it was taken
   * (not when anything else is held). Never a chain to patch or a position to subscribe from: the
   * first read or snapshot of the whole board replaces it.
   */
  preview(key: string, position: string, data: unknown): boolean {
    if (this.boards.has(key)) return false;
    this.boards.set(key, { preview: { position, data } });
    return true;
  }

  /** The position of the socket's chain, if there is one (`subscribeFrom` sends it as `since`). */
  livePositionOf(key: string): string | undefined {
    return this.boards.get(key)?.live?.position;
  }

  /**
   * `since` for a subscribe: the chain's position; with no chain, a GET's, whose copy becomes the
   * chain. The server sends the patches since any position it has passed (the first one re-based on
   * `since`), or nothing, or a snapshot when it no longer has them (SPEC "Live boards"), so a board
   * just read by GET is not sent whole a second time over the socket (issue 14: first paint).
   */
  subscribeFrom(key: string): string | undefined {
    const entry = this.boards.get(key);
    if (entry?.live) return entry.live.position;
    if (!entry?.read) return undefined; // a preview is only part of the board
    this.boards.set(key, { live: entry.read });
    return entry.read.position;
  }

  /**
   * A snapshot replaces whatever is held, whatever its position (SPEC: the server's word wins).
   * Answers whether the board shown was at that very position already (the first GET's): it is the
   * same board then, which a long board should not be drawn (or saved) again for.
   */
  snapshot(key: string, position: string, data: unknown): boolean {
    const entry = this.boards.get(key);
    // A preview is not the board: a snapshot at its position is still drawn.
    const same = (entry?.read ?? entry?.live)?.position === position;
    this.boards.set(key, { live: { position, data } });
    return same;
  }

  /**
   * Applies a patch that turns the board at `from` into the board at `position`. A `from` other than
   * the chain's position means a message was missed: the chain is dropped (the page keeps showing what
   * it has) until the fresh snapshot the caller asks for. With no chain, a snapshot is already due.
   */
  patch(key: string, from: string, position: string, patch: object): PatchOutcome {
    const entry = this.boards.get(key);
    if (!entry?.live) return 'waiting';
    if (entry.live.position !== from) {
      this.forgetLive(key);
      return 'missed';
    }
    const { data, log } = patchBoard(entry.live.data, patch, entry.live.log);
    const live: HeldBoard = log ? { position, data, log } : { position, data };
    // Equal positions: the patch is the later word (the clock moved the board).
    const read = entry.read && comparePositions(entry.read.position, position) > 0 ? entry.read : undefined;
    this.boards.set(key, read ? { live, read } : { live });
    return 'applied';
  }

  /** Drops the socket's chain (it cannot be continued), still showing its data until something newer comes. */
  forgetLive(key: string): void {
    const entry = this.boards.get(key);
    if (entry?.live) this.boards.set(key, { read: entry.read ?? entry.live });
  }

  /**
   * Holds a GET answer; answers whether it was taken. One older than what is shown (a slow GET racing
   * the socket) is dropped; an equal one is taken, since the clock changes boards without a new event.
   */
  read(key: string, position: string, data: unknown): boolean {
    const { live } = this.boards.get(key) ?? {};
    const shown = this.boards.get(key)?.read ?? live;
    if (shown && comparePositions(position, shown.position) < 0) return false;
    this.boards.set(key, live ? { live, read: { position, data } } : { read: { position, data } });
    return true;
  }
}
