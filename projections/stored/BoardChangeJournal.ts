import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadBatch, ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { ProjectedBatch } from '../runner/Projector';
import { BOARD_CHANGES, BoardChangeEntrySchema, boardChangeId, type BoardChangeEntry } from './BoardChangeEntry';

/** Entries kept by default: a reader that falls further behind reloads every model instead. */
export const DEFAULT_JOURNAL_RETENTION = 1000;

/**
 * Writes the board-change journal: adds one entry to every batch the runner (or a rebuild) commits,
 * and removes, in that same batch, the entries beyond the newest `retention`, so the journal stays
 * small. Meant as the runner's `decorateBatch`. A failed commit leaves this object ahead of the store;
 * make a new one (load) with each new runner.
 */
export class BoardChangeJournal {
  private constructor(
    private readonly kept: string[],
    private readonly retention: number,
  ) {}

  /** Learns which entries the store holds (the oldest are pruned first). */
  static async load(readStore: Pick<ReadStore, 'all'>, retention = DEFAULT_JOURNAL_RETENTION): Promise<BoardChangeJournal> {
    const ids = (await readStore.all(BOARD_CHANGES)).map((raw) => boardChangeId(BoardChangeEntrySchema.parse(raw).position));
    return new BoardChangeJournal(ids.sort(), Math.max(1, retention));
  }

  /** A journal for an empty (or just cleared) store. */
  static empty(retention = DEFAULT_JOURNAL_RETENTION): BoardChangeJournal {
    return new BoardChangeJournal([], Math.max(1, retention));
  }

  decorate = (projected: ProjectedBatch, previous: Position | undefined): ReadBatch => {
    const entry: BoardChangeEntry = {
      position: projected.position,
      previous: previous ?? null,
      boards: [...projected.boards].sort(),
      rows: Object.fromEntries([...projected.rows.models()].map((model) => [model.name, [...projected.rows.table(model).keys()]])),
    };
    const id = boardChangeId(projected.position);
    if (this.kept.at(-1) !== id) this.kept.push(id);
    const expired = this.kept.splice(0, Math.max(0, this.kept.length - this.retention));
    const { write } = projected;
    return {
      ...write,
      docs: [...write.docs, { collection: BOARD_CHANGES, id, doc: entry }],
      deletes: [...(write.deletes ?? []), ...expired.map((old) => ({ collection: BOARD_CHANGES, id: old }))],
    };
  };
}
