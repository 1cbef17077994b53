import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { DriveRow, EnrollerRow } from '../models/drives/DriveRows';
import type { DriveBoardPayload, DriveUnitCount } from './driveTypes';

export type { DriveBoardPayload, DriveUnitCount };

export const TOP_ENROLLERS = 20;

/** How far `enrolled` is towards `target`, in whole percent (0 for no target). */
export const percentOf = (enrolled: number, target: number): number => (target === 0 ? 0 : Math.round((100 * enrolled) / target));

/** The board from the drive's row and its enrollers' rows (the units with a target or an enrolment). */
export function driveBoard(row: DriveRow, enrollers: Iterable<EnrollerRow>, position: Position): DriveBoardPayload {
  const codes = [...new Set([...Object.keys(row.targets), ...Object.keys(row.byUnit)])];
  const counts = codes.map((code) => {
    const enrolled = row.byUnit[code] ?? 0;
    const target = row.targets[code] ?? 0;
    return { code, enrolled, target, percent: percentOf(enrolled, target) };
  });
  counts.sort((a, b) => b.percent - a.percent || b.enrolled - a.enrolled || (a.code < b.code ? -1 : 1));
  const byUnit: Record<string, DriveUnitCount> = {};
  counts.forEach(({ code, ...count }, index) => {
    byUnit[code] = { ...count, rank: index + 1 };
  });
  const target = Object.values(row.targets).reduce((sum, n) => sum + n, 0);
  const byEnroller = [...enrollers]
    .sort((a, b) => b.enrolled - a.enrolled || (a.sub < b.sub ? -1 : 1))
    .slice(0, TOP_ENROLLERS)
    .map(({ sub, name, enrolled }) => ({ sub, name, enrolled }));
  const perDay = Object.entries(row.perDay)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, enrolled]) => ({ date, enrolled }));
  const { id, title, startsAt, endsAt, closed, version } = row;
  return {
    position,
    drive: { id, title, startsAt, endsAt, closed, version },
    total: row.total,
    target,
    percent: percentOf(row.total, target),
    byUnit,
    byEnroller,
    perDay,
  };
}
