import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { nextChange, type ClockModels, type PlannedChange } from '../clock/nextChange';
import { catalogueModel } from '../models/catalogue/catalogueModel';
import { CATALOGUE_ID, defaultCatalogue, type CatalogueDoc } from '../models/catalogue/CatalogueDoc';
import { programmeModel } from '../models/programme/programmeModel';
import type { CarriedFollowUps } from '../boards/seriesSection';
import type { MeetingHeader, ProgrammeDoc, ProgrammeHeader, TaskRow } from '../models/programme/ProgrammeDoc';
import { responsibilityModel } from '../models/responsibilities/responsibilityModel';
import { taskModel } from '../models/tasks/taskModel';
import { phaseOf, programmeWindow } from '../readiness/programmeWindow';
import { ROW_MODELS } from '../registry/readModels';
import type { Identified, RowModel } from '../registry/RowModel';
import { RowTables } from '../registry/RowTables';
import { ProgrammeParts } from './ProgrammeParts';

/**
 * A programme that needs its rows at start: not cancelled, and not ended unless it is a meeting of a
 * series (a later meeting carries its follow-ups; a cancelled one carries none into anything).
 */
function neededAtStart(header: ProgrammeHeader, now: Date): boolean {
  if (header.status === 'cancelled') return false;
  return (header.kind === 'meeting' && header.series !== undefined) || phaseOf(programmeWindow(header), now) !== 'ended';
}

