import type { HistoryEntry } from '../models/history/historyModel';
import type { HistoryPayload, Position } from './types';

/**
 * A page of a programme's history. `rows` holds up to limit + 1 rows: the extra one only says that
 * there is more, and `next` is then the position to pass as `after` (or, for rows read newest first,
 * as `before`): the last row of the page either way.
 */
export function historyPage(rows: readonly HistoryEntry[], limit: number, position: Position): HistoryPayload {
  const events = rows.slice(0, limit);
  const last = events.at(-1);
  return rows.length > limit && last ? { position, events, next: last.position } : { position, events };
}
