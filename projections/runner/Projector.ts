import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { DocWrite, HistoryEntry, ReadBatch } from '@tayari/shared/readstore/ReadStore';
import type { BoardName } from '../BoardSource';
import type { CatalogueDoc } from '../models/catalogue/CatalogueDoc';
import { evolveCatalogue } from '../models/catalogue/evolveCatalogue';
import { CATALOGUE_ID, COLLECTIONS, PROJECTIONS, type ProjectionName } from '../models/collections';
import { historyRowOf } from '../models/history/historyRowOf';
import { evolveProgramme } from '../models/programme/evolveProgramme';
import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { isProgrammeLevel, programmeIdOf } from '../models/programme/programmeIdOf';
import { evolveWing } from '../models/wing/evolveWing';
import { emptyWingDoc, isEmptyWingDoc, wingDocId, type WingDoc } from '../models/wing/WingDoc';
import { wingDocsOf } from '../models/wing/wingDocsOf';
import type { DocChanges, ModelCache } from './ModelCache';

export type Checkpoints = Partial<Record<ProjectionName, Position>>;

/** A batch ready to commit: the writes, what to merge into the cache after, and the boards it changes. */
export interface ProjectedBatch extends DocChanges {
  write: ReadBatch;
  /** The position of the batch's last event: every checkpoint after the commit. */
  position: Position;
  boards: ReadonlySet<BoardName>;
  /** Programmes whose documents changed (the board clock re-plans them). */
  programmeIds: ReadonlySet<string>;
}

/** Task events that cannot change any readiness figure. */
const COUNT_NEUTRAL = new Set(['TaskNoteAdded', 'TaskAssigned']);

/**
 * Folds parsed events into new versions of the documents they touch, on top of the cache, without
 * changing it. Each model skips what its checkpoint (or the document's own position) already holds,
 * so a redelivered event is harmless.
 */
export class Projector {
  constructor(
    private readonly cache: ModelCache,
    private readonly compare: (a: Position, b: Position) => number,
  ) {}

  project(events: readonly StoredEvent[], checkpoints: Checkpoints): ProjectedBatch {
    const last = events.at(-1);
    if (!last) throw new Error('an empty batch has nothing to project');
    const programmes = new Map<string, ProgrammeDoc>();
    const wings = new Map<string, WingDoc>();
    let catalogue: CatalogueDoc | undefined;
    const history: HistoryEntry[] = [];
    const boards = new Set<BoardName>();
    const newer = (position: Position, than: Position | undefined) => than === undefined || this.compare(position, than) > 0;
    const applies = (name: ProjectionName, event: StoredEvent) => newer(event.position, checkpoints[name]);

    for (const event of events) {
      const programmeId = programmeIdOf(event);
      if (programmeId !== undefined && applies('programmes', event)) {
        const before = programmes.get(programmeId) ?? this.cache.programmes.get(programmeId);
        if (!before || newer(event.position, before.position)) {
          const after = evolveProgramme(before, event);
          if (after && after !== before) {
            programmes.set(programmeId, after);
            this.touch(boards, event, programmeId, before, after);
          }
        }
      }
      if (applies('wings', event)) {
        for (const { code, programmeId } of wingDocsOf(event)) {
          const id = wingDocId(code, programmeId);
          const before = wings.get(id) ?? this.cache.wing(code, programmeId) ?? emptyWingDoc(code, programmeId);
          boards.add(`wing:${code}`);
          if (!newer(event.position, before.position)) continue;
          const after = evolveWing(before, event);
          if (after !== before) wings.set(id, after);
        }
      }
      if (event.type === 'WingRegistered' && applies('catalogue', event)) {
        const before = catalogue ?? this.cache.catalogue;
        if (newer(event.position, before.position)) {
          catalogue = evolveCatalogue(before, event);
          boards.add(`wing:${event.data.code}`);
        }
      }
      if (applies('history', event)) {
        const row = historyRowOf(event);
        if (row) history.push(row);
      }
    }

    const docs: DocWrite[] = [...programmes].map(([id, doc]) => ({ collection: COLLECTIONS.programmes, id, doc }));
    const deletes: { collection: string; id: string }[] = [];
    // An empty wing document is removed, so that the collection holds live work only.
    const wingChanges = new Map<string, WingDoc | null>();
    for (const [id, doc] of wings) {
      const empty = isEmptyWingDoc(doc);
      wingChanges.set(id, empty ? null : doc);
      if (empty) deletes.push({ collection: COLLECTIONS.wings, id });
      else docs.push({ collection: COLLECTIONS.wings, id, doc });
    }
    if (catalogue) docs.push({ collection: COLLECTIONS.catalogue, id: CATALOGUE_ID, doc: catalogue });
    const written: Record<string, Position> = {};
    for (const name of PROJECTIONS) if (newer(last.position, checkpoints[name])) written[name] = last.position;
    return {
      write: { docs, deletes, history, checkpoints: written },
      programmes,
      wings: wingChanges,
      ...(catalogue ? { catalogue } : {}),
      position: last.position,
      boards,
      programmeIds: new Set(programmes.keys()),
    };
  }

  /** The boards an applied programme-document change shows on. */
  private touch(boards: Set<BoardName>, event: StoredEvent, id: string, before: ProgrammeDoc | undefined, after: ProgrammeDoc): void {
    boards.add(`programme:${id}`);
    const wingsChanged = before?.wings !== after.wings;
    if (isProgrammeLevel(event) || wingsChanged || (event.type.startsWith('Task') && !COUNT_NEUTRAL.has(event.type))) boards.add('readiness');
    if (isProgrammeLevel(event)) {
      // The programme's title, times or status show on every wing board that lists it.
      for (const wing of before?.wings ?? []) boards.add(`wing:${wing}`);
      for (const wing of after.wings) boards.add(`wing:${wing}`);
    }
  }
}
