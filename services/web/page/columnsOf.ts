import { compareOrder } from './byOrder';
import type { Card, TaskStatus } from './types';

/** The programme board's columns (SPEC v2): cards grouped by `status`, each column in `order`. */
export function columnsOf<C extends Card>(cards: Readonly<Record<string, C>>): Record<TaskStatus, C[]> {
  const columns: Record<TaskStatus, C[]> = { todo: [], in_progress: [], blocked: [], done: [] };
  // A status this page does not know yet is left off rather than breaking the board.
  for (const card of Object.values(cards)) if (Object.hasOwn(columns, card.status)) columns[card.status].push(card);
  for (const column of Object.values(columns)) column.sort(compareOrder);
  return columns;
}
