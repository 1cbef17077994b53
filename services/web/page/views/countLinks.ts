import type { BoardFilter } from '@tayari/shared/contract/boardKey';
import { hrefOf } from '../route';
import type { CountLinks } from './ReadinessMeter';

/**
 * Where a programme's counts lead: its board narrowed to what each counts (`base` narrows further,
 * e.g. one wing's or one stop's part). "Done" goes to the done column; blocked and overdue use the
 * SPEC's own facets. Cards of all wings (`cards=all`): the counts are the whole programme's.
 */
export function programmeCountLinks(id: string, base: BoardFilter = {}): CountLinks {
  const to = (filter: BoardFilter) => hrefOf({ view: 'programme', id, cards: 'all', filter: { ...base, ...filter } });
  return { done: to({ status: ['done'] }), inProgress: to({ status: ['in_progress'] }), blocked: to({ blocked: true }), overdue: to({ overdue: true }) };
}

/** Where a wing's counts lead: its own board, narrowed the same way. */
export function wingCountLinks(code: string): CountLinks {
  const to = (filter: BoardFilter) => hrefOf({ view: 'wing', code, filter });
  return { done: to({ status: ['done'] }), inProgress: to({ status: ['in_progress'] }), blocked: to({ blocked: true }), overdue: to({ overdue: true }) };
}
