import { z } from 'zod';
import { ScheduleMeetingBody } from '../meeting/commands';
import { AddStopBody, RescheduleStopBody } from '../tour/commands';
import { InstantSchema, StoredInstantSchema } from './time';
import { endsAfterStart } from './window';

describe('InstantSchema', () => {
  it('accepts an offset and normalises to the same instant in UTC', () => {
    expect(InstantSchema.parse('2018-06-26T11:00:00+05:30')).toBe('2018-06-26T05:30:00.000Z');
  });

  it.each([
    ['Z', '2018-06-26T05:30:00Z', '2018-06-26T05:30:00.000Z'],
    ['a negative offset', '2018-06-25T21:30:00-08:00', '2018-06-26T05:30:00.000Z'],
    ['no seconds', '2018-06-26T11:00+05:30', '2018-06-26T05:30:00.000Z'],
    ['milliseconds', '2018-06-26T11:00:00.250+05:30', '2018-06-26T05:30:00.250Z'],
    ['a day across the offset', '2018-06-27T01:00:00+05:30', '2018-06-26T19:30:00.000Z'],
    ['29 February of a leap year', '2020-02-29T10:00:00+05:30', '2020-02-29T04:30:00.000Z'],
    ['the largest offset', '2018-06-26T19:30:00+14:00', '2018-06-26T05:30:00.000Z'],
  ])('accepts %s', (_what, input, normalised) => {
    expect(InstantSchema.parse(input)).toBe(normalised);
  });

  it.each([
    ['30 February', '2018-02-30T11:00:00+05:30'],
    ['29 February of a common year', '2018-02-29T11:00:00+05:30'],
    ['31 June', '2018-06-31T11:00:00+05:30'],
    ['month 13', '2018-13-01T11:00:00+05:30'],
    ['day 0', '2018-06-00T11:00:00+05:30'],
    ['25:00', '2018-06-26T25:00:00+05:30'],
    ['24:00', '2018-06-26T24:00:00+05:30'],
    ['minute 60', '2018-06-26T11:60:00+05:30'],
    ['second 60', '2018-06-26T11:00:60+05:30'],
    ['no offset', '2018-06-26T11:00:00'],
    ['a date alone', '2018-06-26'],
    ['a space for T', '2018-06-26 11:00:00+05:30'],
    ['an offset without a colon', '2018-06-26T11:00:00+0530'],
    ['an offset past 14 hours', '2018-06-26T11:00:00+15:00'],
    ['an offset minute past 59', '2018-06-26T11:00:00+05:60'],
    ['garbage', 'soon'],
    ['an empty string', ''],
    ['a time with trailing text', '2018-06-26T11:00:00+05:30 IST'],
    ['an over-long string', `2018-06-26T11:00:00.${'0'.repeat(30)}+05:30`],
  ])('refuses %s', (_what, input) => {
    expect(InstantSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ['a number', 1530000000000],
    ['null', null],
    ['a Date', new Date('2018-06-26T05:30:00Z')],
  ])('refuses %s', (_what, input) => {
    expect(InstantSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ['the first instant of year 0000', '0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
    ['29 February 0000 (a leap year, though Date.UTC reads it as 1900)', '0000-02-29T12:00:00Z', '0000-02-29T12:00:00.000Z'],
    ['the last millisecond of 9999', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['year 9999 written ahead of UTC', '9999-12-31T23:59:59+05:30', '9999-12-31T18:29:59.000Z'],
    ['year 0000 written behind UTC', '0000-01-01T10:00:00-05:00', '0000-01-01T15:00:00.000Z'],
  ])('accepts %s', (_what, input, normalised) => {
    expect(InstantSchema.parse(input)).toBe(normalised);
    expect(StoredInstantSchema.safeParse(normalised).success).toBe(true);
  });

  it.each([
    ['year 10000 in UTC', '9999-12-31T23:59:59-05:00'],
    ['year -1 in UTC', '0000-01-01T00:00:00+01:00'],
    ['one minute past 9999 in UTC', '9999-12-31T23:59:00-00:01'],
  ])('refuses an instant in %s, saying why', (_what, input) => {
    expect(InstantSchema.safeParse(input).error?.issues).toEqual([
      expect.objectContaining({ path: [], message: 'must fall in the years 0000–9999 once converted to UTC' }),
    ]);
  });

  it('gives what it normalised to a StoredInstantSchema check', () => {
    expect(StoredInstantSchema.safeParse(InstantSchema.parse('2018-06-26T11:00:00+05:30')).success).toBe(true);
  });
});

describe('endsAfterStart', () => {
  const Window = endsAfterStart(z.strictObject({ startsAt: InstantSchema, endsAt: InstantSchema.optional() }));
  const issuesOf = (value: unknown) => Window.safeParse(value).error?.issues ?? [];

  it('accepts a window that ends after it starts', () => {
    expect(Window.parse({ startsAt: '2018-06-26T11:00:00+05:30', endsAt: '2018-06-26T13:00:00+05:30' })).toEqual({
      startsAt: '2018-06-26T05:30:00.000Z',
      endsAt: '2018-06-26T07:30:00.000Z',
    });
  });

  it('accepts a window with no end', () => {
    expect(Window.safeParse({ startsAt: '2018-06-26T11:00:00+05:30' }).success).toBe(true);
  });

  it('compares instants, not the text as written', () => {
    // 06:00 UTC is half an hour after 11:00 in India, though "06" < "11".
    expect(Window.safeParse({ startsAt: '2018-06-26T11:00:00+05:30', endsAt: '2018-06-26T06:00:00Z' }).success).toBe(true);
  });

  it.each([
    ['ends before it starts', '2018-06-26T13:00:00+05:30', '2018-06-26T11:00:00+05:30'],
    ['ends when it starts', '2018-06-26T11:00:00+05:30', '2018-06-26T11:00:00+05:30'],
    ['ends at the same instant written with another offset', '2018-06-26T11:00:00+05:30', '2018-06-26T05:30:00Z'],
    ['ends before it starts though the text sorts after', '2018-06-26T05:00:00Z', '2018-06-26T10:00:00+05:30'],
  ])('refuses a window that %s, at endsAt', (_what, startsAt, endsAt) => {
    expect(issuesOf({ startsAt, endsAt })).toEqual([expect.objectContaining({ path: ['endsAt'], params: { rule: 'window-ends-before-start' } })]);
  });

  it('reports only the bad start when the start is not a time', () => {
    expect(issuesOf({ startsAt: '2018-06-26T11:00:00', endsAt: '2018-06-26T05:30:00Z' }).map((i) => i.path)).toEqual([['startsAt']]);
  });

  it('reports only the bad end when the end is not a time', () => {
    expect(issuesOf({ startsAt: '2018-06-26T11:00:00+05:30', endsAt: 'garbage' }).map((i) => i.path)).toEqual([['endsAt']]);
  });

  it('still reports a reversed window beside a mistake in another field', () => {
    const result = AddStopBody.safeParse({
      place: '   ',
      district: 'Bastar',
      venue: 'Lalbagh ground',
      startsAt: '2018-06-26T11:00:00+05:30',
      endsAt: '2018-06-26T10:00:00+05:30',
    });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['place'], ['endsAt']]);
  });

  it.each([
    ['null', null],
    ['a string', '2018-06-26T11:00:00+05:30'],
    ['an array', []],
  ])('refuses %s without looking for a window', (_what, input) => {
    expect(issuesOf(input).map((i) => i.code)).toEqual(['invalid_type']);
  });

  it.each([
    ['AddStopBody', AddStopBody, { place: 'जगदलपुर', district: 'Bastar', venue: 'Lalbagh ground' }],
    ['RescheduleStopBody', RescheduleStopBody, {}],
    ['ScheduleMeetingBody', ScheduleMeetingBody, { title: 'समीक्षा', venue: 'Rajiv Bhawan', chairs: ['P. L. Punia'] }],
  ])('guards %s', (_name, schema: z.ZodType, rest) => {
    const result = schema.safeParse({ ...rest, startsAt: '2018-06-26T11:00:00+05:30', endsAt: '2018-06-26T10:00:00+05:30' });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['endsAt']]);
  });
});
