import type { DriveRow, EnrollerRow } from '../models/drives/DriveRows';
import { driveBoard } from './driveBoard';

const row: DriveRow = {
  id: 'd',
  title: 'Shakti',
  startsAt: '2018-06-01T00:00:00.000Z',
  endsAt: '2018-07-01T00:00:00.000Z',
  closed: false,
  targets: { 'cg-bastar': 10, 'cg-raipur': 4, 'cg-durg': 0 },
  total: 8,
  byUnit: { 'cg-bastar': 5, 'cg-raipur': 2, 'cg-durg': 1 },
  perDay: { '2018-06-02': 3, '2018-06-01': 5 },
  version: 1,
  applied: '1',
};
const enroller = (sub: string, enrolled: number): EnrollerRow => ({ id: `d.${sub}`, driveId: 'd', sub, name: `Name ${sub}`, enrolled, applied: '1' });

test('counts against targets, units ranked by percent (then enrolled, then code), days in order', () => {
  const board = driveBoard(row, [], '9');
  expect(board).toMatchObject({
    position: '9',
    total: 8,
    target: 14,
    percent: 57,
    perDay: [
      { date: '2018-06-01', enrolled: 5 },
      { date: '2018-06-02', enrolled: 3 },
    ],
  });
  expect(board.byUnit).toEqual({
    'cg-bastar': { enrolled: 5, target: 10, percent: 50, rank: 1 },
    'cg-raipur': { enrolled: 2, target: 4, percent: 50, rank: 2 },
    'cg-durg': { enrolled: 1, target: 0, percent: 0, rank: 3 },
  });
  expect(board.drive).toEqual({ id: 'd', title: 'Shakti', startsAt: row.startsAt, endsAt: row.endsAt, closed: false, version: 1 });
});

test('the top 20 enrollers, most first', () => {
  const many = Array.from({ length: 25 }, (_, i) => enroller(`u${String(i).padStart(2, '0')}`, i % 7));
  const top = driveBoard(row, many, '9').byEnroller;
  expect(top).toHaveLength(20);
  expect(top[0]).toEqual({ sub: 'u06', name: 'Name u06', enrolled: 6 });
  expect(top.map((e) => e.enrolled)).toEqual([...top.map((e) => e.enrolled)].sort((a, b) => b - a));
  // The five left out are the five who enrolled least: none above the twentieth.
  const kept = new Set(top.map((e) => e.sub));
  const last = top[19]?.enrolled ?? Number.POSITIVE_INFINITY;
  for (const left of many.filter((e) => !kept.has(e.sub))) expect(left.enrolled).toBeLessThanOrEqual(last);
  expect(
    many
      .filter((e) => !kept.has(e.sub))
      .map((e) => e.enrolled)
      .sort(),
  ).toEqual([0, 0, 0, 0, 1]);
});

test('a drive without targets is 0 percent, not NaN', () => {
  expect(driveBoard({ ...row, targets: {}, byUnit: {}, total: 0, perDay: {} }, [], '1')).toMatchObject({
    total: 0,
    target: 0,
    percent: 0,
    byUnit: {},
    perDay: [],
  });
});
