import type { DriveBoardPayload, DriveUnitCount } from '../../types';

/** The units of a drive, best ranked first (a live patch may leave the keys in any order). */
export function rankedUnits(board: DriveBoardPayload): (DriveUnitCount & { code: string })[] {
  return Object.entries(board.byUnit)
    .map(([code, count]) => ({ code, ...count }))
    .sort((a, b) => a.rank - b.rank);
}
