import type { TaskStatus } from './domain';
import { isNominationStage, type NominationStage } from './nominationStages';

/** A task status a board shows (cancelled tasks are on no board). */
export type BoardTaskStatus = TaskStatus;

/**
 * The filters of the programme, wing and attention boards (SPEC v2); `readiness` always describes
 * everything. Node-free: the page and the server key boards with the same functions below.
 */
export interface BoardFilter {
  wing?: string;
  stop?: string;
  status?: BoardTaskStatus[];
  assignee?: string;
  /** The cards given to this person (a person-assignee's `personId`). */
  assigneeId?: string;
  /** Case-insensitive substring of title or assignee. */
  q?: string;
  overdue?: boolean;
  blocked?: boolean;
  /** Readiness and attention boards: programmes of this unit and the units under it. */
  unit?: string;
  /** The posts board: nominations at these stages (and the posts that have one). */
  stage?: NominationStage[];
}

/**
 * A board as the page holds it (and a live feed of the gateway serves it): a live board name (`programme:<id>`, …) and, when narrowed, the SPEC
 * v2 filter. A filtered board is another board for the page: it is held, patched and resumed apart.
 */
export interface BoardRef {
  board: string;
  filter?: BoardFilter;
}

/**
 * The filter as a query string, facets in a fixed order (so equal filters give equal keys), the way
 * the board reads take it: `wing=adivasi&status=blocked,todo&overdue=true`. Empty for no filter.
 */
export function filterQuery(filter: BoardFilter | undefined): string {
  if (!filter) return '';
  const query = new URLSearchParams();
  if (filter.wing !== undefined) query.set('wing', filter.wing);
  if (filter.stop !== undefined) query.set('stop', filter.stop);
  if (filter.status !== undefined && filter.status.length > 0) query.set('status', [...new Set(filter.status)].sort().join(','));
  if (filter.assignee !== undefined) query.set('assignee', filter.assignee);
  if (filter.assigneeId !== undefined) query.set('assigneeId', filter.assigneeId);
  if (filter.q !== undefined) query.set('q', filter.q);
  // `false` asks for nothing: the same board as no facet at all.
  if (filter.overdue === true) query.set('overdue', 'true');
  if (filter.blocked === true) query.set('blocked', 'true');
  if (filter.unit !== undefined) query.set('unit', filter.unit);
  if (filter.stage !== undefined && filter.stage.length > 0) query.set('stage', [...new Set(filter.stage)].sort().join(','));
  return query.toString();
}

/**
 * The key a board and filter are held under (by the page) and served under (one live feed per key): the board name alone without a filter, else
 * `<board>?<filterQuery>`. Board names never hold `?` (ids and wing codes are `A-Za-z0-9_-`).
 */
export function boardKey(board: string, filter?: BoardFilter): string {
  const query = filterQuery(filter);
  return query === '' ? board : `${board}?${query}`;
}

function isBoardTaskStatus(text: string): text is BoardTaskStatus {
  return text === 'todo' || text === 'in_progress' || text === 'blocked' || text === 'done';
}

/** The board and filter a key names (boardKey's inverse). */
export function parseBoardKey(key: string): BoardRef {
  const at = key.indexOf('?');
  if (at < 0) return { board: key };
  const board = key.slice(0, at);
  const query = new URLSearchParams(key.slice(at + 1));
  const filter: BoardFilter = {};
  const text = (name: 'wing' | 'stop' | 'assignee' | 'assigneeId' | 'q' | 'unit') => {
    const value = query.get(name);
    if (value !== null) filter[name] = value;
  };
  text('wing');
  text('stop');
  const status = query.get('status');
  if (status !== null) filter.status = status.split(',').filter(isBoardTaskStatus);
  text('assignee');
  text('assigneeId');
  text('q');
  if (query.get('overdue') === 'true') filter.overdue = true;
  if (query.get('blocked') === 'true') filter.blocked = true;
  text('unit');
  const stage = query.get('stage');
  if (stage !== null) filter.stage = stage.split(',').filter(isNominationStage);
  return filterQuery(filter) === '' ? { board } : { board, filter };
}
