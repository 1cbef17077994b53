import { driveEnrollersModel } from '../models/drives/driveModels';
import type { EnrollerRow } from '../models/drives/DriveRows';
import { RowTables } from './RowTables';

const enroller = (sub: string, enrolled: number): EnrollerRow => ({ id: `d.${sub}`, driveId: 'd', sub, name: sub, enrolled, applied: '1' });

test('ids in the order their rows were first set; a row set again keeps its place and is not listed twice', () => {
  const tables = new RowTables();
  expect(tables.addedIds(driveEnrollersModel)).toEqual([]);
  tables.set(driveEnrollersModel, enroller('b', 1));
  tables.set(driveEnrollersModel, enroller('a', 1));
  tables.set(driveEnrollersModel, enroller('b', 2));
  tables.set(driveEnrollersModel, enroller('c', 1));
  expect(tables.addedIds(driveEnrollersModel)).toEqual(['d.b', 'd.a', 'd.c']);
  expect(tables.get(driveEnrollersModel, 'd.b')?.enrolled).toBe(2);
  expect([...tables.table(driveEnrollersModel).keys()]).toEqual(tables.addedIds(driveEnrollersModel));
});
