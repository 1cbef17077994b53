import { nth } from '@tayari/shared/testing/nth';

/** The middle value (the upper one of an even count); throws on no values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return nth(sorted, Math.floor(sorted.length / 2));
}
