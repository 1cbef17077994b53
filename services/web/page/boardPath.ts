import { filterQuery, parseBoardKey } from '@tayari/shared/contract/boardKey';

/** The GET that answers a board key (board and filter) with the same shape as its live messages. */
export function boardPath(key: string, minPosition?: string, perColumn?: number): string {
  const { board, filter } = parseBoardKey(key);
  const query = new URLSearchParams(filterQuery(filter));
  if (minPosition !== undefined) query.set('minPosition', minPosition);
  // Past SPEC, programme boards only: the first cards of each column (a first read of a long board).
  if (perColumn !== undefined) query.set('perColumn', String(perColumn));
  const search = query.toString() === '' ? '' : `?${query.toString()}`;
  if (board === 'readiness' || board === 'attention' || board === 'mine') return `/api/boards/${board}${search}`;
  if (board === 'posts') return `/api/boards/posts${search}`;
  const colon = board.indexOf(':');
  const kind = board.slice(0, colon);
  const name = encodeURIComponent(board.slice(colon + 1));
  if (kind === 'drive') return `/api/drives/${name}/board${search}`;
  return kind === 'programme' ? `/api/boards/programme/${name}${search}` : `/api/boards/wing/${name}${search}`;
}
