import { merge, type Observable } from 'rxjs';
import type { Clock } from '@tayari/shared/common/clock';
import type { EventStore, Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import type { BoardChange, BoardName, BoardSnapshot, BoardSource } from './BoardSource';
import { historyPage } from './boards/historyPage';
import { programmeBoard } from './boards/programmeBoard';
import { programmeDetail } from './boards/programmeDetail';
import { programmeList, type ProgrammeFilter } from './boards/programmeList';
import { readinessBoard } from './boards/readinessBoard';
import type {
  HistoryPayload,
  ProgrammeBoardPayload,
  ProgrammeDetailPayload,
  ProgrammeListPayload,
  ReadinessBoardPayload,
  WingBoardPayload,
  WingsPayload,
} from './boards/types';
import { wingBoard } from './boards/wingBoard';
import { BoardClock } from './clock/BoardClock';
import { PROJECTIONS } from './models/collections';
import type { ReadSide } from './ReadSide';
import { ProjectionRunner, type ProjectionRunnerOptions } from './runner/ProjectionRunner';

export interface ReadModelsOptions extends ProjectionRunnerOptions {
  events: EventStore;
  readStore: ReadStore;
  clock: Clock;
}

/**
 * The in-process read side: the projection runner, the board clock, and the board payloads built
 * from the runner's cached documents at the clock's `now`. It is the live gateway's BoardSource and
 * the read endpoints' ReadSide.
 */
export class ReadModels implements BoardSource, ReadSide {
  readonly changes$: Observable<BoardChange>;
  readonly readStoreKind: string;

  static async start(options: ReadModelsOptions): Promise<ReadModels> {
    const runner = await ProjectionRunner.start(options);
    return new ReadModels(options, runner);
  }

  private readonly boardClock: BoardClock;

  private constructor(
    private readonly options: ReadModelsOptions,
    readonly runner: ProjectionRunner,
  ) {
    this.readStoreKind = options.readStore.kind;
    this.boardClock = new BoardClock(options.clock, runner.cache.programmes, () => runner.position);
    runner.commits$.subscribe((commit) => this.boardClock.replan(commit.programmeIds));
    this.boardClock.start();
    this.changes$ = merge(runner.changes$, this.boardClock.changes$);
  }

  get clock(): BoardClock {
    return this.boardClock;
  }

  async read(board: BoardName): Promise<BoardSnapshot | undefined> {
    const data = await this.boardData(board);
    return data && { position: data.position, data };
  }

  comparePositions(a: Position, b: Position): number {
    return this.options.events.comparePositions(a, b);
  }

  isPosition(text: string): boolean {
    try {
      this.comparePositions(text, text);
      positionKey(text);
      return true;
    } catch {
      return false;
    }
  }

  position(): Position {
    return this.runner.position;
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return this.runner.waitFor(position, timeoutMs);
  }

  async projections(): Promise<Record<string, { position: Position | null }>> {
    const checkpoints = this.runner.checkpoints();
    return Object.fromEntries(PROJECTIONS.map((name) => [name, { position: checkpoints[name] ?? null }]));
  }

  healthy(): boolean {
    return this.runner.status !== 'failed';
  }

  async wings(): Promise<WingsPayload> {
    return { position: this.position(), wings: this.runner.cache.catalogue.wings };
  }

  async programmes(filter: ProgrammeFilter): Promise<ProgrammeListPayload> {
    return programmeList(this.runner.cache.programmes.values(), filter, this.now(), this.position());
  }

  async programme(id: string): Promise<ProgrammeDetailPayload | undefined> {
    const doc = this.runner.cache.programmes.get(id);
    return doc && programmeDetail(doc, this.position());
  }

  async programmeBoard(id: string): Promise<ProgrammeBoardPayload | undefined> {
    const doc = this.runner.cache.programmes.get(id);
    return doc && programmeBoard(doc, this.now(), this.position());
  }

  async readinessBoard(): Promise<ReadinessBoardPayload> {
    return readinessBoard(this.runner.cache.programmes.values(), this.now(), this.position());
  }

  async wingBoard(code: string): Promise<WingBoardPayload | undefined> {
    const { cache } = this.runner;
    const wing = cache.catalogue.wings.find((w) => w.code === code);
    if (!wing) return undefined;
    return wingBoard(wing, cache.wingDocsOf(code), (id) => cache.programmes.get(id), this.now(), this.position());
  }

  async history(programmeId: string, after: Position | undefined, limit: number): Promise<HistoryPayload | undefined> {
    // The position first: rows read after it may only be newer, never older, than it says.
    const position = this.position();
    if (!this.runner.cache.programmes.has(programmeId)) return undefined;
    const rows = await this.options.readStore.history(programmeId, after === undefined ? undefined : positionKey(after), limit + 1);
    return historyPage(rows, limit, position);
  }

  /** Stops the clock and the runner (an in-flight commit completes); the stores stay open. */
  async stop(): Promise<void> {
    this.boardClock.stop();
    await this.runner.stop();
  }

  private now(): Date {
    return this.options.clock.now();
  }

  private boardData(board: BoardName): Promise<{ position: Position } | undefined> {
    if (board === 'readiness') return this.readinessBoard();
    if (board.startsWith('programme:')) return this.programmeBoard(board.slice('programme:'.length));
    if (board.startsWith('wing:')) return this.wingBoard(board.slice('wing:'.length));
    return Promise.resolve(undefined);
  }
}
