import { t, type Lang } from './i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Dates and times the Indian way (en-IN / hi-IN) in the browser's time zone, which is IST for the
 * people who use Tayari; made once per language because Intl formatters are costly to build.
 */
export class Formats {
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly dateTimeYear: Intl.DateTimeFormat;
  private readonly clock: Intl.DateTimeFormat;
  private readonly hourMinute: Intl.DateTimeFormat;

  constructor(readonly lang: Lang) {
    const locale = lang === 'hi' ? 'hi-IN' : 'en-IN';
    const base: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
    this.dateTime = new Intl.DateTimeFormat(locale, base);
    this.dateTimeYear = new Intl.DateTimeFormat(locale, { ...base, year: 'numeric' });
    this.clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
    this.hourMinute = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  }

  /** "Tue, 26 Jun, 11:00 am"; the year only when it is not this year. */
  when(iso: string | undefined, now: Date): string {
    if (!iso) return '';
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    return (at.getFullYear() === now.getFullYear() ? this.dateTime : this.dateTimeYear).format(at);
  }

  /** "Tue, 26 Jun, 11:00 am – 2:00 pm": the end's date only when it falls on another day. */
  range(startsAt: string, endsAt: string | null | undefined, now: Date): string {
    const start = this.when(startsAt, now);
    if (!endsAt) return start;
    const a = new Date(startsAt);
    const b = new Date(endsAt);
    const sameDay = a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
    return `${start} – ${sameDay && !Number.isNaN(b.getTime()) ? this.hourMinute.format(b) : this.when(endsAt, now)}`;
  }

  /** The time of day, to the second: for "showing data as of …". */
  time(at: Date): string {
    return this.clock.format(at);
  }

  /** "starts in 2 d 5 h", or "under way" once it has started. */
  timeLeft(startsAt: string | undefined, now: Date): string {
    if (!startsAt) return '';
    const left = Date.parse(startsAt) - now.getTime();
    if (Number.isNaN(left)) return '';
    if (left <= 0) return t(this.lang, 'underWay');
    return t(this.lang, 'startsIn', { time: this.duration(left) });
  }

  private duration(ms: number): string {
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
