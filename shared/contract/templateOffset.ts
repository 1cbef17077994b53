const OFFSET = /^-P(?:(\d{1,3})D)?(?:T(?:(\d{1,4})H)?(?:(\d{1,5})M)?)?$/;
const MINUTE_MS = 60_000;

/**
 * An ISO 8601 duration before a start, as templates write it: `-P3D`, `-PT6H`, `-P1DT2H30M` (days,
 * hours, minutes; at most a year). In milliseconds, negative; undefined when it is not one.
 * Node-free: the server checks offsets with it, and the page previews due times with it.
 */
export function offsetMs(offset: string): number | undefined {
  const m = OFFSET.exec(offset);
  if (!m || offset === '-P' || offset.endsWith('T')) return undefined;
  const [days = 0, hours = 0, minutes = 0] = [m[1], m[2], m[3]].map((part) => Number(part ?? 0));
  const total = ((days * 24 + hours) * 60 + minutes) * MINUTE_MS;
  return total > 366 * 24 * 60 * MINUTE_MS ? undefined : -total;
}

/** The due time of an item: the start moved back by the offset. */
export function dueFrom(startsAt: string, offset: string): string {
  return new Date(Date.parse(startsAt) + (offsetMs(offset) ?? 0)).toISOString();
}
