import type { HistoryEntry } from '@tayari/shared/readstore/ReadStore';
import type { HistoryPayload, Position } from './types';

/**
 * A page of a programme's history. `rows` holds up to limit + 1 rows: the extra one only says that
 * there is more, and `next` is then the position to pass as `after`.
 */
export function historyPage(rows: readonly HistoryEntry[], limit: number, position: Position): HistoryPayload {
  const page = rows.slice(0, limit);
  const events = page.map((row) => ({ position: row.position, type: row.type, at: row.at, actor: row.actor, data: row.data }));
  const last = page.at(-1);
  return rows.length > limit && last ? { position, events, next: last.position } : { position, events };
}
