import { TASK_STATUSES, type TaskStatus } from '@tayari/shared/contract/domain';
import type { Card, ProgrammeBoardPayload } from './types';
import { columnsOf } from '@tayari/shared/contract/columnsOf';

/**
 * A programme board cut to the first cards of each column (past SPEC: `?perColumn=`), with every
 * column's full count: what a phone draws first, before it reads (or is sent) the whole board.
 */
export interface ProgrammeBoardPreview extends ProgrammeBoardPayload {
  columnTotals: Record<TaskStatus, number>;
}

/** The first `perColumn` cards of each status, by `order` (SPEC's column order); readiness and duties whole. */
export function firstCards(board: ProgrammeBoardPayload, perColumn: number): ProgrammeBoardPreview {
  const columns = columnsOf(board.cards);
  const cards: Record<string, Card> = {};
  const columnTotals: Record<TaskStatus, number> = { todo: 0, in_progress: 0, blocked: 0, done: 0 };
  for (const status of TASK_STATUSES) {
    const column = columns[status];
    columnTotals[status] = column.length;
    for (const card of column.slice(0, perColumn)) cards[card.id] = card;
  }
  return { ...board, cards, columnTotals };
}
