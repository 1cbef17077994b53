import { filterQuery, parseBoardKey, type BoardFilter } from '@tayari/shared/contract/boardKey';

/**
 * The page's places, from the URL fragment: `#/`, `#/attention`, `#/archive`, `#/programme/<id>`, `#/wing/<code>`,
 * `#/people` (the directory, `?wing=&q=`), `#/mine` (the person's own tasks), `#/drive[/<id>]` (enrolment drives) and `#/posts`.
 * A programme may say which cards it shows: `?cards=all` (every wing's, for a person whose board
 * opens on their own wing's cards) or `?cards=wing` (their own wing's; the default for a wing lead or
 * organiser). Boards also keep their filters there (SPEC v2 board filters, spelt as the reads take
 * them: `?status=blocked,todo&q=बस&overdue=true`), so a reload, a bookmark or a shared link opens the
 * same narrowed board.
 */
export type CardScope = 'all' | 'wing';
export type Route =
  | { view: 'readiness' }
  | { view: 'archive' }
  | { view: 'attention'; filter?: BoardFilter }
  | { view: 'programme'; id: string; cards?: CardScope; filter?: BoardFilter }
  | { view: 'wing'; code?: string; filter?: BoardFilter }
  | { view: 'people'; wing?: string; q?: string }
  | { view: 'mine' }
  /** The enrolment drives (`#/drive`), or one drive's board (`#/drive/<id>`). */
  | { view: 'drive'; id?: string }
  | { view: 'posts' };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a hand-typed `%` that is not an escape
  }
}

/** The filter facets of a fragment's query (parsed as a board key's, so both read it alike). */
function filterOf(query: URLSearchParams): BoardFilter | undefined {
  const facets = new URLSearchParams(query);
  facets.delete('cards');
  return parseBoardKey(`x?${facets.toString()}`).filter;
}

export function parseRoute(hash: string): Route {
  const fragment = hash.replace(/^#\/?/, '');
  const at = fragment.indexOf('?');
  const path = at < 0 ? fragment : fragment.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : fragment.slice(at + 1));
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map(decode);
  const filter = filterOf(query);
  const withFilter = filter ? { filter } : {};
  if (parts[0] === 'programme' && parts[1]) {
    const cards = query.get('cards');
    return cards === 'all' || cards === 'wing' ? { view: 'programme', id: parts[1], cards, ...withFilter } : { view: 'programme', id: parts[1], ...withFilter };
  }
  if (parts[0] === 'wing') return parts[1] ? { view: 'wing', code: parts[1], ...withFilter } : { view: 'wing' };
  if (parts[0] === 'archive') return { view: 'archive' };
  if (parts[0] === 'mine') return { view: 'mine' };
  if (parts[0] === 'drive') return parts[1] ? { view: 'drive', id: parts[1] } : { view: 'drive' };
  if (parts[0] === 'posts') return { view: 'posts' };
  if (parts[0] === 'people') {
    const wing = query.get('wing') || undefined;
    const q = query.get('q')?.trim() || undefined;
    return { view: 'people', ...(wing ? { wing } : {}), ...(q ? { q } : {}) };
  }
  if (parts[0] === 'attention') return filter?.wing ? { view: 'attention', filter: { wing: filter.wing } } : { view: 'attention' };
  return { view: 'readiness' };
}

function withQuery(path: string, cards: CardScope | undefined, filter: BoardFilter | undefined): string {
  const query = filterQuery(filter);
  const parts = [cards ? `cards=${cards}` : '', query].filter((part) => part !== '');
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'readiness':
      return '#/';
    case 'archive':
      return '#/archive';
    case 'attention':
      return withQuery('#/attention', undefined, route.filter);
    case 'programme':
      return withQuery(`#/programme/${encodeURIComponent(route.id)}`, route.cards, route.filter);
    case 'wing':
      return route.code ? withQuery(`#/wing/${encodeURIComponent(route.code)}`, undefined, route.filter) : '#/wing';
    case 'mine':
      return '#/mine';
    case 'drive':
      return route.id ? `#/drive/${encodeURIComponent(route.id)}` : '#/drive';
    case 'posts':
      return '#/posts';
    case 'people': {
      const query = new URLSearchParams({ ...(route.wing ? { wing: route.wing } : {}), ...(route.q ? { q: route.q } : {}) }).toString();
      return query ? `#/people?${query}` : '#/people';
    }
  }
}
