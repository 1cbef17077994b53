import { withinUnit } from '@tayari/shared/access/unitScope';
import type { Unit } from '@tayari/shared/units/events';
import { DEFAULT_UNITS } from '@tayari/shared/units/catalogue';
import type { Clock } from '@tayari/shared/common/clock';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { HistoryCursor } from './ReadSide';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import type { BoardName, BoardSnapshot } from './BoardSource';
import { attentionBoard } from './boards/attentionBoard';
import { historyPage } from './boards/historyPage';
import { historyModel } from './models/history/historyModel';
import { postHistoryModel } from './models/posts/postHistoryModel';
import { postsModel } from './models/posts/postsModel';
import { postsBoard, type PostsFilter } from './boards/postsBoard';
import type { PostsBoardPayload } from './boards/postsTypes';
import { programmeBoard } from './boards/programmeBoard';
import { programmePreview } from './boards/programmePreview';
import { programmeDetail } from './boards/programmeDetail';
import { programmeList, type ProgrammeFilter } from './boards/programmeList';
import { readinessBoard } from './boards/readinessBoard';
import type {
  AttentionBoardPayload,
  BoardFilter,
  HistoryPayload,
  ProgrammeBoardPayload,
  ProgrammeBoardPreview,
  ProgrammeDetailPayload,
  ProgrammeListPayload,
  ReadinessBoardPayload,
  UnitsPayload,
  WingBoardPayload,
  WingsPayload,
} from './boards/types';
import { unitsUnder } from './boards/unitsUnder';
import { unitTree } from './boards/unitTree';
import { wingBoard } from './boards/wingBoard';
import { unitsModel } from './models/units/unitsModel';
import { peopleModel, type PersonRow } from './models/people/peopleModel';
import { templatesModel, type TemplateRow } from './models/templates/templatesModel';
import { directory, type DirectoryFilter, type DirectoryPayload } from './boards/directory';
import { mineBoard, personOfMineBoard, type MineBoardPayload } from './boards/mineBoard';
import type { ModelCache } from './runner/ModelCache';
import { driveBoard, type DriveBoardPayload } from './boards/driveBoard';
import { driveList, type DriveListPayload } from './boards/driveList';
import { drivesModel } from './models/drives/driveModels';
import { DriveIndex, type EnrolmentPage } from './models/drives/DriveIndex';
import type { EnrolmentRow } from './models/drives/DriveRows';

/** A log cursor as the read store keys it (undefined: from the log's end). */
const keyOf = (at: Position | undefined): string | undefined => (at === undefined ? undefined : positionKey(at));

/**
 * The payloads of the read endpoints and the live boards, built from documents held in memory by the
 * pure board functions at the clock's `now`, each stamped with the position the models had reached.
 * The in-process ReadModels (fed by the projection runner) and StoredReadSide (following another
 * process's commits) differ only in where the documents and that position come from.
 */
export abstract class CachedReadSide {
  readonly readStoreKind: string;
  /** Each drive's enrolment and enroller rows, so that a drive's reads skip every other drive's rows. */
  private readonly driveIndex = new DriveIndex();

  protected constructor(private readonly deps: { clock: Clock; readStore: ReadStore }) {
    this.readStoreKind = deps.readStore.kind;
  }

  /** The documents as of `position()` (the follower swaps them on a reload, hence a getter). */
  protected abstract get models(): ModelCache;
  abstract position(): Position;
  abstract comparePositions(a: Position, b: Position): number;

  isPosition(text: string): boolean {
    try {
      this.comparePositions(text, text);
      positionKey(text);
      return true;
    } catch {
      return false;
    }
  }

  /** BoardSource: a live board's content, the same payload as its GET. */
  async read(board: BoardName, filter: BoardFilter = {}): Promise<BoardSnapshot | undefined> {
    const data = await this.boardData(board, filter);
    return data && { position: data.position, data };
  }

