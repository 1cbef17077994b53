import { TASK_STATUSES, type TaskStatus } from '@tayari/shared/contract/domain';
import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { cardPasses, columnPasses, narrowsWithinColumns } from './boardFilter';
import { boardFrame, cardMaker } from './programmeBoard';
import { indexOf } from './programmeIndex';
import type { BoardFilter, Card, Position, ProgrammeBoardPreview } from './types';

/**
 * GET /api/boards/programme/{id}?perColumn=N: the board with the first `perColumn` cards of each
 * column in board order, read off the programme's column index. Unfiltered, it makes only the cards
 * it sends (a phone opening a 5,000-task programme costs the server 4 × N cards, not 5,000), and so
 * does a filter on status or blocked (whole columns); any other card filter has to test every card
 * to count the columns.
 */
export function programmePreview(doc: ProgrammeDoc, now: Date, position: Position, filter: BoardFilter, perColumn: number): ProgrammeBoardPreview {
  const { columns } = indexOf(doc);
  const card = cardMaker(doc, now);
  const filtered = narrowsWithinColumns(filter);
  const cards: Record<string, Card> = {};
  const columnTotals: Record<TaskStatus, number> = { todo: 0, in_progress: 0, blocked: 0, done: 0 };
  for (const status of TASK_STATUSES) {
    let total = 0;
    // A column the filter rules out whole (status, blocked) is not walked.
    if (!columnPasses(status, filter)) continue;
    for (const task of columns.column(status)) {
      if (!filtered && total === perColumn) {
        total = columns.size(status);
        break;
      }
      const made = card(task);
      if (filtered && !cardPasses(made, filter)) continue;
      if (total < perColumn) cards[made.id] = made;
      total += 1;
    }
    columnTotals[status] = total;
  }
  return { ...boardFrame(doc, now, position, filter), cards, columnTotals };
}
