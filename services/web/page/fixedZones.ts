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
const UTC: FixedZone = { offsetMinutes: 0, label: 'UTC', since: Number.NEGATIVE_INFINITY };

const ZONES: ReadonlyMap<string, FixedZone> = new Map([
  ['Asia/Kolkata', INDIA],
  ['Asia/Calcutta', INDIA],
  ['UTC', UTC],
  ['Etc/UTC', UTC],
]);

/** The zone's fixed offset and label, when `timeZone` is one of them (callers check `since`). */
export function fixedZone(timeZone: string | undefined): FixedZone | undefined {
  return timeZone === undefined ? undefined : ZONES.get(timeZone);
}