/** Series order: by start, then id. */
function byStart(a: MeetingHeader, b: MeetingHeader): number {
  return a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The rows of every read model in memory, written through: updated after each commit, so that
 * batches and board reads never go back to the read store for what they hold. Besides the rows by
 * model and id, the programme models feed an index per programme (`ProgrammeParts`) with what the
 * boards and the clock need, kept up to date per changed row: a change costs the same in a programme
 * of 1 task or of 5,000.
 *
 * A cache loaded from a store holds every row of the ungrouped models, but the grouped rows (tasks,
 * duties: grouped by programme) of only the programmes that are neither cancelled nor ended (and of
 * meetings of a series, whose follow-ups later meetings carry): after
 * two years most programmes are over, and a start need not read them. The rest are read on demand
 * (`ensure`) before anything touches them. So a programme whose rows are not held was over when the
 * cache was loaded: boards of what is to come (readiness, attention, wings) need only the held ones.
 */
export class ModelCache implements ClockModels {
  private readonly rows = new RowTables();
  private readonly parts = new Map<string, ProgrammeParts>();
  /** Wing → programmes (held) where it has live work. */
  private readonly wingProgrammes = new Map<string, Set<string>>();
  /** Person → programmes (held) where they have live tasks: their `mine` board reads only these. */
  private readonly personProgrammes = new Map<string, Set<string>>();
  /** Series → its meetings. */
  private readonly series = new Map<string, Set<string>>();
  /** Programmes with a header whose grouped rows are still in the store only. */
  private readonly unheld = new Set<string>();
  /** Per model that lists its arrivals, its ids in the order their rows were first held (addedIds). */
  private readonly added = new Map<RowModel, string[]>();

  /** `store`: where rows not held are read from; without one (a rebuild, a test) everything is held. */
  private constructor(private readonly store?: Pick<ReadStore, 'group' | 'all'>) {}

  /** An empty cache (a rebuild, a test): every programme's rows are held from its first event. */
  static empty(): ModelCache {
    return new ModelCache();
  }

  /** Every ungrouped model's rows, then the grouped rows of the programmes neither cancelled nor ended at `now`. */
  static async load(store: ReadStore, now: Date): Promise<ModelCache> {
    const cache = new ModelCache(store);
    const ungrouped = ROW_MODELS.filter((model) => !model.grouped);
    const loaded = await Promise.all(ungrouped.map(async (model) => ({ model, raws: await store.all(model.name) })));
    const rows = new RowTables();
    for (const { model, raws } of loaded) for (const raw of raws) rows.set(model, model.schema.parse(raw));
    cache.merge(rows);
    const headers = [...rows.table(programmeModel).values()];
    for (const header of headers) cache.unheld.add(header.id);
    await cache.ensure(headers.filter((header) => neededAtStart(header, now)).map((header) => header.id));
    return cache;
  }

  /** Reads the grouped rows of these programmes, where they are not held yet. */
  async ensure(ids: Iterable<string>): Promise<void> {
    const store = this.store;
    if (store === undefined) return;
    const wanted = [...new Set(ids)].filter((id) => this.unheld.has(id));
    if (wanted.length === 0) return;
    const grouped = ROW_MODELS.filter((model) => model.grouped);
    const loaded = await Promise.all(wanted.flatMap((id) => grouped.map(async (model) => ({ model, raws: await store.group(model.name, id) }))));
    this.hold(new Set(wanted), loaded);
  }

  /**
   * Reads every programme's rows (a list of every programme, past ones included, needs them): one
   * read of each grouped model rather than one per programme.
   */
  async ensureAll(): Promise<void> {
    const store = this.store;
    if (store === undefined || this.unheld.size === 0) return;
    const grouped = ROW_MODELS.filter((model) => model.grouped);
    this.hold(new Set(this.unheld), await Promise.all(grouped.map(async (model) => ({ model, raws: await store.all(model.name) }))));
  }

  /**
   * Merges the stored rows of the programmes `ids` that are still not held. Another read may have
   * taken one meanwhile: its rows (and what was merged since) stand.
   */
  private hold(ids: ReadonlySet<string>, loaded: readonly { model: RowModel; raws: readonly unknown[] }[]): void {
    const taking = new Set([...ids].filter((id) => this.unheld.delete(id)));
    if (taking.size === 0) return;
    const rows = new RowTables();
    for (const { model, raws } of loaded) {
      for (const raw of raws) {
        const row = model.schema.parse(raw);
        const group = model.programmeOf(row);
        if (group !== undefined && taking.has(group)) rows.set(model, row);
      }
    }
    this.merge(rows);
  }

  /** Takes the rows of a committed batch (or of a read). */
  merge(changes: RowTables): void {
    for (const model of changes.models()) {
      let added = this.added.get(model);
      if (!added && model.listsArrivals) this.added.set(model, (added = []));
      for (const row of changes.table(model).values()) {
        if (added && this.rows.get(model, row.id) === undefined) added.push(row.id);
        this.rows.set(model, row);
        this.index(model, row);
      }
    }
  }

  /** A row of a model, if held. */
  row<R extends Identified>(model: RowModel<R>, id: string): R | undefined {
    return this.rows.get(model, id);
  }

  /** Every held row of a model, by id. */
  table<R extends Identified>(model: RowModel<R>): ReadonlyMap<string, R> {
    return this.rows.table(model);
  }

  /**
   * A model's ids in the order their rows were first held. Rows are never dropped, so this only
   * grows: an index over a table (DriveIndex) reads the ids past the count it saw, not the table again.
   */
  addedIds(model: RowModel): readonly string[] {
    if (!model.listsArrivals) throw new Error(`${model.name} does not list its arrivals (RowModel.listsArrivals)`);
    return this.added.get(model) ?? [];
  }

  get catalogue(): CatalogueDoc {
    return this.rows.get(catalogueModel, CATALOGUE_ID) ?? defaultCatalogue();
  }

  header(id: string): ProgrammeHeader | undefined {
    return this.rows.get(programmeModel, id);
  }

  /** Whether the programme's rows are held (call `ensure` first for one that may be over). */
  holds(id: string): boolean {
    return this.header(id) !== undefined && !this.unheld.has(id);
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

  /** The people with live tasks on a programme (their `mine` boards show it). */
  peopleOf(programmeId: string): string[] {
    return [...(this.parts.get(programmeId)?.people() ?? [])];
  }

  /** The programmes (held) where a person has live tasks. */
  programmesOfPerson(personId: string): Iterable<string> {
    return this.personProgrammes.get(personId) ?? [];
  }

  /** A person's live tasks on a programme (held). */
  tasksOfPerson(programmeId: string, personId: string): Iterable<TaskRow> {
    return this.parts.get(programmeId)?.tasksOf(personId) ?? [];
  }

  nextChange(programmeId: string, after: number): PlannedChange | undefined {
    const parts = this.parts.get(programmeId);
    if (!parts?.header || this.unheld.has(programmeId)) return undefined;
    const change = nextChange(parts.header, parts.wings(), parts.dues, after, parts.people());
    // A follow-up falling overdue shows on the boards of the later meetings that carry it.
    for (const other of this.seriesMembers(programmeId)) change?.boards.add(`programme:${other}`);
    return change;
  }

  /** The other meetings of a meeting's series (none for a tour or a meeting of no series). */
  seriesMembers(programmeId: string): Iterable<string> {
    const header = this.header(programmeId);
    const members = header?.kind === 'meeting' && header.series !== undefined ? this.series.get(header.series) : undefined;
    return members === undefined ? [] : [...members].filter((id) => id !== programmeId);
  }

  /**
   * What a meeting of a series carries from its earlier meetings (not cancelled): every follow-up of
   * the previous one, the open follow-ups of older ones. Costs the series' length, not its tasks.
   */
  private carriedInto(meetingId: string): CarriedFollowUps | undefined {
    const header = this.header(meetingId);
    if (header?.kind !== 'meeting' || header.series === undefined) return undefined;
    const earlier: { meeting: MeetingHeader; parts: ProgrammeParts }[] = [];
    for (const id of this.seriesMembers(meetingId)) {
      const parts = this.parts.get(id);
      const meeting = parts?.header;
      if (parts && meeting?.kind === 'meeting' && meeting.status !== 'cancelled' && byStart(meeting, header) < 0) earlier.push({ meeting, parts });
    }
    earlier.sort((a, b) => byStart(a.meeting, b.meeting));
    const previous = earlier.at(-1)?.meeting;
    return {
      series: header.series,
      ...(previous === undefined ? {} : { previous }),
      tallies: earlier.map(({ meeting, parts }) => (meeting === previous ? parts.followAll : parts.followOpen)),
      *tasks() {
        for (const { meeting, parts } of [...earlier].reverse()) {
          for (const task of parts.followUps()) if (meeting === previous || task.status !== 'done') yield { meeting, task };
        }
      },
    };
  }

  /** The programme index is fed by the three models a programme is made of; other models need none. */
  private index(model: RowModel, row: Identified): void {
    if (model === programmeModel) {
      const header = this.rows.get(programmeModel, row.id);
      if (header) this.partsOf(header.id).setHeader(header);
      if (header?.kind === 'meeting' && header.series !== undefined) presence(this.series, header.series, header.id, true);
    } else if (model === taskModel) {
      const task = this.rows.get(taskModel, row.id);
      if (task) this.partsOf(task.programmeId).setTask(task);
    } else if (model === responsibilityModel) {
      const duty = this.rows.get(responsibilityModel, row.id);
      if (duty) this.partsOf(duty.programmeId).setResponsibility(duty);
    }
  }

  private partsOf(id: string): ProgrammeParts {
    let parts = this.parts.get(id);
    if (!parts) {
      parts = new ProgrammeParts(
        id,
        (wing, present) => presence(this.wingProgrammes, wing, id, present),
        (person, present) => presence(this.personProgrammes, person, id, present),
        () => this.carriedInto(id),
      );
      this.parts.set(id, parts);
    }
    return parts;
  }
}

/** Keeps `programmes` of `key` (a wing, a person) in step with whether it has live work there. */
function presence(index: Map<string, Set<string>>, key: string, programmeId: string, present: boolean): void {
  let ids = index.get(key);
  if (present) {
    if (!ids) index.set(key, (ids = new Set()));
    ids.add(programmeId);
  } else {
    ids?.delete(programmeId);
    if (ids?.size === 0) index.delete(key);
  }
}
