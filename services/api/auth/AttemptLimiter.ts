/**
 * At most `limit` attempts per key in each window of `windowMs` (fixed windows, counted from a key's
 * first attempt): sign-in codes and refresh tokens are guessed by brute force if nothing slows it.
 * The clock is injected so that tests are exact; stale keys are dropped as they are met.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    /** Keys kept at most (an attacker cycling IPs must not grow this without bound). */
    private readonly maxKeys = 50_000,
  ) {}

  /** Counts an attempt; false when the key is over its limit (the attempt is not to be made). */
  attempt(key: string): boolean {
    const now = this.now();
    const window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      if (this.windows.size >= this.maxKeys) this.dropExpired(now);
      if (this.windows.size >= this.maxKeys) return false;
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit;
  }

  /** Seconds until the key may try again. */
  retryAfter(key: string): number {
    const window = this.windows.get(key);
    return window === undefined ? 0 : Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  private dropExpired(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