  async wings(): Promise<WingsPayload> {
    return { position: this.position(), wings: this.models.catalogue.wings };
  }

  async units(): Promise<UnitsPayload> {
    return unitTree(this.models.table(unitsModel).values(), this.position());
  }

  async programmes(filter: ProgrammeFilter): Promise<ProgrammeListPayload> {
    // Every programme, past ones too: their rows are read once, then held.
    await this.models.ensureAll();
    return programmeList(this.models.programmes(), filter, this.now(), this.position(), this.within(filter.unit));
  }

  async programme(id: string): Promise<ProgrammeDetailPayload | undefined> {
    await this.models.ensure([id]);
    const doc = this.models.programme(id);
    return doc && programmeDetail(doc, this.position());
  }

  async programmeBoard(id: string, filter: BoardFilter = {}): Promise<ProgrammeBoardPayload | undefined> {
    await this.models.ensure([id]);
    const doc = this.models.programme(id);
    return doc && programmeBoard(doc, this.now(), this.position(), filter);
  }

  async programmePreview(id: string, filter: BoardFilter, perColumn: number): Promise<ProgrammeBoardPreview | undefined> {
    await this.models.ensure([id]);
    const doc = this.models.programme(id);
    return doc && programmePreview(doc, this.now(), this.position(), filter, perColumn);
  }

  async readinessBoard(filter: Pick<BoardFilter, 'unit'> = {}): Promise<ReadinessBoardPayload> {
    return readinessBoard(this.models.programmes(), this.now(), this.position(), this.within(filter.unit));
  }

  async attentionBoard(filter: Pick<BoardFilter, 'wing' | 'unit'> = {}): Promise<AttentionBoardPayload> {
    return attentionBoard(this.models.programmes(), this.now(), this.position(), filter, this.within(filter.unit));
  }

  async wingBoard(code: string, filter: BoardFilter = {}): Promise<WingBoardPayload | undefined> {
    const models = this.models;
    const wing = models.catalogue.wings.find((w) => w.code === code);
    if (!wing) return undefined;
    return wingBoard(wing, models.programmesOfWing(code), (id) => models.programme(id), this.now(), this.position(), filter, this.within(filter.unit));
  }

  async history(programmeId: string, cursor: HistoryCursor, limit: number): Promise<HistoryPayload | undefined> {
    // The position first: rows read after it may only be newer, never older, than it says.
    const position = this.position();
    if (!this.models.header(programmeId)) return undefined;
    const { readStore } = this.deps;
    // Newest first reads the store backwards: a page costs the page, however long the programme's history.
    const raws =
      'newestFirst' in cursor
        ? await readStore.logBefore(historyModel.name, programmeId, keyOf(cursor.before), limit + 1)
        : await readStore.log(historyModel.name, programmeId, keyOf(cursor.after), limit + 1);
    return historyPage(
      raws.map((raw) => historyModel.schema.parse(raw)),
      limit,
      position,
    );
  }

  /** GET /api/people: the directory (phones only when `withPhones`: in-charges). */
  async people(filter: Omit<DirectoryFilter, 'units'> & { unit?: string | undefined }, withPhones: boolean): Promise<DirectoryPayload> {
    const { unit, ...rest } = filter;
    return directory(this.models.table(peopleModel).values(), { ...rest, units: this.within(unit) }, withPhones, this.now(), this.position());
  }

  /** GET /api/templates: the checklist templates by English name, each at its current version. */
  async templates(): Promise<{ position: Position; templates: TemplateRow[] }> {
    const templates = [...this.models.table(templatesModel).values()].sort((a, b) => a.name.en.localeCompare(b.name.en) || a.id.localeCompare(b.id));
    return { position: this.position(), templates };
  }

  /** A person as the models hold them now (from memory: access checks call this on every request). */
  person(id: string): PersonRow | undefined {
    return this.models.table(peopleModel).get(id);
  }

