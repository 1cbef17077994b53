import { assigneeName, assigneePersonId } from '@tayari/shared/contract/assignee';
import type { BoardName } from '../BoardSource';
import type { BoardFilter, Card, ResponsibilityItem, TaskStatus } from './types';

/**
 * SPEC's case-insensitive `q` in any script: composed (so a nukta typed either way matches) and
 * lower-cased without the host's locale (a Turkish host would fold `I` to `ı`).
 */
function folded(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Whether a card passes the filter (SPEC v2 board filters; every given facet must match). */
export function cardPasses(card: Card, filter: BoardFilter): boolean {
  if (filter.wing !== undefined && card.wing !== filter.wing) return false;
  if (filter.stop !== undefined && card.stopId !== filter.stop) return false;
  if (filter.status !== undefined && !filter.status.includes(card.status)) return false;
  // A person-assignee matches by the name the card shows, like free text.
  const assignee = assigneeName(card.assignee);
  if (filter.assignee !== undefined && assignee !== filter.assignee) return false;
  if (filter.assigneeId !== undefined && assigneePersonId(card.assignee) !== filter.assigneeId) return false;
  if (filter.overdue === true && !card.overdue) return false;
  if (filter.blocked === true && card.status !== 'blocked') return false;
  if (filter.q !== undefined) {
    const q = folded(filter.q);
    if (!folded(card.title).includes(q) && !(assignee !== undefined && folded(assignee).includes(q))) return false;
  }
  return true;
}

/** Whether cards of `status` can pass the filter at all (its `status` and `blocked` facets). */
export function columnPasses(status: TaskStatus, filter: BoardFilter): boolean {
  if (filter.status !== undefined && !filter.status.includes(status)) return false;
  return filter.blocked !== true || status === 'blocked';
}

/**
 * Whether `filter` tells cards of one column apart: every facet but the duties-and-lists ones (`unit`,
 * `stage`) and those a whole column passes or fails (`status`, `blocked`: columnPasses).
 */
export function narrowsWithinColumns(filter: BoardFilter): boolean {
  const { unit: _unit, stage: _stage, status: _status, blocked: _blocked, ...facets } = filter;
  return !isEmptyFilter(facets);
}

/**
 * Whether a responsibility passes: only the facets that describe a duty apply (`wing`, `stop`, and
 * `q` on the duty or its lead); the card-only facets (status, assignee, overdue, blocked) leave the
 * duties shown, so a wing lead filtering "blocked" still sees what the wing is responsible for.
 */
export function responsibilityPasses(item: ResponsibilityItem, filter: BoardFilter): boolean {
  if (filter.wing !== undefined && item.wing !== filter.wing) return false;
  if (filter.stop !== undefined && item.stopId !== filter.stop) return false;
  if (filter.q !== undefined) {
    const q = folded(filter.q);
    if (!folded(item.duty).includes(q) && !(item.lead !== undefined && folded(item.lead).includes(q))) return false;
  }
  return true;
}

function isEmptyFilter(filter: Readonly<Record<string, unknown>>): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/**
 * Why a board does not take this filter, or undefined when it does: the readiness board takes only
 * `unit`, the attention board `wing` and `unit`, the programme and wing boards every facet but `unit`
 * (they are one programme's, or one wing's across programmes). The read endpoints say the same with
 * their query schemas.
 */
export function filterRefusal(board: BoardName, filter: BoardFilter): string | undefined {
  const { unit, wing, stage, ...cards } = filter;
  if (board.startsWith('mine:')) return isEmptyFilter({ ...filter }) ? undefined : 'the mine board takes no filter';
  if (board.startsWith('drive:')) return isEmptyFilter({ ...filter }) ? undefined : 'the drive board takes no filter';
  if (board === 'posts') return isEmptyFilter(cards) ? undefined : 'the posts board takes only the unit, wing and stage filters';
  if (stage !== undefined) return 'only the posts board takes a stage filter';
  if (board === 'readiness' && !isEmptyFilter({ wing, ...cards })) return 'the readiness board takes only the unit filter';
  if (board === 'attention' && !isEmptyFilter(cards)) return 'the attention board takes only the wing and unit filters';
  if ((board.startsWith('programme:') || board.startsWith('wing:')) && unit !== undefined) return 'this board takes no unit filter';
  return undefined;
}
