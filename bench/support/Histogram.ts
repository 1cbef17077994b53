/**
 * Latencies in 0.1 ms buckets up to 60 s: millions of samples in constant memory, and percentiles
 * exact to the bucket.
 */
export class Histogram {
  private static readonly STEP = 0.1;
  private readonly buckets = new Float64Array(600_000 + 1);
  count = 0;
  /** Samples below zero (clocks of two processes disagree by a hair); counted as zero. */
  negative = 0;

  add(ms: number, times = 1): void {
    if (ms < 0) {
      this.negative += times;
      ms = 0;
    }
    const index = Math.min(this.buckets.length - 1, Math.floor(ms / Histogram.STEP));
    // The index is clamped into the buckets; an untouched bucket holds 0.
    this.buckets[index] = (this.buckets[index] ?? 0) + times;
    this.count += times;
  }

  /** The value below which `p` percent of the samples lie (NaN without samples). */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (const [i, count] of this.buckets.entries()) {
      seen += count;
      if (seen >= rank) return (i + 1) * Histogram.STEP;
    }
    return Number.POSITIVE_INFINITY;
  }
}
