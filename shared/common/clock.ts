/** Time is injected everywhere: production uses the system clock, tests a manual one. */
export interface Clock {
  now(): Date;
  /** Runs `fn` once the clock reaches `at`; returns a cancel function. */
  at(at: Date, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  at(at, fn) {
    // setTimeout overflows past ~24.8 days; re-arm in steps so far-away instants still fire.
    const MAX = 2 ** 31 - 1;
    let timer: NodeJS.Timeout;
    const arm = () => {
      const wait = at.getTime() - Date.now();
      timer = setTimeout(wait > MAX ? arm : fn, Math.max(0, Math.min(wait, MAX)));
      timer.unref();
    };
    arm();
    return () => clearTimeout(timer);
  },
};

/** A clock that moves only when told to; pending `at` callbacks fire as it passes them. */
export class ManualClock implements Clock {
  private current: number;
  private pending: { at: number; fn: () => void }[] = [];

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  at(at: Date, fn: () => void): () => void {
    const entry = { at: at.getTime(), fn };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }

  advance(ms: number): void {
    this.set(new Date(this.current + ms));
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
    const due = this.pending.filter((p) => p.at <= this.current).sort((a, b) => a.at - b.at);
    this.pending = this.pending.filter((p) => p.at > this.current);
    for (const p of due) p.fn();
  }
}
