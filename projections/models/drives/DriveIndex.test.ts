import { ModelCache } from '../../runner/ModelCache';
import { RowTables } from '../../registry/RowTables';
import { DriveIndex } from './DriveIndex';
import { driveEnrollersModel, enrolmentsModel } from './driveModels';
import type { EnrolmentRow } from './DriveRows';

const row = (driveId: string, n: number, order: number, unit = 'cg-bastar'): EnrolmentRow => ({
  id: `${driveId}.e${n}`,
  driveId,
  enrolmentId: `e${n}`,
  unit,
  enrolledAt: '2018-06-01T00:00:00.000Z',
  order: String(order).padStart(8, '0'),
  enrolledBy: { sub: 's', name: 'S' },
  version: 1,
});

function cacheWith(rows: EnrolmentRow[]): ModelCache {
  const cache = ModelCache.empty();
  const tables = new RowTables();
  for (const r of rows) tables.set(enrolmentsModel, r);
  cache.merge(tables);
  return cache;
}

test("a drive's enrolments in order, whatever order the rows were held in; other drives' never", () => {
  // As loaded from a store: by id, not by position.
  const cache = cacheWith([row('a', 1, 30), row('b', 2, 10), row('a', 3, 20), row('a', 4, 10)]);
  const index = new DriveIndex();
  expect(index.enrolmentsOf(cache, 'a').rows.map((r) => r.enrolmentId)).toEqual(['e4', 'e3', 'e1']);
  // Rows added since (live) are caught up from the ids the cache added; a changed row is read as it is now.
  const more = new RowTables();
  more.set(enrolmentsModel, row('a', 5, 40));
  more.set(enrolmentsModel, { ...row('a', 3, 20), forgotten: true });
  cache.merge(more);
  expect(index.enrolmentsOf(cache, 'a').rows.map((r) => [r.enrolmentId, r.forgotten ?? false])).toEqual([
    ['e4', false],
    ['e3', true],
    ['e1', false],
    ['e5', false],
  ]);
  expect(index.enrolmentsOf(cache, 'b').rows.map((r) => r.enrolmentId)).toEqual(['e2']);
  expect(index.enrolmentsOf(cache, 'none').rows).toEqual([]);
});

test('pages: `limit` rows that `keep` keeps, and `next` while more follow', () => {
  const cache = cacheWith(Array.from({ length: 10 }, (_, n) => row('a', n, n + 1, n % 2 === 0 ? 'cg-bastar' : 'cg-raipur')));
  const index = new DriveIndex();
  const keep = (r: EnrolmentRow) => r.unit === 'cg-bastar';
  const first = index.enrolmentsOf(cache, 'a', { limit: 2, keep });
  expect(first.rows.map((r) => r.enrolmentId)).toEqual(['e0', 'e2']);
  const second = index.enrolmentsOf(cache, 'a', { limit: 2, keep, after: first.next });
  expect(second.rows.map((r) => r.enrolmentId)).toEqual(['e4', 'e6']);
  const last = index.enrolmentsOf(cache, 'a', { limit: 2, keep, after: second.next });
  expect(last).toEqual({ rows: [expect.objectContaining({ enrolmentId: 'e8' })] });
});

test('a new cache (a reload) is indexed from scratch', () => {
  const index = new DriveIndex();
  expect(index.enrolmentsOf(cacheWith([row('a', 1, 1)]), 'a').rows).toHaveLength(1);
  expect(index.enrolmentsOf(cacheWith([row('a', 1, 1), row('a', 2, 2)]), 'a').rows).toHaveLength(2);
  const enrollers = new RowTables();
  enrollers.set(driveEnrollersModel, { id: 'a.s', driveId: 'a', sub: 's', name: 'S', enrolled: 2, applied: '1' });
  const cache = ModelCache.empty();
  cache.merge(enrollers);
  expect(index.enrollersOf(cache, 'a').map((e) => e.sub)).toEqual(['s']);
  expect(index.enrollersOf(cache, 'b')).toEqual([]);
});

test('catching up reads only the rows added since, never the whole table again', () => {
  const cache = cacheWith(Array.from({ length: 5_000 }, (_, n) => row('a', n, n + 1)));
  const index = new DriveIndex();
  expect(index.enrolmentsOf(cache, 'a', { limit: 1 }).rows).toHaveLength(1);
  const more = new RowTables();
  more.set(enrolmentsModel, row('b', 5_000, 5_001));
  cache.merge(more);
  const table = cache.table(enrolmentsModel);
  const walked = jest.spyOn(table, 'values');
  const read = jest.spyOn(table, 'get');
  expect(index.enrolmentsOf(cache, 'b').rows.map((r) => r.enrolmentId)).toEqual(['e5000']);
  expect(walked).not.toHaveBeenCalled();
  // The new row, the drive's last row before it (none), and the page's one row.
  expect(read.mock.calls.length).toBeLessThanOrEqual(3);
});
