/**
 * Date-time inputs speak the programme's time zone, not the browser's (a laptop set to UTC must not
 * move an 11:00 IST due time): `datetime-local` values are read and written as wall-clock time in
 * `timeZone`. A zone the browser does not know falls back to the browser's own. IST and UTC are
 * sums (fixedZones.ts), which spares a form the browser's date data.
 */
import { intlIn, localeOf } from './dateShapes';
import { fixedZoneAt } from './fixedZones';
import type { Lang } from './i18n';

const WALL_CLOCK: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** The wall-clock time of `ms` in `timeZone`, as milliseconds of the same fields read as UTC. */
function wallClock(ms: number, timeZone: string | undefined): number {
  const zone = fixedZoneAt(timeZone, ms);
  if (zone) return ms + zone.offsetMinutes * 60_000;
  const parts = Object.fromEntries(
    wallClockFormat(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
}

/** `2026-06-26T11:00` (a datetime-local value) in `timeZone` → an ISO instant (`…Z`); undefined when it is not one. */
export function instantOf(local: string, timeZone: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  // A missing group would read as NaN, which the check below turns into undefined.
  const group = (i: number): number => Number(match[i]);
  const asUtc = Date.UTC(group(1), group(2) - 1, group(3), group(4), group(5));
  // The zone's offset at that moment, checked once more at the result (a DST change in between).
  let guess = asUtc - (wallClock(asUtc, timeZone) - asUtc);
  guess = asUtc - (wallClock(guess, timeZone) - guess);
  return Number.isNaN(guess) ? undefined : new Date(guess).toISOString();
}

/** An ISO instant → the datetime-local value showing it in `timeZone`. */
export function localOf(iso: string | undefined, timeZone: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 16);
}

/** Formatters are costly to make (every card's due label asks): one per locale and zone. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `wall|${timeZone ?? ''}`;
  let format = zoneFormats.get(key);
  if (!format) zoneFormats.set(key, (format = intlIn('en-CA', WALL_CLOCK, timeZone)));
  return format;
}

/** The zone's short name as people read it ("IST"), for labels. */
export function zoneName(timeZone: string | undefined, lang: Lang, at = new Date()): string {
  const zone = fixedZoneAt(timeZone, at.getTime());
  if (zone) return zone.label;
  const locale = localeOf(lang);
  const key = `${locale}|${timeZone ?? ''}`;
  let format = zoneFormats.get(key);
  // A zone this browser does not know: its own zone's name, as its times are then read in it.
  if (!format) zoneFormats.set(key, (format = intlIn(locale, { timeZoneName: 'short' }, timeZone)));
  return format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone ?? '';
}
