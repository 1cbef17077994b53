/** A seeded pseudo-random source (mulberry32), so that every run generates the same events. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `items` (which hold no undefined). */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  /** `count` distinct items (fewer when there are not that many). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const [a, b] = [copy[i], copy[j]];
      // Both indices are in range (j ≤ i < length); the check only tells the compiler.
      if (a === undefined || b === undefined) throw new RangeError(`index ${i} or ${j} out of ${copy.length}`);
      copy[i] = b;
      copy[j] = a;
    }
    return copy.slice(0, count);
  }
}
