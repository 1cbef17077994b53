import { seededRandom } from '@tayari/shared/testing/seededRandom';
import { type DateShape, intlFormatOf, localeOf } from '../../services/web/page/dateShapes';
import { FixedZoneFormat } from '../../services/web/page/FixedZoneFormat';
import { fixedZone } from '../../services/web/page/fixedZones';
import { Formats } from '../../services/web/page/Formats';
import type { Lang } from '../../services/web/page/i18n';
import { instantOf, localOf, zoneName } from '../../services/web/page/zonedTime';

/**
 * The page formats IST and UTC times itself (the browser's date data costs 100–200 ms to load on a
 * slow phone, issue 14). What it prints must be what Intl prints, to the character: checked here
 * against Node's Intl (full ICU, the same CLDR data as Chromium's) over instants across the years.
 */
const LANGS: Lang[] = ['en', 'hi'];
const SHAPES: DateShape[] = ['dateTime', 'dateTimeYear', 'hourMinute', 'dayMonth', 'day'];
const ZONES = ['Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'Etc/UTC'];

function intl(lang: Lang, shape: DateShape, timeZone: string, labelled: boolean): Intl.DateTimeFormat {
  const { locale, options } = intlFormatOf(lang, shape, labelled);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone });
}

describe('dates in a fixed-offset zone, formatted without Intl', () => {
  const random = seededRandom(20261203);
  // Every hour of the day (midnight and noon among them), every month and weekday, 1970–2099.
  const instants = Array.from({ length: 400 }, () => new Date(Math.floor(random() * 130 * 365.25 * 24 * 60) * 60_000));
  instants.push(new Date('2026-12-07T05:30:00Z'), new Date('2026-12-31T18:29:00Z'), new Date('2026-12-31T18:30:00Z'), new Date('2027-01-01T06:30:00Z'));

  it.each(ZONES)('prints what Intl prints in %s, in English and Hindi, every shape, labelled or not', (timeZone) => {
    const zone = fixedZone(timeZone);
    expect(zone).toBeDefined();
    if (!zone) return;
    for (const lang of LANGS)
      for (const shape of SHAPES)
        for (const labelled of [false, true]) {
          const ours = new FixedZoneFormat(lang, shape, zone, labelled, () => intl(lang, shape, timeZone, labelled));
          const theirs = intl(lang, shape, timeZone, labelled);
          for (const at of instants) {
            // The case in the string, so that a miss says which.
            const which = `${lang} ${shape} ${labelled} ${at.toISOString()}`;
            expect(`${which}: ${ours.format(at)}`).toBe(`${which}: ${theirs.format(at)}`);
          }
        }
  });

  it('hands instants from before the zone was fixed to Intl (India was +6:30 in the war years, and not yet named IST)', () => {
    const zone = fixedZone('Asia/Kolkata');
    if (!zone) throw new Error('IST is a fixed zone');
    const ours = new FixedZoneFormat('en', 'hourMinute', zone, false, () => intl('en', 'hourMinute', 'Asia/Kolkata', false));
    expect(ours.format(new Date('1943-06-01T00:00:00Z'))).toBe('6:30 am');
    expect(ours.format(new Date('1946-06-01T00:00:00Z'))).toBe('5:30 am');
    const labelled = new FixedZoneFormat('en', 'hourMinute', zone, true, () => intl('en', 'hourMinute', 'Asia/Kolkata', true));
    expect(labelled.format(new Date('1969-12-31T23:59:00Z'))).toBe('5:29 am GMT+5:30');
    expect(labelled.format(new Date('1970-01-01T00:00:00Z'))).toBe('5:30 am IST');
    expect(() => ours.format(new Date(Number.NaN))).toThrow(RangeError);
    // Formats hands them on too, and the last days a Date can hold (its wall clock would overflow).
    const now = new Date('2026-12-03T10:00:00Z');
    for (const iso of ['1943-06-01T00:00:00Z', '+275760-09-12T20:00:00Z'])
      expect(new Formats('en').when(iso, now, 'Asia/Kolkata')).toBe(intl('en', 'dateTimeYear', 'Asia/Kolkata', true).format(new Date(iso)));
    const yearOne = new Date(0).setUTCFullYear(1, 0, 1);
    for (const ms of [yearOne, yearOne - 86_400_000])
      expect(new Formats('hi').when(new Date(ms).toISOString(), now, 'UTC')).toBe(intl('hi', 'dateTimeYear', 'UTC', true).format(new Date(ms)));
  });

  it('prints the browser’s clock to the second as Intl does (for "data as of …"), without Intl', () => {
    // Every hour of a local day, besides the random instants: the clock reads the local getters, as Intl reads the local zone.
    const day = Array.from({ length: 24 }, (_, hour) => new Date(2026, 11, 3, hour, 5, 9));
    for (const lang of LANGS) {
      const theirs = new Intl.DateTimeFormat(localeOf(lang), { hour: 'numeric', minute: '2-digit', second: '2-digit' });
      const fmt = new Formats(lang);
      for (const at of [...day, ...instants]) expect(`${lang} ${at.toISOString()}: ${fmt.time(at)}`).toBe(`${lang} ${at.toISOString()}: ${theirs.format(at)}`);
    }
  });

  it('knows only the zones in its table: others (summer time in London, Kathmandu) go to Intl', () => {
    expect(fixedZone('Europe/London')).toBeUndefined();
    expect(fixedZone('Asia/Kathmandu')).toBeUndefined();
    expect(fixedZone(undefined)).toBeUndefined();
  });

  it('formats an IST programme’s times without making any Intl formatter, and other zones with Intl', () => {
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      const now = new Date('2026-12-03T10:00:00Z');
      const fmt = new Formats('hi');
      expect(fmt.range('2026-12-07T05:30:00Z', '2026-12-09T09:30:00Z', now, 'Asia/Kolkata')).toBe('सोम, 7 दिस॰, 11:00 am – बुध, 9 दिस॰, 3:00 pm IST');
      expect(fmt.when('2027-01-04T05:30:00Z', now, 'Asia/Kolkata')).toBe('सोम, 4 जन॰ 2027, 11:00 am IST');
      expect(localOf('2026-12-07T05:30:00Z', 'Asia/Kolkata')).toBe('2026-12-07T11:00');
      expect(instantOf('2026-12-07T11:00', 'Asia/Kolkata')).toBe('2026-12-07T05:30:00.000Z');
      expect(zoneName('Asia/Kolkata', 'hi')).toBe('IST');
      expect(made).not.toHaveBeenCalled();
      expect(fmt.when('2026-12-07T05:30:00Z', now, 'Asia/Kathmandu')).toBe('सोम, 7 दिस॰, 11:15 am GMT+5:45');
      expect(made).toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});
