import type { DateFormatter, DateShape } from './dateShapes';
import { type FixedZone, holdsAt } from './fixedZones';
import type { Lang } from './i18n';

/** Short month and weekday names as Intl's en-IN and hi-IN print them (CLDR; the tests compare). */
export const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  hi: ['जन॰', 'फ़र॰', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुल॰', 'अग॰', 'सित॰', 'अक्टू॰', 'नव॰', 'दिस॰'],
};
export const WEEKDAYS: Record<Lang, readonly string[]> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  hi: ['रवि', 'सोम', 'मंगल', 'बुध', 'गुरु', 'शुक्र', 'शनि'],
};

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** "9:05 am", "12:30 pm", "9:05:02 pm" with seconds: the clock as en-IN and hi-IN both print it. */
export function twelveHourTime(hours: number, minutes: number, seconds?: number): string {
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${twoDigits(minutes)}${seconds === undefined ? '' : `:${twoDigits(seconds)}`}`;
  return `${clock} ${hours < 12 ? 'am' : 'pm'}`;
}

/**
 * Formats instants in a fixed-offset zone (fixedZones.ts) exactly as `Intl.DateTimeFormat` does with
 * intlFormatOf's locale and options (dateShapes.ts), without loading the browser's date data. Instants from
 * before the zone's offset was fixed go to `older` (Intl).
 */
export class FixedZoneFormat implements DateFormatter {
  private olderFormat: DateFormatter | undefined;

  constructor(
    private readonly lang: Lang,
    private readonly shape: DateShape,
    private readonly zone: FixedZone,
    private readonly labelled: boolean,
    private readonly older: () => DateFormatter,
  ) {}

  format(at: Date): string {
    const ms = at.getTime();
    // As Intl does: an invalid date is a caller's mistake, not a string to show.
    if (Number.isNaN(ms)) throw new RangeError('Invalid time value');
    if (!holdsAt(this.zone, ms)) {
      this.olderFormat ??= this.older();
      return this.olderFormat.format(at);
    }
    // The zone's wall clock, read through the UTC getters.
    const wall = new Date(ms + this.zone.offsetMinutes * 60_000);
    const year = wall.getUTCFullYear();
    const month = wall.getUTCMonth();
    const day = wall.getUTCDate();
    if (this.shape === 'day') return `${year}-${twoDigits(month + 1)}-${twoDigits(day)}`;
    if (this.shape === 'dayMonth') return `${day} ${MONTHS[this.lang][month]}`;
    const time = `${twelveHourTime(wall.getUTCHours(), wall.getUTCMinutes())}${this.labelled ? ` ${this.zone.label}` : ''}`;
    if (this.shape === 'hourMinute') return time;
    const date = `${WEEKDAYS[this.lang][wall.getUTCDay()]}, ${day} ${MONTHS[this.lang][month]}`;
    if (this.shape === 'dateTime') return `${date}, ${time}`;
    // CLDR: English puts a comma before the year, Hindi a space.
    return `${date}${this.lang === 'hi' ? ' ' : ', '}${year}, ${time}`;
  }
}
