import type { BoardName, BoardSnapshot } from '@tayari/projections/BoardSource';
import { clientBoardName } from '@tayari/projections/boards/mineBoard';
import type { Position } from '@tayari/shared/eventstore/EventStore';

/**
 * One read of a board, shared by every socket that watches it (with the same filter). The snapshot
 * frame is serialised once, on first use, as a UTF-8 buffer so that ws writes the same bytes to each
 * socket without encoding the text again.
 */
export class RenderedBoard {
  readonly position: Position;
  readonly data: object;
  private snapshot: Buffer | undefined;

  /**
   * `suspect`: a first read whose content may differ from what a client holding the same position
   * got earlier (the clock changed the board at that position before this feed existed).
   */
  constructor(
    readonly board: BoardName,
    read: BoardSnapshot,
    readonly suspect = false,
  ) {
    this.position = read.position;
    this.data = typeof read.data === 'object' && read.data !== null ? read.data : {};
  }

  snapshotFrame(): Buffer {
    this.snapshot ??= Buffer.from(
      `{"type":"snapshot","board":${JSON.stringify(clientBoardName(this.board))},"position":${JSON.stringify(this.position)},"data":${JSON.stringify(this.data)}}`,
      'utf8',
    );
    return this.snapshot;
  }
}

/** One change of a board as an RFC 7396 merge patch from `from` to `position`, serialised once. */
export interface BoardPatch {
  board: BoardName;
  from: Position;
  position: Position;
  /** A change at an unchanged position (the clock): a client at `position` may or may not have it. */
  sameSpot: boolean;
  /** The patch as JSON text. */
  patchJson: string;
  frame: Buffer;
  /** When it was made (ms), for retention. */
  at: number;
}

export function patchFrame(board: BoardName, from: Position, position: Position, patchJson: string): Buffer {
  return Buffer.from(
    `{"type":"patch","board":${JSON.stringify(clientBoardName(board))},"from":${JSON.stringify(from)},"position":${JSON.stringify(position)},"patch":${patchJson}}`,
    'utf8',
  );
}
