import type { BoardName, BoardSnapshot } from '@tayari/projections/BoardSource';
import type { Position } from '@tayari/shared/eventstore/EventStore';

export type PushKind = 'snapshot' | 'update';

/**
 * One read of a board, serialised once and shared by every socket that watches it. The frames are
 * UTF-8 buffers so that ws writes the same bytes to each socket without encoding the text again.
 */
export class RenderedBoard {
  readonly position: Position;
  /** The board's data as JSON: what tells a real change from a repeated read. */
  readonly dataJson: string;
  private readonly frames: Partial<Record<PushKind, Buffer>> = {};

  constructor(
    readonly board: BoardName,
    snapshot: BoardSnapshot,
  ) {
    this.position = snapshot.position;
    this.dataJson = JSON.stringify(snapshot.data) ?? 'null';
  }

  /** The message text for a push of this kind, built on first use. */
  frame(kind: PushKind): Buffer {
    let frame = this.frames[kind];
    if (frame === undefined) {
      const head = `{"type":"${kind}","board":${JSON.stringify(this.board)},"position":${JSON.stringify(this.position)},"data":`;
      frame = Buffer.from(`${head}${this.dataJson}}`, 'utf8');
      this.frames[kind] = frame;
    }
    return frame;
  }
}