  /** A person's own tasks: the cache keeps person → programmes → task ids, so this costs their tasks only. */
  async mineBoard(personId: string): Promise<MineBoardPayload> {
    const models = this.models;
    const name = models.table(peopleModel).get(personId)?.name;
    const person = { id: personId, ...(name === undefined ? {} : { name }) };
    const tasksOf = (programmeId: string) => models.tasksOfPerson(programmeId, personId);
    return mineBoard(person, models.programmesOfPerson(personId), (id) => models.programme(id), tasksOf, this.now(), this.position());
  }

  async postsBoard(filter: PostsFilter = {}): Promise<PostsBoardPayload> {
    return postsBoard(this.models.table(postsModel).values(), filter, this.within(filter.unit), this.position());
  }

  /** A programme's unit, from its header in memory (undefined: none, or no such programme). */
  programmeUnit(id: string): string | undefined {
    return this.models.header(id)?.unit;
  }

  /** A post's unit, from memory (undefined: no such post). */
  postUnit(postId: string): string | undefined {
    return this.models.row(postsModel, postId)?.unit;
  }

  async postHistory(postId: string, after: Position | undefined, limit: number): Promise<HistoryPayload | undefined> {
    const position = this.position();
    if (!this.models.row(postsModel, postId)) return undefined;
    const raws = await this.deps.readStore.log(postHistoryModel.name, postId, keyOf(after), limit + 1);
    return historyPage(
      raws.map((raw) => postHistoryModel.schema.parse(raw)),
      limit,
      position,
    );
  }

  async drives(): Promise<DriveListPayload> {
    return driveList(this.models.table(drivesModel).values(), this.position());
  }

  async driveBoard(driveId: string): Promise<DriveBoardPayload | undefined> {
    const row = this.models.row(drivesModel, driveId);
    if (!row) return undefined;
    return driveBoard(row, this.driveIndex.enrollersOf(this.models, driveId), this.position());
  }

  async driveEnrolments(driveId: string, page: EnrolmentPage = {}): Promise<{ position: Position; rows: EnrolmentRow[]; next?: string } | undefined> {
    const position = this.position();
    if (!this.models.row(drivesModel, driveId)) return undefined;
    return { position, ...this.driveIndex.enrolmentsOf(this.models, driveId, page) };
  }

  /**
   * Whether a thing of `unit` lies within `scope` and the units under it; a thing without a unit is
   * the whole state's, within only a scope that is a state (SPEC v2 "organisation units").
   */
  unitWithin(scope: string, unit: string | undefined): boolean {
    // The write side's rule, on the catalogue as the models hold it (the default units and the registered ones).
    const catalogue = new Map<string, Unit>(DEFAULT_UNITS.map((u) => [u.code, u]));
    for (const row of this.models.table(unitsModel).values()) catalogue.set(row.code, row);
    return withinUnit(catalogue, scope, unit);
  }

  /** With a unit: that unit's code and those under it (the programmes a unit filter keeps). */
  private within(unit: string | undefined): ReadonlySet<string> | undefined {
    return unit === undefined ? undefined : unitsUnder(unit, this.models.table(unitsModel).values());
  }

  protected now(): Date {
    return this.deps.clock.now();
  }

  private boardData(board: BoardName, filter: BoardFilter): Promise<{ position: Position } | undefined> {
    if (board === 'readiness') return this.readinessBoard(filter);
    if (board === 'attention') return this.attentionBoard(filter);
    if (board === 'posts') return this.postsBoard(filter);
    if (board.startsWith('drive:')) return this.driveBoard(board.slice('drive:'.length));
    if (board.startsWith('programme:')) return this.programmeBoard(board.slice('programme:'.length), filter);
    if (board.startsWith('wing:')) return this.wingBoard(board.slice('wing:'.length), filter);
    const person = personOfMineBoard(board);
    if (person !== undefined) return this.mineBoard(person);
    return Promise.resolve(undefined);
  }
}
