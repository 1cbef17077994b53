import { z } from 'zod';

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when every calendar field is real (no 30 February, no 25:00). */
function isRealInstant(value: string): boolean {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return false;
  const offset = m[8];
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4, 6)) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

/**
 * An instant as ISO 8601 with an offset. Parsed values are normalised to UTC (`…Z`) so that
 * events compare and sort as plain strings; the API promises the same instant, not the same offset.
 */
export const InstantSchema = z
  .string()
  .max(40)
  .refine(isRealInstant, { message: 'must be an ISO 8601 date-time with an offset, e.g. 2018-06-26T11:00:00+05:30' })
  .transform((v) => new Date(v).toISOString());

/** Stored instants (already normalised) are read back with a plain check. */
export const StoredInstantSchema = z.iso.datetime();
