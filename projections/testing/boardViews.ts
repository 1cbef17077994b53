import type { TaskStatus } from '../boards/types';
import { compareOrder } from '@tayari/shared/contract/compareOrder';

/**
 * How a client reads SPEC v2's keyed boards, for tests: the items of a keyed record sorted by their
 * `order` (cards by due time then logging order, programmes by start, duties by assignment).
 */
export function byOrder<T extends { order: string }>(items: Record<string, T>): T[] {
  return Object.values(items).sort(compareOrder);
}

/** The ids of a keyed record in `order`. */
export function idsByOrder(items: Record<string, { id: string; order: string }>): string[] {
  return byOrder(items).map((item) => item.id);
}

/** One column of a board: its cards of `status`, sorted by `order`. */
export function column<C extends { status: TaskStatus; order: string }>(board: { cards: Record<string, C> }, status: TaskStatus): C[] {
  return byOrder(board.cards).filter((card) => card.status === status);
}

/** The ids of one column, in order. */
export function columnIds(board: { cards: Record<string, { id: string; status: TaskStatus; order: string }> }, status: TaskStatus): string[] {
  return column(board, status).map((card) => card.id);
}

/** Paths (like `cards.k1.assignee`) of every `null` in a JSON value: SPEC v2 boards have none. */
export function nullPaths(value: unknown, at = ''): string[] {
  if (value === null) return [at || '(root)'];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${at}[${i}]`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([key, item]) => nullPaths(item, at ? `${at}.${key}` : key));
  return [];
}
