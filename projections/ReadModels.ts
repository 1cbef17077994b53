import { merge, type Observable } from 'rxjs';
import type { Clock } from '@tayari/shared/common/clock';
import type { EventStore, Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { BoardChange, BoardSource } from './BoardSource';
import { CachedReadSide } from './CachedReadSide';
import { BoardClock } from './clock/BoardClock';
import { PROJECTIONS } from './registry/readModels';
import type { ReadSide } from './ReadSide';
import type { ModelCache } from './runner/ModelCache';
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
export class ReadModels extends CachedReadSide implements BoardSource, ReadSide {
  readonly changes$: Observable<BoardChange>;
  private readonly boardClock: BoardClock;

  static async start(options: ReadModelsOptions): Promise<ReadModels> {
    const runner = await ProjectionRunner.start({ now: () => options.clock.now(), ...options });
    return new ReadModels(options, runner);
  }

  private constructor(
    options: ReadModelsOptions,
    readonly runner: ProjectionRunner,
  ) {
    super(options);
    this.boardClock = new BoardClock(options.clock, runner.cache, () => runner.position);
    runner.commits$.subscribe((commit) => this.boardClock.replan(commit.programmeIds));
    this.boardClock.start();
    this.changes$ = merge(runner.changes$, this.boardClock.changes$);
  }

  protected get models(): ModelCache {
    return this.runner.cache;
  }

  comparePositions(a: Position, b: Position): number {
    return this.runner.comparePositions(a, b);
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

  /** Stops the clock and the runner (an in-flight commit completes); the stores stay open. */
  async stop(): Promise<void> {
    this.boardClock.stop();
    await this.runner.stop();
  }
}
