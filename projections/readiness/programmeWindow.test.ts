import type { ProgrammeDoc, StopView } from '../models/programme/ProgrammeDoc';
import { phaseOf, programmeWindow } from './programmeWindow';

const stop = (id: string, startsAt: string, endsAt: string, cancelled = false): StopView => ({
  id,
  place: 'p',
  district: 'd',
  venue: 'v',
  startsAt,
  endsAt,
  cancelled,
});
const common = { status: 'planned' as const, version: 1, position: '1', tasks: {}, responsibilities: {}, wings: [] };
const tour = (stops: StopView[]): ProgrammeDoc => ({ ...common, id: 't', kind: 'tour', title: 't', leader: 'l', stops });
const meeting = (startsAt: string, endsAt?: string): ProgrammeDoc => ({
  ...common,
  id: 'm',
  kind: 'meeting',
  title: 'm',
  venue: 'v',
  startsAt,
  ...(endsAt ? { endsAt } : {}),
  chairs: [],
  agenda: [],
});

describe('programmeWindow and phaseOf', () => {
  it('runs a tour from its earliest live stop start to its latest live stop end', () => {
    const doc = tour([
      stop('b', '2018-06-27T05:00:00.000Z', '2018-06-27T07:00:00.000Z'),
      stop('a', '2018-06-26T05:00:00.000Z', '2018-06-26T07:00:00.000Z'),
      stop('x', '2018-06-20T05:00:00.000Z', '2018-06-30T07:00:00.000Z', true),
    ]);
    expect(programmeWindow(doc)).toEqual({ startsAt: '2018-06-26T05:00:00.000Z', endsAt: '2018-06-27T07:00:00.000Z' });
  });

  it('gives a tour without live stops no window: unscheduled, never ended', () => {
    const doc = tour([stop('x', '2018-06-20T05:00:00.000Z', '2018-06-20T07:00:00.000Z', true)]);
    expect(programmeWindow(doc)).toBeUndefined();
    expect(phaseOf(undefined, new Date('2030-01-01T00:00:00Z'))).toBe('unscheduled');
  });

  it('gives a meeting without an end two hours', () => {
    expect(programmeWindow(meeting('2018-06-26T05:00:00.000Z'))).toEqual({ startsAt: '2018-06-26T05:00:00.000Z', endsAt: '2018-06-26T07:00:00.000Z' });
    expect(programmeWindow(meeting('2018-06-26T05:00:00.000Z', '2018-06-26T06:00:00.000Z'))?.endsAt).toBe('2018-06-26T06:00:00.000Z');
  });

  it.each([
    ['2018-06-26T04:59:59.999Z', 'upcoming'],
    ['2018-06-26T05:00:00.000Z', 'running'],
    ['2018-06-26T06:59:59.999Z', 'running'],
    ['2018-06-26T07:00:00.000Z', 'ended'],
  ])('at %s a 05:00–07:00 programme is %s', (now, phase) => {
    expect(phaseOf({ startsAt: '2018-06-26T05:00:00.000Z', endsAt: '2018-06-26T07:00:00.000Z' }, new Date(now))).toBe(phase);
  });
});
