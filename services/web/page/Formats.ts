import { t, type Lang } from './i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Shape = 'dateTime' | 'dateTimeYear' | 'hourMinute';

const SHAPES: Record<Shape, Intl.DateTimeFormatOptions> = {
  dateTime: { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
  dateTimeYear: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  hourMinute: { hour: 'numeric', minute: '2-digit' },
};

/**
 * Dates and times the Indian way (en-IN / hi-IN). Programme times are shown in the programme's or
 * stop's own time zone (SPEC v2 `timeZone`), labelled with its short name ("11:00 am IST"), so a
 * phone set to another zone cannot mislead; without a zone, in the browser's, labelled too.
 * Intl formatters are costly to build: made once per language, zone and shape.
 */
export class Formats {
  private readonly locale: string;
  /** Made on first use: the first DateTimeFormat of a page loads the locale's data, which must not delay the first board read. */
  private clock: Intl.DateTimeFormat | undefined;
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  constructor(readonly lang: Lang) {
    this.locale = lang === 'hi' ? 'hi-IN' : 'en-IN';
  }

  /** A formatter in `timeZone`; a zone this browser does not know falls back to the browser's own. */
  private format(shape: Shape | 'day', timeZone: string | undefined, labelled = false): Intl.DateTimeFormat {
    const key = `${shape}|${timeZone ?? ''}|${labelled}`;
    let made = this.formats.get(key);
    if (!made) {
      // "day" compares calendar days: a fixed, locale-free "2026-06-26".
      const options: Intl.DateTimeFormatOptions =
        shape === 'day' ? { year: 'numeric', month: '2-digit', day: '2-digit' } : { ...SHAPES[shape], ...(labelled ? { timeZoneName: 'short' } : {}) };
      const locale = shape === 'day' ? 'en-CA' : this.locale;
      try {
        made = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      } catch {
        made = new Intl.DateTimeFormat(locale, options);
      }
      this.formats.set(key, made);
    }
    return made;
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

  /**
   * Formats `now` once as a board's times are formatted, so that the browser loads its date data
   * before it is needed: a page's first date format costs 100–200 ms on a slow phone (Chromium at 4×
   * CPU), and the page calls this while it waits for its first board rather than in the board's first draw.
   */
  warm(now: Date): void {
    this.when(now.toISOString(), now);
  }

  /** The time of day, to the second: for "showing data as of …". */
  time(at: Date): string {
    this.clock ??= new Intl.DateTimeFormat(this.locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
    return this.clock.format(at);
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
