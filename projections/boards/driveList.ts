import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { DriveRow } from '../models/drives/DriveRows';
import { percentOf } from './driveBoard';
import type { DriveListPayload, DriveSummary } from './driveTypes';

export type { DriveListPayload, DriveSummary };

/** GET /api/drives: every drive, the latest start first (counts only, like the board). */
export function driveList(rows: Iterable<DriveRow>, position: Position): DriveListPayload {
  const drives = [...rows].map(({ id, title, startsAt, endsAt, closed, total, targets }): DriveSummary => {
    const target = Object.values(targets).reduce((sum, n) => sum + n, 0);
    return { id, title, startsAt, endsAt, closed, total, target, percent: percentOf(total, target) };
  });
  drives.sort((a, b) => (a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : a.id < b.id ? -1 : 1));
  return { position, drives };
}
