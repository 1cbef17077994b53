import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { DocWrite, LogWrite, ReadBatch } from '@tayari/shared/readstore/ReadStore';
import type { BoardName } from '../BoardSource';
import { PROJECTIONS, LOG_MODELS, ROW_MODELS } from '../registry/readModels';
import type { Identified, ModelView, RowModel } from '../registry/RowModel';
import { RowTables } from '../registry/RowTables';
import type { ModelCache } from './ModelCache';

export type Checkpoints = Partial<Record<string, Position>>;

/** A batch ready to commit: the writes, the rows to merge into the cache after, and the boards it changes. */
export interface ProjectedBatch {
  write: ReadBatch;
  /** The rows the batch changed, by model. */
  rows: RowTables;
  /** The position of the batch's last event: every checkpoint after the commit. */
  position: Position;
  boards: ReadonlySet<BoardName>;
  /** Programmes whose rows changed (the board clock re-plans them). */
  programmeIds: ReadonlySet<string>;
}

/**
 * Folds parsed events into new versions of the rows they touch, on top of the cache, without
 * changing it, for every model of the registry: an event touches one row of each model that handles
 * it, never a whole programme. Each model skips what its checkpoint holds, and each row what it has
 * seen already, so a redelivered event is harmless.
 */
export class Projector {
  constructor(
    private readonly cache: ModelCache,
    private readonly compare: (a: Position, b: Position) => number,
  ) {}

  project(events: readonly StoredEvent[], checkpoints: Checkpoints): ProjectedBatch {
    const last = events.at(-1);
    if (!last) throw new Error('an empty batch has nothing to project');
    const rows = new RowTables();
    const boards = new Set<BoardName>();
    const programmeIds = new Set<string>();
    const logs: LogWrite[] = [];
    const view: ModelView = {
      row: <R extends Identified>(model: RowModel<R>, id: string) => rows.get(model, id) ?? this.cache.row(model, id),
      wingsOf: (programmeId) => this.cache.wingsOf(programmeId),
      peopleOf: (programmeId) => this.cache.peopleOf(programmeId),
      comparePositions: this.compare,
    };
    const newer = (position: Position, than: Position | undefined) => than === undefined || this.compare(position, than) > 0;

    for (const event of events) {
      for (const model of ROW_MODELS) {
        if (!model.handles(event) || !newer(event.position, checkpoints[model.name])) continue;
        const id = model.key(event);
        if (id === undefined) continue;
        const before = view.row(model, id);
        if (before !== undefined && model.seen(before, event, view)) continue;
        const after = model.evolve(before, event, view);
        if (after === undefined || after === before) continue;
        rows.set(model, after);
        for (const board of model.boards(before, after, event, view)) boards.add(board);
        const programmeId = model.programmeOf(after);
        if (programmeId !== undefined) programmeIds.add(programmeId);
      }
      for (const model of LOG_MODELS) {
        if (!model.handles(event) || !newer(event.position, checkpoints[model.name])) continue;
        const written = model.entry(event);
        if (written) logs.push({ log: model.name, ...written });
      }
    }

    // A change on a meeting of a series shows on the other meetings' boards (follow-ups are carried).
    for (const id of programmeIds) for (const other of this.cache.seriesMembers(id)) boards.add(`programme:${other}`);

    const docs: DocWrite[] = [];
    for (const model of rows.models()) {
      for (const [id, doc] of rows.table(model)) {
        // Grouped rows are read per group: a start loads the rows of the programmes still to come only.
        const group = model.grouped ? model.programmeOf(doc) : undefined;
        docs.push(group === undefined ? { collection: model.name, id, doc } : { collection: model.name, id, doc, group });
      }
    }
    const written: Record<string, Position> = {};
    for (const name of PROJECTIONS) if (newer(last.position, checkpoints[name])) written[name] = last.position;
    return { write: { docs, logs, checkpoints: written }, rows, position: last.position, boards, programmeIds };
  }
}
