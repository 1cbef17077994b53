import { z } from 'zod';

const OFFSET = /^-P(?:(\d{1,3})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,5})M)?)?$/;
const MINUTE_MS = 60_000;

/**
 * An ISO 8601 duration before a start, as templates write it: `-P3D`, `-PT6H`, `-P1DT2H30M` (days,
 * hours, minutes; at most a year). In milliseconds, negative; undefined when it is not one.
 */
export function offsetMs(offset: string): number | undefined {
  const m = OFFSET.exec(offset);
  if (!m || offset === '-P' || offset.endsWith('T')) return undefined;
  const [days, hours, minutes] = [m[1], m[2], m[3]].map((part) => Number(part ?? 0)) as [number, number, number];
  const total = ((days * 24 + hours) * 60 + minutes) * MINUTE_MS;
  return total > 366 * 24 * 60 * MINUTE_MS ? undefined : -total;
}

export const OffsetSchema = z
  .string()
  .max(24)
  .refine((offset) => offsetMs(offset) !== undefined, 'must be a duration before the start, e.g. -P3D, -PT6H or -P1DT2H30M (at most a year)');

/** The due time of an item: the start moved back by the offset. */
export function dueFrom(startsAt: string, offset: string): string {
  return new Date(Date.parse(startsAt) + (offsetMs(offset) ?? 0)).toISOString();
}
