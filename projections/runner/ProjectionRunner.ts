import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { EventStore, Position, RecordedEvent } from '@tayari/shared/eventstore/EventStore';
import { parseRecorded, type StoredEvent } from '@tayari/shared/events/StoredEvent';
import { isProcessCheckpoint } from '@tayari/shared/readstore/processCheckpoints';
import type { ReadBatch, ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { BoardChange } from '../BoardSource';
import { PROJECTIONS } from '../registry/readModels';
import { programmeIdsOf } from '../models/programme/programmeIdOf';
import { waitForPosition } from '../waitForPosition';
import { ModelCache } from './ModelCache';
import { ProjectionFailed } from './ProjectionFailed';
import { Projector, type Checkpoints, type ProjectedBatch } from './Projector';

export interface ProjectionRunnerOptions {
  events: EventStore;
  readStore: ReadStore;
  /** Most events in one commit. Default 500. */
  maxBatch?: number | undefined;
  /**
   * Events waiting to be applied at which the runner stops reading (it unsubscribes, and subscribes
   * again after the last event it took once it has caught up with its queue). Default 4 × maxBatch.
   */
  maxQueued?: number;
  /** The position reported before any event was applied. Default "0" (the SQLite store's "before the first"). */
  zeroPosition?: Position;
  /** Told once, loudly, when the runner stops on an error. Default: console.error. */
  onError?: (error: Error) => void;
  /**
   * What is committed for a batch, given its projection and the position the models were at before
   * it (undefined: nothing applied yet). Default: the batch's own writes. The split projector adds
   * its board-change journal here, so that the journal lands in the same transaction as the models.
   */
  decorateBatch?: ((projected: ProjectedBatch, previous: Position | undefined) => ReadBatch) | undefined;
  /** The time, to tell which programmes are over (their rows are read on demand). Default: the system clock. */
  now?: () => Date;
}

export type RunnerStatus = 'running' | 'failed' | 'stopped';

export interface Commit {
  position: Position;
  programmeIds: ReadonlySet<string>;
}

/**
 * Keeps the read models up to date: subscribes to `$all` after the stored checkpoint, applies what
 * arrived in one turn of the event loop (at most `maxBatch` events) as one batch, and writes the
 * touched documents, the history rows and every checkpoint in ONE read-store commit. Only then does
 * it update its cache and position and announce which boards changed, at the committed position.
 * An event that does not parse or apply stops it (after committing the events before it).
 */
export class ProjectionRunner {
  readonly position$: BehaviorSubject<Position>;
  private readonly changesSubject = new Subject<BoardChange>();
  private readonly commitsSubject = new Subject<Commit>();
  readonly changes$: Observable<BoardChange> = this.changesSubject.asObservable();
  readonly commits$: Observable<Commit> = this.commitsSubject.asObservable();

  private statusValue: RunnerStatus = 'running';
  private failureValue: Error | undefined;
  private subscription: Subscription | undefined;
  private readonly queue: RecordedEvent[] = [];
  private draining = false;
  private idle: Promise<void> = Promise.resolve();
  private readonly projector: Projector;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  /** Set while paused: the position of the last event taken, where reading resumes. */
  private pausedAfter: Position | undefined;
  private paused = false;
  /** How deep the queue got, and how often reading paused (for tests and diagnostics). */
  readonly queueStats = { highWater: 0, pauses: 0 };

  /** Loads the checkpoints and documents, then follows the event store from the checkpoint. */
  static async start(options: ProjectionRunnerOptions): Promise<ProjectionRunner> {
    let stored = await options.readStore.checkpoints();
    // Models of an older shape (other projection names): drop them and replay every event.
    // A process manager's checkpoint describes no model (it replays harmlessly after a clear).
    if (Object.keys(stored).some((name) => !PROJECTIONS.includes(name) && !isProcessCheckpoint(name))) {
      await options.readStore.clear();
      stored = {};
    }
    const checkpoints: Checkpoints = {};
    for (const name of PROJECTIONS) if (stored[name] !== undefined) checkpoints[name] = stored[name];
    const cache = await ModelCache.load(options.readStore, (options.now ?? (() => new Date()))());
    const runner = new ProjectionRunner(options, cache, checkpoints);
    runner.subscribe();
    return runner;
  }

  private constructor(
    private readonly options: ProjectionRunnerOptions,
    readonly cache: ModelCache,
    private checkpointsValue: Checkpoints,
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.maxQueued = Math.max(this.maxBatch, options.maxQueued ?? 4 * this.maxBatch);
    this.projector = new Projector(cache, (a, b) => options.events.comparePositions(a, b));
    this.position$ = new BehaviorSubject(this.lowestCheckpoint() ?? options.zeroPosition ?? '0');
  }

  get status(): RunnerStatus {
    return this.statusValue;
  }

  get failure(): Error | undefined {
    return this.failureValue;
  }

  get position(): Position {
    return this.position$.value;
  }

  /** Each model's checkpoint, as committed. */
  checkpoints(): Partial<Record<string, Position>> {
    return { ...this.checkpointsValue };
  }

  comparePositions(a: Position, b: Position): number {
    return this.options.events.comparePositions(a, b);
  }

  /** Resolves true once the models reflect `position`, false after `timeoutMs` or when the runner stopped. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const reached = (current: Position) => this.comparePositions(current, position) >= 0;
    if (reached(this.position)) return Promise.resolve(true);
    if (this.statusValue !== 'running') return Promise.resolve(false);
    return waitForPosition(this.position$, reached, timeoutMs);
  }

  /** Stops following the store; an in-flight commit completes first. */
  async stop(): Promise<void> {
    if (this.statusValue === 'running') this.statusValue = 'stopped';
    this.subscription?.unsubscribe();
    await this.idle;
    this.changesSubject.complete();
    this.commitsSubject.complete();
    this.position$.complete();
  }

  private lowestCheckpoint(): Position | undefined {
    let lowest: Position | undefined;
    for (const name of PROJECTIONS) {
      const position = this.checkpointsValue[name];
      // A model without a checkpoint has seen nothing: start from the beginning.
      if (position === undefined) return undefined;
      if (lowest === undefined || this.options.events.comparePositions(position, lowest) < 0) lowest = position;
    }
    return lowest;
  }

  private subscribe(after: Position | undefined = this.lowestCheckpoint()): void {
    // The store's subscription catches up then follows live commits with no gap and no duplicate.
    this.subscription = this.options.events.subscribeAll(after).subscribe({
      next: (event) => this.enqueue(event),
      error: (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))),
      complete: () => {
        if (this.statusValue === 'running') this.statusValue = 'stopped';
      },
    });
  }

  private enqueue(event: RecordedEvent): void {
    if (this.statusValue !== 'running' || this.paused) return;
    this.queue.push(event);
    if (this.queue.length > this.queueStats.highWater) this.queueStats.highWater = this.queue.length;
    if (this.queue.length >= this.maxQueued) {
      // Backpressure: a store that delivers faster than the read store commits (a cold start over
      // EventStoreDB) would otherwise fill memory. Reading resumes after this event.
      this.paused = true;
      this.pausedAfter = event.position;
      this.queueStats.pauses++;
      this.subscription?.unsubscribe();
    }
    if (this.draining) return;
    this.draining = true;
    this.idle = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      // Let the rest of this turn's events arrive (a catch-up page, a group commit) to batch them.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0 && this.statusValue === 'running') {
        await this.applyBatch(this.queue.splice(0, this.maxBatch));
        this.resumeIfDrained();
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.draining = false;
    }
  }

  /** Reading paused on a deep queue: once it is down to a batch, read on after the last event taken. */
  private resumeIfDrained(): void {
    if (!this.paused || this.queue.length > this.maxBatch || this.statusValue !== 'running') return;
    this.paused = false;
    this.subscribe(this.pausedAfter);
  }

  private async applyBatch(batch: RecordedEvent[]): Promise<void> {
    const parsed: StoredEvent[] = [];
    let failure: ProjectionFailed | undefined;
    const applied = this.lowestCheckpoint();
    for (const recorded of batch) {
      // Delivered again (a resubscription after a drop): every model has it already.
      if (applied !== undefined && this.comparePositions(recorded.position, applied) <= 0) continue;
      try {
        parsed.push(parseRecorded(recorded));
      } catch (error) {
        failure = new ProjectionFailed(recorded, error);
        break;
      }
    }
    // Apply whatever parsed before the bad event, then stop there.
    if (parsed.length > 0) await this.commit(parsed);
    if (failure) throw failure;
  }

  private async commit(events: StoredEvent[]): Promise<void> {
    // The rows of a programme that was over at start are read before its events are applied.
    await this.cache.ensure(programmeIdsOf(events));
    let projected: ProjectedBatch;
    try {
      projected = this.projector.project(events, this.checkpointsValue);
    } catch (error) {
      // One event broke an evolve: retry one by one so the good ones before it are committed.
      if (events.length > 1) {
        for (const event of events) await this.commit([event]);
        return;
      }
      const [only] = events;
      if (only === undefined) throw error;
      throw new ProjectionFailed(only, error);
    }
    const write = this.options.decorateBatch ? this.options.decorateBatch(projected, this.lowestCheckpoint()) : projected.write;
    await this.options.readStore.commit(write);
    this.cache.merge(projected.rows);
    this.checkpointsValue = { ...this.checkpointsValue, ...projected.write.checkpoints };
    this.position$.next(projected.position);
    this.commitsSubject.next({ position: projected.position, programmeIds: projected.programmeIds });
    for (const board of projected.boards) this.changesSubject.next({ board, position: projected.position });
  }

  private fail(error: Error): void {
    if (this.statusValue === 'failed') return;
    this.statusValue = 'failed';
    this.failureValue = error;
    this.queue.length = 0;
    this.subscription?.unsubscribe();
    (this.options.onError ?? ((e: Error) => console.error(e)))(error);
  }
}
