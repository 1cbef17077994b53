import { median } from './median';

/** RSS read a few times a short while apart, the median: one reading can land mid-GC. */
export async function settledRssKb(read: () => number, samples = 5, everyMs = 200): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, everyMs));
    values.push(read());
  }
  return median(values);
}
