/**
 * Zones whose offset from UTC has not changed since `since`: their wall-clock time is a sum, and the
 * page formats it without the browser's date library. That library's first use costs 100–200 ms on
 * a slow phone (Chromium at 4× CPU loads its locale and zone data), which used to sit in front of a
 * programme's first draw; nearly every Tayari time is in IST (issue 14).
 * `label` is the zone's short name as en-IN and hi-IN print it (checked against Intl by the tests).
 */
export interface FixedZone {
  offsetMinutes: number;
  label: string;
  /** Before this instant (ms since the epoch) the zone had another offset or label: Intl formats those. */
  since: number;
}

// +5:30 since October 1945; CLDR names it IST from 1970 (GMT+5:30 before).
const INDIA: FixedZone = { offsetMinutes: 330, label: 'IST', since: 0 };
// Before year 1, Intl counts years by era ("2" for 2 BC): those go to it.
const UTC: FixedZone = { offsetMinutes: 0, label: 'UTC', since: new Date(0).setUTCFullYear(1, 0, 1) };
/** The last instant a JavaScript Date holds (ECMA-262: 8.64e15 ms). */
const LAST_TIME = 8.64e15;

const ZONES: ReadonlyMap<string, FixedZone> = new Map([
  ['Asia/Kolkata', INDIA],
  ['Asia/Calcutta', INDIA],
  ['UTC', UTC],
  ['Etc/UTC', UTC],
]);

/** The zone's fixed offset and label, when `timeZone` is one of them (whether they hold at an instant: holdsAt). */
export function fixedZone(timeZone: string | undefined): FixedZone | undefined {
  return timeZone === undefined ? undefined : ZONES.get(timeZone);
}

/** Whether the zone's offset and label hold at `ms`, and its wall clock then is a date JavaScript can hold. */
export function holdsAt(zone: FixedZone, ms: number): boolean {
  return ms >= zone.since && ms + zone.offsetMinutes * 60_000 <= LAST_TIME;
}

/** `timeZone` as a fixed zone at `ms`, when it is one then. */
export function fixedZoneAt(timeZone: string | undefined, ms: number): FixedZone | undefined {
  const zone = fixedZone(timeZone);
  return zone && holdsAt(zone, ms) ? zone : undefined;
}
