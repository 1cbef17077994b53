import { type DateFormatter, type DateShape, intlFormatOf, intlIn } from './dateShapes';
import { FixedZoneFormat, twelveHourTime } from './FixedZoneFormat';
import { fixedZone } from './fixedZones';
import { t, type Lang } from './i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Dates and times the Indian way (en-IN / hi-IN). Programme times are shown in the programme's or
 * stop's own time zone (SPEC v2 `timeZone`), labelled with its short name ("11:00 am IST"), so a
 * phone set to another zone cannot mislead; without a zone, in the browser's, labelled too.
 * IST and UTC are formatted by the page itself (FixedZoneFormat: the browser's date data costs
 * 100–200 ms to load on a slow phone); other zones by Intl, whose formatters are costly to build:
 * made once per language, zone and shape.
 */
export class Formats {
  private readonly formats = new Map<string, DateFormatter>();

  constructor(readonly lang: Lang) {}

  /** A formatter in `timeZone`; a zone this browser does not know falls back to the browser's own. */
  private format(shape: DateShape, timeZone: string | undefined, labelled = false): DateFormatter {
    const key = `${shape}|${timeZone ?? ''}|${labelled}`;
    let made = this.formats.get(key);
    if (!made) {
      const zone = fixedZone(timeZone);
      made = zone ? new FixedZoneFormat(this.lang, shape, zone, labelled, () => this.intl(shape, timeZone, labelled)) : this.intl(shape, timeZone, labelled);
      this.formats.set(key, made);
    }
    return made;
  }

  private intl(shape: DateShape, timeZone: string | undefined, labelled: boolean): Intl.DateTimeFormat {
    const { locale, options } = intlFormatOf(this.lang, shape, labelled);
    return intlIn(locale, options, timeZone);
  }

  private dayOf(at: Date, timeZone: string | undefined): string {
    return this.format('day', timeZone).format(at);
  }

  /** "Tue, 26 Jun, 11:00 am IST"; the year only when it is not this year (in that zone). */
  when(iso: string | undefined, now: Date, timeZone?: string, labelled = true): string {
    if (!iso) return '';
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    const thisYear = this.dayOf(at, timeZone).slice(0, 4) === this.dayOf(now, timeZone).slice(0, 4);
    return this.format(thisYear ? 'dateTime' : 'dateTimeYear', timeZone, labelled).format(at);
  }

  /** "Tue, 26 Jun, 11:00 am – 2:00 pm IST": the end's date only when it falls on another day; the zone once, at the end. */
  range(startsAt: string, endsAt: string | undefined, now: Date, timeZone?: string): string {
    if (!endsAt) return this.when(startsAt, now, timeZone);
    const a = new Date(startsAt);
    const b = new Date(endsAt);
    if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return this.when(startsAt, now, timeZone);
    const end = this.dayOf(a, timeZone) === this.dayOf(b, timeZone) ? this.format('hourMinute', timeZone, true).format(b) : this.when(endsAt, now, timeZone);
    return `${this.when(startsAt, now, timeZone, false)} – ${end}`;
  }

  /** "12 Dec": a calendar day (YYYY-MM-DD, as boards count days); what is not one, as it is. */
  dayMonth(date: string): string {
    const at = new Date(`${date}T00:00:00Z`);
    return Number.isNaN(at.getTime()) ? date : this.format('dayMonth', 'UTC').format(at);
  }

  /** The time of day in the browser's zone, to the second: for "showing data as of …" (its own clock: no Intl, see FixedZoneFormat). */
  time(at: Date): string {
    return twelveHourTime(at.getHours(), at.getMinutes(), at.getSeconds());
  }

  /** "starts in 2 d 5 h", "under way" once it has started, "ended" once past its end (issue 14: not "under way" forever). */
  timeLeft(startsAt: string | undefined, now: Date, endsAt?: string): string {
    if (!startsAt) return '';
    const left = Date.parse(startsAt) - now.getTime();
    if (Number.isNaN(left)) return '';
    if (endsAt !== undefined && Date.parse(endsAt) <= now.getTime()) return t(this.lang, 'ended');
    if (left <= 0) return t(this.lang, 'underWay');
    return t(this.lang, 'startsIn', { time: this.duration(left) });
  }

  /** A span of time, coarse as people say it: "2 d 5 h", "3 h 10 min", "less than a minute". */
  duration(ms: number): string {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    const parts: string[] = [];
    if (days > 0) parts.push(t(this.lang, 'days', { n: days }));
    if (hours > 0 && days < 7) parts.push(t(this.lang, 'hours', { n: hours }));
    if (days === 0 && minutes > 0 && hours < 6) parts.push(t(this.lang, 'minutes', { n: minutes }));
    return parts.length > 0 ? parts.join(' ') : t(this.lang, 'lessThanMinute');
  }
}
