import { z } from 'zod';

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

const FORMAT = 'must be an ISO 8601 date-time with an offset, e.g. 2018-06-26T11:00:00+05:30';
const RANGE = 'must fall in the years 0000–9999 once converted to UTC';

/** Stored instants are `YYYY-…Z`: an instant whose UTC year needs more or fewer digits cannot be kept. */
const EARLIEST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** True when the instant (in milliseconds) has a four-digit UTC year, as every stored instant does. */
export const isStorableInstant = (ms: number): boolean => ms >= EARLIEST_MS && ms <= LATEST_MS;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
// Date.UTC maps years 0–99 to 1900–1999, so the month length is counted here instead.
const daysInMonth = (year: number, month: number) => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** Why the text is not a usable instant, or undefined when it is one. */
function instantProblem(value: string): string | undefined {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return FORMAT;
  // Seconds are optional in the pattern (absent: 0); the other groups always match.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((v) => Number(v ?? 0));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return FORMAT;
  if (day < 1 || day > daysInMonth(year, month)) return FORMAT;
  const offset = m[8];
  if (offset === undefined) return FORMAT; // the pattern requires one
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4, 6)) > 59)) return FORMAT;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return FORMAT;
  return isStorableInstant(ms) ? undefined : RANGE;
}

/**
 * An instant as ISO 8601 with an offset. Parsed values are normalised to UTC (`…Z`) so that
 * events compare and sort as plain strings; the API promises the same instant, not the same offset.
 */
export const InstantSchema = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const message = instantProblem(value);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  })
  .transform((v) => new Date(v).toISOString());

/** `instant` moved by `ms` (either way), as a stored instant; undefined when that leaves 0000–9999. */
export function shiftInstant(instant: string, ms: number): string | undefined {
  const moved = Date.parse(instant) + ms;
  return isStorableInstant(moved) ? new Date(moved).toISOString() : undefined;
}

/** Stored instants (already normalised) are read back with a plain check. */
export const StoredInstantSchema = z.iso.datetime();
