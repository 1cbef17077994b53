import { TokenBucket } from './TokenBucket';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate, up to the capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(20, 40, () => now);
    expect(Array.from({ length: 41 }, () => bucket.take()).filter(Boolean)).toHaveLength(40);
    now += 50; // one token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 60_000;
    expect(Array.from({ length: 50 }, () => bucket.take()).filter(Boolean)).toHaveLength(40);
  });

  it('is not drained by a clock that steps back', () => {
    let now = 1000;
    const bucket = new TokenBucket(1, 2, () => now);
    now = 0;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
