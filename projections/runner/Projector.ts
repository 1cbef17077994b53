import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { DocWrite, HistoryEntry, ReadBatch } from '@tayari/shared/readstore/ReadStore';
import type { BoardName } from '../BoardSource';
import type { CatalogueDoc } from '../models/catalogue/CatalogueDoc';
import { evolveCatalogue } from '../models/catalogue/evolveCatalogue';
import { CATALOGUE_ID, COLLECTIONS, PROJECTIONS, type ProjectionName } from '../models/collections';
import { historyRowOf } from '../models/history/historyRowOf';
import { evolveHeader } from '../models/programme/evolveHeader';
import type { ProgrammeHeader, ResponsibilityRow, TaskRow } from '../models/programme/ProgrammeDoc';
import { isProgrammeLevel, programmeIdOf } from '../models/programme/programmeIdOf';
import { evolveResponsibility, isResponsibilityEvent, type ResponsibilityStoredEvent } from '../models/programme/responsibilityView';
import { evolveTaskCard, isTaskEvent, type TaskStoredEvent } from '../models/programme/taskCard';
import type { DocChanges, ModelCache } from './ModelCache';

export type Checkpoints = Partial<Record<ProjectionName, Position>>;

/** A batch ready to commit: the writes, what to merge into the cache after, and the boards it changes. */
export interface ProjectedBatch extends DocChanges {
  write: ReadBatch;
  /** The position of the batch's last event: every checkpoint after the commit. */
  position: Position;
  boards: ReadonlySet<BoardName>;
  /** Programmes whose rows changed (the board clock re-plans them). */
  programmeIds: ReadonlySet<string>;
}

/** Task events that cannot change any readiness figure. */
const COUNT_NEUTRAL = new Set(['TaskNoteAdded', 'TaskAssigned']);

/** The rows one batch changed, on top of the cache (which is only changed once the batch committed). */
class Overlay {
  readonly programmes = new Map<string, ProgrammeHeader>();
  readonly tasks = new Map<string, TaskRow>();
  readonly responsibilities = new Map<string, ResponsibilityRow>();
  readonly programmeIds = new Set<string>();
  readonly boards = new Set<BoardName>();

  constructor(private readonly cache: ModelCache) {}

  header(id: string): ProgrammeHeader | undefined {
    return this.programmes.get(id) ?? this.cache.header(id);
  }

  task(id: string): TaskRow | undefined {
    return this.tasks.get(id) ?? this.cache.tasks.get(id);
  }

  responsibility(id: string): ResponsibilityRow | undefined {
    return this.responsibilities.get(id) ?? this.cache.responsibilities.get(id);
  }
}

/**
 * Folds parsed events into new versions of the rows they touch, on top of the cache, without
 * changing it: an event touches its programme's header, or one task row, or one responsibility row,
 * never the whole programme. Each model skips what its checkpoint holds, and each row what its
 * version says it has, so a redelivered event is harmless.
 */
export class Projector {
  constructor(
    private readonly cache: ModelCache,
    private readonly compare: (a: Position, b: Position) => number,
  ) {}

  project(events: readonly StoredEvent[], checkpoints: Checkpoints): ProjectedBatch {
    const last = events.at(-1);
    if (!last) throw new Error('an empty batch has nothing to project');
    const overlay = new Overlay(this.cache);
    let catalogue: CatalogueDoc | undefined;
    const history: HistoryEntry[] = [];
    const newer = (position: Position, than: Position | undefined) => than === undefined || this.compare(position, than) > 0;
    const applies = (name: ProjectionName, event: StoredEvent) => newer(event.position, checkpoints[name]);

    for (const event of events) {
      const programmeId = programmeIdOf(event);
      if (programmeId !== undefined && applies('programmes', event) && overlay.header(programmeId) !== undefined) {
        if (isTaskEvent(event)) this.task(overlay, programmeId, event);
        else if (isResponsibilityEvent(event)) this.responsibility(overlay, programmeId, event);
      }
      if (programmeId !== undefined && isProgrammeLevel(event) && applies('programmes', event)) this.header(overlay, programmeId, event);
      if (event.type === 'WingRegistered' && applies('catalogue', event)) {
        const before = catalogue ?? this.cache.catalogue;
        if (newer(event.position, before.position)) {
          catalogue = evolveCatalogue(before, event);
          overlay.boards.add(`wing:${event.data.code}`);
        }
      }
      if (applies('history', event)) {
        const row = historyRowOf(event);
        if (row) history.push(row);
      }
    }

    const docs: DocWrite[] = [];
    for (const [id, doc] of overlay.programmes) docs.push({ collection: COLLECTIONS.programmes, id, doc });
    // Rows are grouped by programme: a start loads the rows of the programmes still to come only.
    for (const [id, doc] of overlay.tasks) docs.push({ collection: COLLECTIONS.tasks, id, doc, group: doc.programmeId });
    for (const [id, doc] of overlay.responsibilities) docs.push({ collection: COLLECTIONS.responsibilities, id, doc, group: doc.programmeId });
    if (catalogue) docs.push({ collection: COLLECTIONS.catalogue, id: CATALOGUE_ID, doc: catalogue });
    const written: Record<string, Position> = {};
    for (const name of PROJECTIONS) if (newer(last.position, checkpoints[name])) written[name] = last.position;
    return {
      write: { docs, history, checkpoints: written },
      programmes: overlay.programmes,
      tasks: overlay.tasks,
      responsibilities: overlay.responsibilities,
      ...(catalogue ? { catalogue } : {}),
      position: last.position,
      boards: overlay.boards,
      programmeIds: overlay.programmeIds,
    };
  }

  private header(overlay: Overlay, id: string, event: StoredEvent): void {
    const before = overlay.header(id);
    if (before && event.version <= before.version) return; // applied already
    const after = evolveHeader(before, event);
    if (!after || after === before) return;
    overlay.programmes.set(id, after);
    overlay.programmeIds.add(id);
    // The programme's title, times or status show on its board, the readiness board and every wing board that lists it.
    overlay.boards.add(`programme:${id}`).add('readiness').add('attention');
    for (const wing of this.cache.wingsOf(id)) overlay.boards.add(`wing:${wing}`);
  }

  private task(overlay: Overlay, programmeId: string, event: TaskStoredEvent): void {
    const id = event.data.taskId;
    const before = overlay.task(id);
    if (before && event.version <= before.version) return;
    const card = evolveTaskCard(before, event);
    if (!card || card === before) return;
    overlay.tasks.set(id, { ...card, programmeId });
    overlay.programmeIds.add(programmeId);
    overlay.boards.add(`programme:${programmeId}`).add(`wing:${card.wing}`);
    if (!COUNT_NEUTRAL.has(event.type)) overlay.boards.add('readiness').add('attention');
  }

  private responsibility(overlay: Overlay, programmeId: string, event: ResponsibilityStoredEvent): void {
    const id = event.data.responsibilityId;
    const before = overlay.responsibility(id);
    if (before && event.version <= before.version) return;
    const view = evolveResponsibility(before, event);
    if (!view || view === before) return;
    overlay.responsibilities.set(id, { ...view, programmeId });
    overlay.programmeIds.add(programmeId);
    overlay.boards.add(`programme:${programmeId}`).add(`wing:${view.wing}`);
    if (before && before.wing !== view.wing) overlay.boards.add(`wing:${before.wing}`);
    // Every duty event may change the unacknowledged list; assigning, moving or cancelling one may
    // change the wings a programme lists.
    overlay.boards.add('attention');
    if (event.type !== 'ResponsibilityAcknowledged') overlay.boards.add('readiness');
  }
}
