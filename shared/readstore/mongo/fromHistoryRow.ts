import type { HistoryEntry } from '../ReadStore';
import type { HistoryRow } from './MongoRows';

/** The port's entry from a stored row, field by field (the row may also carry `_id`). */
export function fromHistoryRow(row: HistoryRow): HistoryEntry {
  return {
    programmeId: row.programmeId,
    position: row.position,
    sortKey: row.sortKey,
    type: row.type,
    at: row.at,
    actor: row.actor,
    data: row.data,
  };
}
