import { Subject, type Observable, type Subscription } from 'rxjs';
import type { EventStore, Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { ProjectionFailed } from '@tayari/projections/runner/ProjectionFailed';
import { ProjectionRunner } from '@tayari/projections/runner/ProjectionRunner';
import { BoardChangeJournal } from '@tayari/projections/stored/BoardChangeJournal';
import type { CommitNotice } from '@tayari/projections/stored/ModelFollower';

export type SupervisorState = 'starting' | 'running' | 'restarting' | 'failed' | 'stopped';

export interface RunnerSupervisorOptions {
  events: EventStore;
  readStore: ReadStore;
  zeroPosition: Position;
  /** Write the board-change journal with every batch (for readers in other processes). Default true. */
  journal?: boolean;
  /** Journal entries kept (BoardChangeJournal's default otherwise). */
  journalRetention?: number;
  maxBatch?: number | undefined;
  /** Waits before a restart: doubling from the first to the longest. Defaults 100 ms, 5 s. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Told of each restart before its wait. */
  onRestart?: (error: Error, attempt: number, delayMs: number) => void;
  /** Told once when an event cannot be projected: restarting would stop at the same event again. */
  onFailed?: (error: ProjectionFailed) => void;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Keeps a ProjectionRunner going in the projector process. The runner stops on any error; when the
 * cause may pass (a store unreachable at start or during a commit, a subscription that gave up), a
 * new runner starts after a backoff, from the checkpoints committed in the read store, so nothing is
 * skipped or applied twice. An event that cannot be projected is not retried: the state stays
 * `failed` and health says so. (The EventStoreDB subscription itself resubscribes after drops.)
 */
export class RunnerSupervisor {
  private readonly commits = new Subject<CommitNotice>();
  /** Every committed position, across restarts: in-process stand-in for the checkpoint change stream. */
  readonly commits$: Observable<CommitNotice> = this.commits.asObservable();
  private stateValue: SupervisorState = 'starting';
  private failureValue: Error | undefined;
  private current: ProjectionRunner | undefined;
  private positionSubscription: Subscription | undefined;
  private lastPosition: Position | undefined;
  private generation = 0;
  private failures = 0;
  private restartsValue = 0;
  private timer: NodeJS.Timeout | undefined;
  private launching: Promise<void> = Promise.resolve();

  /** Starts the first runner; resolves once it runs or has failed (a failure schedules the next attempt). */
  static async start(options: RunnerSupervisorOptions): Promise<RunnerSupervisor> {
    const supervisor = new RunnerSupervisor(options);
    supervisor.launching = supervisor.launch();
    await supervisor.launching;
    return supervisor;
  }

  private constructor(private readonly options: RunnerSupervisorOptions) {}

  get state(): SupervisorState {
    return this.stateValue;
  }

  /** The error that stopped the last runner, if any. */
  get failure(): Error | undefined {
    return this.failureValue;
  }

  get restarts(): number {
    return this.restartsValue;
  }

  get runner(): ProjectionRunner | undefined {
    return this.current;
  }

  /** The position the read models are known to reflect. */
  position(): Position {
    return this.current?.position ?? this.lastPosition ?? this.options.zeroPosition;
  }

  async stop(): Promise<void> {
    if (this.stateValue === 'stopped') return;
    this.stateValue = 'stopped';
    this.generation += 1;
    clearTimeout(this.timer);
    await this.launching;
    this.positionSubscription?.unsubscribe();
    await this.current?.stop();
    this.commits.complete();
  }

  private async launch(): Promise<void> {
    const generation = ++this.generation;
    try {
      const { events, readStore, zeroPosition, maxBatch } = this.options;
      const journal = this.options.journal === false ? undefined : await BoardChangeJournal.load(readStore, this.options.journalRetention);
      const runner = await ProjectionRunner.start({
        events,
        readStore,
        zeroPosition,
        maxBatch,
        decorateBatch: journal?.decorate,
        onError: (error) => this.runnerFailed(generation, error),
      });
      if (generation !== this.generation) {
        await runner.stop();
        return;
      }
      this.current = runner;
      const initial = runner.position;
      this.positionSubscription = runner.position$.subscribe((position) => {
        // A commit proves both stores work again: the next failure starts from the shortest wait.
        if (position !== initial) this.failures = 0;
        this.lastPosition = position;
        this.commits.next({ position });
      });
      if (runner.status === 'running') this.stateValue = 'running';
    } catch (error) {
      this.runnerFailed(generation, asError(error));
    }
  }

  private runnerFailed(generation: number, error: Error): void {
    if (generation !== this.generation || this.stateValue === 'stopped') return;
    this.failureValue = error;
    if (error instanceof ProjectionFailed) {
      this.stateValue = 'failed';
      this.options.onFailed?.(error);
      return;
    }
    this.failures += 1;
    const { initialDelayMs = 100, maxDelayMs = 5000 } = this.options.retry ?? {};
    const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** (this.failures - 1));
    this.stateValue = 'restarting';
    this.options.onRestart?.(error, this.failures, delayMs);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.launching = this.restart();
    }, delayMs);
  }

  private async restart(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    this.positionSubscription?.unsubscribe();
    this.positionSubscription = undefined;
    await previous?.stop();
    if (this.stateValue === 'stopped') return;
    this.restartsValue += 1;
    await this.launch();
  }
}
