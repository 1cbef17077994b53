import type { Lang } from './i18n';

/**
 * What the page prints dates as: "Mon, 7 Dec, 11:00 am", with the year ("Mon, 7 Dec, 2026, 11:00 am"),
 * a time ("11:00 am"), a day of the month ("7 Dec"), or a locale-free calendar day ("2026-12-07")
 * for comparing days. A zone's label goes with a time only.
 */
export type DateShape = 'dateTime' | 'dateTimeYear' | 'hourMinute' | 'dayMonth' | 'day';

/** What Formats formats with: an `Intl.DateTimeFormat`, or a FixedZoneFormat. */
export interface DateFormatter {
  format(at: Date): string;
}

const OPTIONS: Record<DateShape, Intl.DateTimeFormatOptions> = {
  dateTime: { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
  dateTimeYear: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  hourMinute: { hour: 'numeric', minute: '2-digit' },
  dayMonth: { day: 'numeric', month: 'short' },
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

/** The Intl locale of a language: Indian English or Hindi. */
export function localeOf(lang: Lang): 'en-IN' | 'hi-IN' {
  return lang === 'hi' ? 'hi-IN' : 'en-IN';
}

/** The Intl locale and options a shape stands for (`labelled`: with the zone's short name). */
export function intlFormatOf(lang: Lang, shape: DateShape, labelled: boolean): { locale: string; options: Intl.DateTimeFormatOptions } {
  if (shape === 'day') return { locale: 'en-CA', options: OPTIONS.day };
  const options = OPTIONS[shape];
  return { locale: localeOf(lang), options: { ...options, ...(labelled && options.hour !== undefined ? { timeZoneName: 'short' } : {}) } };
}

/** An Intl formatter in `timeZone`; a zone this browser does not know falls back to the browser's own. */
export function intlIn(locale: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(locale, options);
  }
}
