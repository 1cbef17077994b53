import { Subject, type Observable, type Subscription } from 'rxjs';
import { drivesModel } from '../models/drives/driveModels';
import type { Clock } from '@tayari/shared/common/clock';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { BoardChange, BoardName, BoardSource } from '../BoardSource';
import { CachedReadSide } from '../CachedReadSide';
import { BoardClock } from '../clock/BoardClock';
import { PROJECTIONS } from '../registry/readModels';
import type { ReadSide } from '../ReadSide';
import type { ModelCache } from '../runner/ModelCache';
import { waitForPosition } from '../waitForPosition';
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
export class StoredReadSide extends CachedReadSide implements ReadSide, BoardSource {
  readonly changes$: Observable<BoardChange>;
  private readonly subject = new Subject<BoardChange>();
  private boardClock: BoardClock;
  private clockSubscription: Subscription | undefined;
  private readonly followSubscription: Subscription;

  static async start(options: StoredReadSideOptions): Promise<StoredReadSide> {
    return new StoredReadSide(options, await ModelFollower.start({ now: () => options.clock.now(), ...options }));
  }

  private constructor(
    private readonly options: StoredReadSideOptions,
    readonly follower: ModelFollower,
  ) {
    super(options);
    this.changes$ = this.subject.asObservable();
    this.boardClock = this.startClock();
    this.followSubscription = follower.changes$.subscribe((change) => this.followed(change));
  }

  protected get models(): ModelCache {
    return this.follower.cache;
  }

  comparePositions(a: Position, b: Position): number {
    return this.options.comparePositions(a, b);
  }

  position(): Position {
    return this.follower.position ?? this.options.zeroPosition ?? '0';
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const zero = this.options.zeroPosition ?? '0';
    const reached = (current: Position | undefined) => this.comparePositions(current ?? zero, position) >= 0;
    if (reached(this.follower.position)) return Promise.resolve(true);
    return waitForPosition(this.follower.position$, reached, timeoutMs);
  }

  /** Asked of the store each time, so that health shows a store that cannot be reached. */
  async projections(): Promise<Record<string, { position: Position | null }>> {
    const stored = await this.options.readStore.checkpoints();
    return Object.fromEntries(PROJECTIONS.map((name) => [name, { position: stored[name] ?? null }]));
  }

  healthy(): boolean {
    return this.follower.healthy;
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
      for (const board of this.everyBoard()) this.subject.next({ board, position, clock: true });
      return;
    }
    this.boardClock.replan(change.programmeIds === 'all' ? this.follower.cache.programmeIds() : change.programmeIds);
    for (const board of change.boards) this.subject.next({ board, position });
  }

  private startClock(): BoardClock {
    const clock = new BoardClock(this.options.clock, this.follower.cache, () => this.position());
    this.clockSubscription = clock.changes$.subscribe((change) => this.subject.next(change));
    clock.start();
    return clock;
  }

  private *everyBoard(): Iterable<BoardName> {
    yield 'readiness';
    yield 'attention';
    yield 'posts';
    for (const id of this.follower.cache.programmeIds()) yield `programme:${id}`;
    for (const wing of this.follower.cache.catalogue.wings) yield `wing:${wing.code}`;
    for (const id of this.follower.cache.table(drivesModel).keys()) yield `drive:${id}`;
  }
}
