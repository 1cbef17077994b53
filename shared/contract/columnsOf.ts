import { compareOrder } from './compareOrder';
import type { TaskStatus } from './domain';

/**
 * A programme board's columns (SPEC v2): its cards grouped by `status`, each column in `order`.
 * Node-free: the page groups its boards with it, the read side a board's first cards per column.
 */
export function columnsOf<C extends { status: string; order: string }>(cards: Readonly<Record<string, C>>): Record<TaskStatus, C[]> {
  const columns: Record<TaskStatus, C[]> = { todo: [], in_progress: [], blocked: [], done: [] };
  // A status this reader does not know yet is left off rather than breaking the board.
  for (const card of Object.values(cards)) if (Object.hasOwn(columns, card.status)) columns[card.status as TaskStatus].push(card);
  for (const column of Object.values(columns)) column.sort(compareOrder);
  return columns;
}
