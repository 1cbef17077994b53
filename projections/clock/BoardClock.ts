import { Subject, type Observable } from 'rxjs';
import type { Clock } from '@tayari/shared/common/clock';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { BoardChange, BoardName } from '../BoardSource';
import type { ClockModels, PlannedChange } from './nextChange';

/**
 * Announces the board changes that time alone causes (a due time passing, a programme coming within
 * 48 h, starting, ending), at the current position. It keeps each programme's next change instant,
 * arms the injected clock for the earliest one, and re-plans a programme whenever its document
 * changes (`replan`), so exactly one timer is pending at any time.
 */
export class BoardClock {
  private readonly subject = new Subject<BoardChange>();
  readonly changes$: Observable<BoardChange> = this.subject.asObservable();
  private readonly plan = new Map<string, PlannedChange>();
  private armed: { at: number; cancel: () => void } | undefined;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly models: ClockModels,
    private readonly position: () => Position,
  ) {}

  /** Plans every programme and arms the clock. */
  start(): void {
    this.replan(this.models.programmeIds());
  }

  /** These programmes' documents changed: plan them again (announcing first what fell due meanwhile). */
  replan(ids: Iterable<string>): void {
    if (this.stopped) return;
    const now = this.clock.now().getTime();
    const due = this.collectDue(now);
    for (const id of ids) {
      const next = this.models.nextChange(id, now);
      if (next) this.plan.set(id, next);
      else this.plan.delete(id);
    }
    this.emit(due);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.armed?.cancel();
    this.armed = undefined;
    this.subject.complete();
  }

  /** The instant the clock is armed for (for tests and diagnostics). */
  get nextAt(): Date | undefined {
    return this.armed ? new Date(this.armed.at) : undefined;
  }

  private fire(): void {
    this.armed = undefined;
    if (this.stopped) return;
    this.emit(this.collectDue(this.clock.now().getTime()));
    this.arm();
  }

  /** The boards of every planned change at or before `now`; each such programme is planned onward. */
  private collectDue(now: number): Set<BoardName> {
    const boards = new Set<BoardName>();
    for (const [id, planned] of this.plan) {
      if (planned.at > now) continue;
      let next: PlannedChange | undefined = planned;
      // Several instants may have passed at once (a clock that jumps, a late timer).
      while (next && next.at <= now) {
        for (const board of next.boards) boards.add(board);
        next = this.models.nextChange(id, next.at);
      }
      if (next) this.plan.set(id, next);
      else this.plan.delete(id);
    }
    return boards;
  }

  private emit(boards: Set<BoardName>): void {
    if (boards.size === 0) return;
    const position = this.position();
    for (const board of boards) this.subject.next({ board, position, clock: true });
  }

  private arm(): void {
    let earliest: number | undefined;
    for (const planned of this.plan.values()) if (earliest === undefined || planned.at < earliest) earliest = planned.at;
    if (this.armed && this.armed.at === earliest) return;
    this.armed?.cancel();
    this.armed = undefined;
    if (earliest === undefined) return;
    const at = earliest;
    this.armed = { at, cancel: this.clock.at(new Date(at), () => this.fire()) };
  }
}
