import { AttemptLimiter } from './AttemptLimiter';

describe('AttemptLimiter', () => {
  let now = 0;
  const limiter = () => new AttemptLimiter(3, 60_000, () => now, 4);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows `limit` attempts per key in a window, then refuses until the window ends', () => {
    const l = limiter();
    expect([l.attempt('a'), l.attempt('a'), l.attempt('a'), l.attempt('a')]).toEqual([true, true, true, false]);
    expect(l.attempt('b')).toBe(true);
    expect(l.retryAfter('a')).toBe(60);
    now += 59_000;
    expect(l.attempt('a')).toBe(false);
    expect(l.retryAfter('a')).toBe(1);
    now += 1_000;
    expect(l.attempt('a')).toBe(true);
  });

  it('keeps at most maxKeys keys: expired ones make room, and when none has expired a new key is refused', () => {
    const l = limiter();
    for (const key of ['k1', 'k2', 'k3', 'k4']) expect(l.attempt(key)).toBe(true);
    expect(l.attempt('k5')).toBe(false);
    now += 60_000;
    expect(l.attempt('k5')).toBe(true);
    expect(l.retryAfter('never-seen')).toBe(0);
  });
});
