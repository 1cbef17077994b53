import type { Position } from '@tayari/shared/eventstore/EventStore';
import { patchFrame, type BoardPatch } from './RenderedBoard';

/** How a client that says it holds the board at `since` is brought up to date. */
export type Resume =
  | { kind: 'nothing' }
  | { kind: 'snapshot' }
  /** The client is ahead of the board: nothing until the board passes `since`. */
  | { kind: 'ahead' }
  | { kind: 'patches'; frames: Buffer[] };

export interface PatchLogOptions {
  compare(a: Position, b: Position): number;
  /** Patches are kept at least this long (SPEC: "at least the last few minutes")… */
  retainMs: number;
  /** …and at most this many, whatever their age. */
  maxPatches: number;
  now(): number;
}

/**
 * The recent patches of one board, so that a client resuming with `since` gets what it missed rather
 * than the whole board. Patches form a chain (each `from` is the previous `position`) starting after
 * `floor`: any `since` past the floor can be served. Merge patches are idempotent, so a change made at
 * an unchanged position (by the clock) is re-sent to a client at that position: it may have missed it.
 */
export class PatchLog {
  private patches: BoardPatch[] = [];
  private floor: Position | undefined;
  /** The floor is the feed's first read, whose content a client at that position is taken to hold. */
  private floorTrusted = false;

  constructor(private readonly options: PatchLogOptions) {}

  /** The board's first content, at `position`; `trusted` unless it may differ from earlier reads at that position. */
  begin(position: Position, trusted: boolean): void {
    this.floor = position;
    this.floorTrusted = trusted;
  }

  add(patch: BoardPatch): void {
    this.patches.push(patch);
    this.trim();
  }

  get size(): number {
    return this.patches.length;
  }

  resume(since: Position, current: Position): Resume {
    const { compare } = this.options;
    this.trim();
    if (this.floor === undefined) return { kind: 'snapshot' };
    if (compare(since, current) > 0) return { kind: 'ahead' };
    const againstFloor = compare(since, this.floor);
    if (againstFloor < 0 || (againstFloor === 0 && !this.floorTrusted)) return { kind: 'snapshot' };
    const missed = this.patches.filter((patch) => {
      const order = compare(patch.position, since);
      return order > 0 || (order === 0 && patch.sameSpot);
    });
    const first = missed[0];
    if (first === undefined) return { kind: 'nothing' };
    // The board did not change between `first.from` and `since`: the first patch applies from `since`.
    const frames = missed.map((patch) => patch.frame);
    if (compare(first.from, since) !== 0) frames[0] = patchFrame(first.board, since, first.position, first.patchJson);
    return { kind: 'patches', frames };
  }

  private trim(): void {
    const oldest = this.options.now() - this.options.retainMs;
    let drop = Math.max(0, this.patches.length - this.options.maxPatches);
    while (drop < this.patches.length && (this.patches[drop]?.at ?? Infinity) < oldest) drop++;
    if (drop === 0) return;
    const last = this.patches[drop - 1];
    if (last) {
      this.floor = last.position;
      this.floorTrusted = false;
    }
    this.patches = this.patches.slice(drop);
  }
}
