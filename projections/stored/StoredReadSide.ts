import { Subject, type Observable, type Subscription } from 'rxjs';
import type { Clock } from '@tayari/shared/common/clock';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import type { BoardChange, BoardName, BoardSnapshot, BoardSource } from '../BoardSource';
import { historyPage } from '../boards/historyPage';
import { programmeBoard } from '../boards/programmeBoard';
import { programmeDetail } from '../boards/programmeDetail';
import { programmeList, type ProgrammeFilter } from '../boards/programmeList';
import { readinessBoard } from '../boards/readinessBoard';
import type {
  HistoryPayload,
  ProgrammeBoardPayload,
  ProgrammeDetailPayload,
  ProgrammeListPayload,
  ReadinessBoardPayload,
  WingBoardPayload,
  WingsPayload,
} from '../boards/types';
import { wingBoard } from '../boards/wingBoard';
import { BoardClock } from '../clock/BoardClock';
import { PROJECTIONS } from '../models/collections';
import type { ReadSide } from '../ReadSide';
import { ModelFollower, type FollowedChange, type ModelFollowerOptions } from './ModelFollower';

export interface StoredReadSideOptions extends ModelFollowerOptions {
  clock: Clock;
  /** The position reported before any event was applied. Default "0". */
  zeroPosition?: Position;
}

/**
 * The read side of a process that does not project: the API or the live gateway of a split set-up.
 * Its documents come from the read store the projector process writes (ModelFollower keeps them in
 * memory, told of each commit); payloads are built from them at the clock's `now` by the same pure
 * board functions as the in-process ReadModels, and a BoardClock announces what time alone changes.
 */
export class StoredReadSide implements ReadSide, BoardSource {
  readonly readStoreKind: string;
  readonly changes$: Observable<BoardChange>;
  private readonly subject = new Subject<BoardChange>();
  private boardClock: BoardClock;
  private clockSubscription: Subscription | undefined;
  private readonly followSubscription: Subscription;

  static async start(options: StoredReadSideOptions): Promise<StoredReadSide> {
    return new StoredReadSide(options, await ModelFollower.start(options));
  }

  private constructor(
    private readonly options: StoredReadSideOptions,
    readonly follower: ModelFollower,
  ) {
    this.readStoreKind = options.readStore.kind;
    this.changes$ = this.subject.asObservable();
    this.boardClock = this.startClock();
    this.followSubscription = follower.changes$.subscribe((change) => this.followed(change));
  }

  get clock(): BoardClock {
    return this.boardClock;
  }

  async read(board: BoardName): Promise<BoardSnapshot | undefined> {
    const data = await this.boardData(board);
    return data && { position: data.position, data };
  }

  comparePositions(a: Position, b: Position): number {
    return this.options.comparePositions(a, b);
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
    return this.follower.position ?? this.options.zeroPosition ?? '0';
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const zero = this.options.zeroPosition ?? '0';
    const reached = (current: Position | undefined) => this.comparePositions(current ?? zero, position) >= 0;
    if (reached(this.follower.position)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      let subscription: Subscription | undefined;
      const done = (value: boolean) => {
        clearTimeout(timer);
        subscription?.unsubscribe();
        resolve(value);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      subscription = this.follower.position$.subscribe({ next: (current) => reached(current) && done(true), complete: () => done(false) });
    });
  }

  /** Asked of the store each time, so that health shows a store that cannot be reached. */
  async projections(): Promise<Record<string, { position: Position | null }>> {
    const stored = await this.options.readStore.checkpoints();
    return Object.fromEntries(PROJECTIONS.map((name) => [name, { position: stored[name] ?? null }]));
  }

  healthy(): boolean {
    return this.follower.healthy;
  }

  async wings(): Promise<WingsPayload> {
    return { position: this.position(), wings: this.follower.cache.catalogue.wings };
  }

  async programmes(filter: ProgrammeFilter): Promise<ProgrammeListPayload> {
    return programmeList(this.follower.cache.programmes.values(), filter, this.now(), this.position());
  }

  async programme(id: string): Promise<ProgrammeDetailPayload | undefined> {
    const doc = this.follower.cache.programmes.get(id);
    return doc && programmeDetail(doc, this.position());
  }

  async programmeBoard(id: string): Promise<ProgrammeBoardPayload | undefined> {
    const doc = this.follower.cache.programmes.get(id);
    return doc && programmeBoard(doc, this.now(), this.position());
  }

  async readinessBoard(): Promise<ReadinessBoardPayload> {
    return readinessBoard(this.follower.cache.programmes.values(), this.now(), this.position());
  }

  async wingBoard(code: string): Promise<WingBoardPayload | undefined> {
    const { cache } = this.follower;
    const wing = cache.catalogue.wings.find((w) => w.code === code);
    if (!wing) return undefined;
    return wingBoard(wing, cache.wingDocsOf(code), (id) => cache.programmes.get(id), this.now(), this.position());
  }

  async history(programmeId: string, after: Position | undefined, limit: number): Promise<HistoryPayload | undefined> {
    // The position first: rows read after it may only be newer, never older, than it says.
    const position = this.position();
    if (!this.follower.cache.programmes.has(programmeId)) return undefined;
    const rows = await this.options.readStore.history(programmeId, after === undefined ? undefined : positionKey(after), limit + 1);
    return historyPage(rows, limit, position);
  }

  /** Stops following and the clock; the read store stays open. */
  stop(): void {
    this.followSubscription.unsubscribe();
    this.clockSubscription?.unsubscribe();
    this.boardClock.stop();
    this.follower.stop();
    this.subject.complete();
  }

  private followed(change: FollowedChange): void {
    const position = this.position();
    if (change.boards === 'all') {
      // Every document was read again: a new clock over the new documents, and every board may differ.
      this.clockSubscription?.unsubscribe();
      this.boardClock.stop();
      this.boardClock = this.startClock();
      for (const board of this.everyBoard()) this.subject.next({ board, position });
      return;
    }
    this.boardClock.replan(change.programmeIds === 'all' ? this.follower.cache.programmes.keys() : change.programmeIds);
    for (const board of change.boards) this.subject.next({ board, position });
  }

  private startClock(): BoardClock {
    const clock = new BoardClock(this.options.clock, this.follower.cache.programmes, () => this.position());
    this.clockSubscription = clock.changes$.subscribe((change) => this.subject.next(change));
    clock.start();
    return clock;
  }

  private *everyBoard(): Iterable<BoardName> {
    yield 'readiness';
    for (const id of this.follower.cache.programmes.keys()) yield `programme:${id}`;
    for (const wing of this.follower.cache.catalogue.wings) yield `wing:${wing.code}`;
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
