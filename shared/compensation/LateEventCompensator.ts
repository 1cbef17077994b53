import { BehaviorSubject, filter, firstValueFrom, map, race, timer, type Subscription } from 'rxjs';
import { ZodError } from 'zod';
import type { Clock } from '../common/clock';
import { ConcurrencyError } from '../common/errors';
import { EventMetadataSchema } from '../common/metadata';
import { DomainEventSchema } from '../events/DomainEventSchema';
import { parseRecorded } from '../events/StoredEvent';
import { CURRENT_SCHEMA } from '../events/upcast';
import type { AppendResult, EventStore, Position, RecordedEvent } from '../eventstore/EventStore';
import { eventId } from '../eventstore/eventId';
import { compensationFor, type Compensation } from './compensationFor';
import { isPlanEvent, PLAN_EVENT_TYPES, PlanCancellations } from './PlanCancellations';
import { SYSTEM_ACTOR } from './systemActor';

/** Where the compensator keeps the position of the last event it judged. */
export interface CheckpointStore {
  load(): Promise<Position | undefined>;
  save(position: Position): Promise<void>;
}

export interface LateEventCompensatorOptions {
  events: EventStore;
  checkpoint: CheckpointStore;
  clock: Clock;
  /** Told of each compensation appended (or found appended by an earlier run): logs, metrics. */
  onCompensated?: (compensation: Compensation, result: AppendResult) => void;
  /** Told of each failure: retried (`retrying`) unless an event cannot be parsed, which stops it. */
  onError?: (error: Error, retrying: boolean) => void;
  /** Waits before retrying an append or a dropped subscription. Defaults 100 ms doubling to 5 s. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Least time between two checkpoint writes when nothing was compensated. Default 1000 ms. */
  checkpointEveryMs?: number;
}

export type CompensatorStatus = 'running' | 'failed' | 'stopped';

/** Events waiting past which reading pauses (an append retrying while `$all` keeps coming). */
const MAX_QUEUED = 10_000;

/**
 * The process manager that closes EventStoreDB's race window on cancelled programmes and stops
 * (docs/production.md): it follows `$all`, remembers what was cancelled, and when a task or duty
 * event lands after its programme or stop was cancelled it appends that task's or duty's cancel at
 * once, as Tayari, right after the late event (expected version), with an event id derived from the
 * late event's id, so a run that judges the same event again appends nothing twice.
 *
 * It keeps no state on disk: at start it reads `$all` from the beginning to rebuild its memory, and
 * acts only on events after its checkpoint (the last event judged). Events are judged one at a time
 * in order; an append that fails for any reason but a moved stream is retried until it succeeds.
 */
export class LateEventCompensator {
  /** The last event judged (undefined before the first). */
  readonly position$ = new BehaviorSubject<Position | undefined>(undefined);
  private readonly state = new PlanCancellations();
  private readonly queue: RecordedEvent[] = [];
  private statusValue: CompensatorStatus = 'running';
  private subscription: Subscription | undefined;
  private draining = false;
  private idle: Promise<void> = Promise.resolve();
  private lastQueued: Position | undefined;
  private paused = false;
  private failures = 0;
  private saved: Position | undefined;
  private savedAt = Number.NEGATIVE_INFINITY;
  private saveTimer: NodeJS.Timeout | undefined;
  /** Cuts short the waits under way (stop). */
  private readonly wakers = new Set<() => void>();
  private compensationsValue = 0;

  static async start(options: LateEventCompensatorOptions): Promise<LateEventCompensator> {
    const compensator = new LateEventCompensator(options, await options.checkpoint.load());
    compensator.subscribe();
    return compensator;
  }

  private constructor(
    private readonly options: LateEventCompensatorOptions,
    private readonly checkpoint: Position | undefined,
  ) {
    this.saved = checkpoint;
  }

  get status(): CompensatorStatus {
    return this.statusValue;
  }

  /** Compensations appended (or found already appended) since start. */
  get compensations(): number {
    return this.compensationsValue;
  }

  /** Resolves true once every event up to `position` is judged (and compensated), false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const reached = this.position$.pipe(
      filter((at) => at !== undefined && this.options.events.comparePositions(at, position) >= 0),
      map(() => true),
    );
    return firstValueFrom(race(reached, timer(timeoutMs).pipe(map(() => false))), { defaultValue: false });
  }

  /** Stops reading; the event being judged is finished and the checkpoint written. */
  async stop(): Promise<void> {
    if (this.statusValue === 'running') this.statusValue = 'stopped';
    this.subscription?.unsubscribe();
    for (const wake of this.wakers) wake();
    await this.idle;
    clearTimeout(this.saveTimer);
    await this.saveCheckpoint(true);
    this.position$.complete();
  }

  private subscribe(): void {
    this.subscription = this.options.events.subscribeAll(this.lastQueued).subscribe({
      next: (event) => this.enqueue(event),
      error: (error: unknown) => void this.resubscribe(asError(error)),
    });
  }

