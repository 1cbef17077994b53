import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { nextChange, type ClockModels, type PlannedChange } from '../clock/nextChange';
import { CatalogueDocSchema, defaultCatalogue, type CatalogueDoc } from '../models/catalogue/CatalogueDoc';
import { CATALOGUE_ID, COLLECTIONS } from '../models/collections';
import {
  ProgrammeHeaderSchema,
  ResponsibilityRowSchema,
  TaskRowSchema,
  type ProgrammeDoc,
  type ProgrammeHeader,
  type ResponsibilityRow,
  type TaskRow,
} from '../models/programme/ProgrammeDoc';
import { phaseOf, programmeWindow } from '../readiness/programmeWindow';
import { ProgrammeParts } from './ProgrammeParts';

/** What one committed batch changed, merged into the cache only once the commit succeeded. */
export interface DocChanges {
  programmes: ReadonlyMap<string, ProgrammeHeader>;
  tasks: ReadonlyMap<string, TaskRow>;
  responsibilities: ReadonlyMap<string, ResponsibilityRow>;
  catalogue?: CatalogueDoc;
}

/** A programme that needs its rows at start: neither cancelled nor ended. */
function comingOrRunning(header: ProgrammeHeader, now: Date): boolean {
  return header.status !== 'cancelled' && phaseOf(programmeWindow(header), now) !== 'ended';
}

/**
 * The read-model rows in memory, written through: updated after each commit, so that batches and
 * board reads never go back to the read store for what they hold. Rows are kept per programme
 * (`ProgrammeParts`) with the indexes boards and the clock need, each kept up to date per changed
 * row: a change costs the same in a programme of 1 task or of 5,000.
 *
 * A cache loaded from a store holds every header and the catalogue, but the rows of only the
 * programmes that are neither cancelled nor ended: after two years most programmes are over, and a
 * start need not read them. The rest are read on demand (`ensure`) before anything touches them.
 * So a programme whose rows are not held was over when the cache was loaded: boards of what is to
 * come (readiness, attention, wings) need only the held ones.
 */
export class ModelCache implements ClockModels {
  private readonly parts = new Map<string, ProgrammeParts>();
  /** Task and responsibility rows by id, of the programmes whose rows are held. */
  readonly tasks = new Map<string, TaskRow>();
  readonly responsibilities = new Map<string, ResponsibilityRow>();
  /** Wing → programmes (held) where it has live work. */
  private readonly wingProgrammes = new Map<string, Set<string>>();
  /** Programmes with a header whose rows are still in the store only. */
  private readonly unheld = new Set<string>();
  catalogue: CatalogueDoc = defaultCatalogue();

  /** `store`: where rows not held are read from; without one (a rebuild, a test) everything is held. */
  private constructor(private readonly store?: Pick<ReadStore, 'group' | 'all'>) {}

  /** An empty cache (a rebuild, a test): every programme's rows are held from its first event. */
  static empty(): ModelCache {
    return new ModelCache();
  }

  /** Headers and the catalogue, then the rows of the programmes neither cancelled nor ended at `now`. */
  static async load(store: ReadStore, now: Date): Promise<ModelCache> {
    const cache = new ModelCache(store);
    const [headers, catalogue] = await Promise.all([store.all(COLLECTIONS.programmes), store.get(COLLECTIONS.catalogue, CATALOGUE_ID)]);
    const parsedHeaders = headers.map((raw) => ProgrammeHeaderSchema.parse(raw));
    cache.merge({
      programmes: new Map(parsedHeaders.map((header) => [header.id, header])),
      tasks: new Map(),
      responsibilities: new Map(),
      ...(catalogue === undefined ? {} : { catalogue: CatalogueDocSchema.parse(catalogue) }),
    });
    for (const header of parsedHeaders) cache.unheld.add(header.id);
    await cache.ensure(parsedHeaders.filter((header) => comingOrRunning(header, now)).map((header) => header.id));
    return cache;
  }

  /** Reads the rows of these programmes, where they are not held yet. */
  async ensure(ids: Iterable<string>): Promise<void> {
    const store = this.store;
    if (store === undefined) return;
    const wanted = [...new Set(ids)].filter((id) => this.unheld.has(id));
    if (wanted.length === 0) return;
    const loaded = await Promise.all(
      wanted.map(async (id) => {
        const [tasks, responsibilities] = await Promise.all([store.group(COLLECTIONS.tasks, id), store.group(COLLECTIONS.responsibilities, id)]);
        return { id, tasks, responsibilities };
      }),
    );
    for (const { id, tasks, responsibilities } of loaded) this.hold(new Set([id]), tasks, responsibilities);
  }

