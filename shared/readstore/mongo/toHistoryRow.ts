import type { HistoryEntry } from '../ReadStore';
import type { HistoryRow } from './MongoRows';
import { jsonValue } from './jsonValue';

/** The stored row of a history entry; actor and data are normalised to JSON like the docs. */
export function toHistoryRow(entry: HistoryEntry): HistoryRow {
  return {
    programmeId: entry.programmeId,
    sortKey: entry.sortKey,
    position: entry.position,
    type: entry.type,
    at: entry.at,
    actor: jsonValue(entry.actor, `history ${entry.programmeId}@${entry.position} actor`),
    data: jsonValue(entry.data, `history ${entry.programmeId}@${entry.position} data`),
  };
}