  /** A dropped subscription: after a wait, read on after the last event taken. */
  private async resubscribe(error: Error): Promise<void> {
    if (this.statusValue !== 'running') return;
    this.options.onError?.(error, true);
    await this.backoff();
    if (this.statusValue === 'running' && !this.paused) this.subscribe();
  }

  private enqueue(event: RecordedEvent): void {
    if (this.statusValue !== 'running' || this.paused) return;
    this.queue.push(event);
    this.lastQueued = event.position;
    if (this.queue.length >= MAX_QUEUED) {
      this.paused = true;
      this.subscription?.unsubscribe();
    }
    if (this.draining) return;
    this.draining = true;
    this.idle = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      // Events may arrive while the checkpoint is written: the flag drops only with the queue empty.
      while (this.statusValue === 'running' && this.queue.length > 0) {
        await this.judgeQueued();
        await this.saveCheckpoint(false);
      }
    } finally {
      this.draining = false;
    }
  }

  private async judgeQueued(): Promise<void> {
    for (let next = this.queue[0]; next !== undefined && this.statusValue === 'running'; next = this.queue[0]) {
      try {
        await this.judge(next);
        this.queue.shift();
        this.failures = 0;
      } catch (error) {
        if (!this.retryable(error)) return this.fail(asError(error));
        this.options.onError?.(asError(error), true);
        await this.backoff();
      }
      if (this.paused && this.queue.length === 0 && this.statusValue === 'running') {
        this.paused = false;
        this.subscribe();
      }
    }
  }

  /** Judges one event: compensate it if it is late, then remember what it says. */
  private async judge(recorded: RecordedEvent): Promise<void> {
    let compensated = false;
    if (PLAN_EVENT_TYPES.has(recorded.type)) {
      const event = parseRecorded(recorded);
      if (isPlanEvent(event)) {
        const before = this.checkpoint !== undefined && this.options.events.comparePositions(recorded.position, this.checkpoint) <= 0;
        // Events up to the checkpoint were judged by an earlier run: they only rebuild the memory.
        const compensation = before ? undefined : compensationFor(this.state, event, recorded.id);
        if (compensation) compensated = await this.compensate(compensation);
        this.state.evolve(event);
      }
    }
    this.position$.next(recorded.position);
    // Written at once: a restart need not even try that append again.
    if (compensated) await this.saveCheckpoint(true);
  }

  /** True when appended (or found appended by an earlier run). */
  private async compensate(compensation: Compensation): Promise<boolean> {
    const commandId = `compensate-${compensation.cause.id}`;
    const metadata = EventMetadataSchema.parse({
      actor: SYSTEM_ACTOR,
      at: this.options.clock.now().toISOString(),
      commandId,
      correlationId: compensation.cause.correlationId,
      schema: CURRENT_SCHEMA,
    });
    const event = DomainEventSchema.parse(compensation.event);
    const toAppend = { id: eventId(commandId, 0), type: event.type, data: event.data, metadata };
    try {
      const result = await this.options.events.append(compensation.streamId, [toAppend], compensation.expectedVersion);
      this.compensationsValue += 1;
      this.options.onCompensated?.(compensation, result);
      return true;
    } catch (error) {
      // The stream moved past the late event: either this compensation is there already (an earlier
      // run whose checkpoint was older), or another event followed, which is judged in its turn.
      if (!(error instanceof ConcurrencyError)) throw error;
      return false;
    }
  }

  /** Writes the position judged when it moved: always when `now`, else at most every checkpointEveryMs. */
  private async saveCheckpoint(now: boolean): Promise<void> {
    const position = this.position$.value;
    if (position === undefined) return;
    if (this.saved !== undefined && this.options.events.comparePositions(position, this.saved) <= 0) return;
    // Monotonic process time, not the injected clock: this paces writes, it says nothing of the domain.
    const every = this.options.checkpointEveryMs ?? 1000;
    const wait = this.savedAt + every - performance.now();
    if (!now && wait > 0) {
      this.saveTimer ??= setTimeout(() => {
        this.saveTimer = undefined;
        if (!this.draining) void this.saveCheckpoint(true);
      }, wait).unref();
      return;
    }
    try {
      await this.options.checkpoint.save(position);
      this.saved = position;
      this.savedAt = performance.now();
    } catch (error) {
      // Not fatal: a restart judges the events since the last checkpoint again, harmlessly.
      this.options.onError?.(asError(error), true);
    }
  }

  private retryable(error: unknown): boolean {
    // An event that does not parse would fail the same way again.
    return !(error instanceof ZodError);
  }

  private async backoff(): Promise<void> {
    this.failures += 1;
    const { initialDelayMs = 100, maxDelayMs = 5000 } = this.options.retry ?? {};
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (this.failures - 1));
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(wait);
        this.wakers.delete(wake);
        resolve();
      };
      const wait = setTimeout(wake, delay);
      this.wakers.add(wake);
    });
  }

  private fail(error: Error): void {
    this.statusValue = 'failed';
    this.subscription?.unsubscribe();
    this.queue.length = 0;
    this.options.onError?.(error, false);
  }
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