  /**
   * Reads every programme's rows (a list of every programme, past ones included, needs them): one
   * read of each collection rather than two per programme.
   */
  async ensureAll(): Promise<void> {
    const store = this.store;
    if (store === undefined || this.unheld.size === 0) return;
    const [tasks, responsibilities] = await Promise.all([store.all(COLLECTIONS.tasks), store.all(COLLECTIONS.responsibilities)]);
    this.hold(new Set(this.unheld), tasks, responsibilities);
  }

  /**
   * Merges the stored rows of the programmes `ids` that are still not held. Another read may have
   * taken one meanwhile: its rows (and what was merged since) stand.
   */
  private hold(ids: ReadonlySet<string>, tasks: readonly unknown[], responsibilities: readonly unknown[]): void {
    const taking = new Set([...ids].filter((id) => this.unheld.delete(id)));
    if (taking.size === 0) return;
    // Only the rows taken are parsed (a list of every row holds the held ones too).
    const wanted = (raw: unknown) => typeof raw === 'object' && raw !== null && 'programmeId' in raw && typeof raw.programmeId === 'string' && taking.has(raw.programmeId);
    const rows = <T extends { id: string }>(raws: readonly unknown[], parse: (raw: unknown) => T) => new Map(raws.filter(wanted).map(parse).map((row) => [row.id, row]));
    this.merge({
      programmes: new Map(),
      tasks: rows(tasks, (raw) => TaskRowSchema.parse(raw)),
      responsibilities: rows(responsibilities, (raw) => ResponsibilityRowSchema.parse(raw)),
    });
  }

  merge(changes: DocChanges): void {
    for (const [id, header] of changes.programmes) this.partsOf(id).setHeader(header);
    for (const [id, row] of changes.tasks) {
      this.tasks.set(id, row);
      this.partsOf(row.programmeId).setTask(row);
    }
    for (const [id, row] of changes.responsibilities) {
      this.responsibilities.set(id, row);
      this.partsOf(row.programmeId).setResponsibility(row);
    }
    if (changes.catalogue) this.catalogue = changes.catalogue;
  }

  header(id: string): ProgrammeHeader | undefined {
    return this.parts.get(id)?.header;
  }

  /** Whether the programme's rows are held (call `ensure` first for one that may be over). */
  holds(id: string): boolean {
    return this.parts.get(id)?.header !== undefined && !this.unheld.has(id);
  }

  /** The whole programme, as the board builders read it, when its rows are held. */
  programme(id: string): ProgrammeDoc | undefined {
    return this.unheld.has(id) ? undefined : this.parts.get(id)?.doc();
  }

  /** Every programme whose rows are held (every one not over at load, and any read since). */
  *programmes(): Iterable<ProgrammeDoc> {
    for (const [id, parts] of this.parts) {
      if (this.unheld.has(id)) continue;
      const doc = parts.doc();
      if (doc) yield doc;
    }
  }

  /** Programmes whose rows are held. */
  *programmeIds(): Iterable<string> {
    for (const [id, parts] of this.parts) if (parts.header && !this.unheld.has(id)) yield id;
  }

  /** The wings with live work on a programme, sorted. */
  wingsOf(programmeId: string): string[] {
    return this.parts.get(programmeId)?.wings() ?? [];
  }

  /** The programmes (held) where a wing has live work. */
  programmesOfWing(code: string): Iterable<string> {
    return this.wingProgrammes.get(code) ?? [];
  }

  nextChange(programmeId: string, after: number): PlannedChange | undefined {
    const parts = this.parts.get(programmeId);
    if (!parts?.header || this.unheld.has(programmeId)) return undefined;
    return nextChange(parts.header, parts.wings(), parts.dues, after);
  }

  private partsOf(id: string): ProgrammeParts {
    let parts = this.parts.get(id);
    if (!parts) {
      parts = new ProgrammeParts(id, (wing, present) => this.wingPresence(wing, id, present));
      this.parts.set(id, parts);
    }
    return parts;
  }

  private wingPresence(wing: string, programmeId: string, present: boolean): void {
    let ids = this.wingProgrammes.get(wing);
    if (present) {
      if (!ids) this.wingProgrammes.set(wing, (ids = new Set()));
      ids.add(programmeId);
    } else {
      ids?.delete(programmeId);
      if (ids?.size === 0) this.wingProgrammes.delete(wing);
    }
  }
}
