/**
 * The page's places, from the URL fragment: `#/`, `#/programme/<id>`, `#/wing/<code>`. A programme
 * may say which cards it shows: `#/programme/<id>?cards=all` (every wing's, for a person whose board
 * opens on their own wing's cards) or `?cards=wing` (their own wing's; the default for a wing lead or
 * organiser). Kept in the URL, so a reload, a bookmark or a shared link opens the same board.
 */
export type CardScope = 'all' | 'wing';
export type Route = { view: 'readiness' } | { view: 'programme'; id: string; cards?: CardScope } | { view: 'wing'; code?: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a hand-typed `%` that is not an escape
  }
}

export function parseRoute(hash: string): Route {
  const fragment = hash.replace(/^#\/?/, '');
  const at = fragment.indexOf('?');
  const path = at < 0 ? fragment : fragment.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : fragment.slice(at + 1));
  const parts = path.split('/').filter((part) => part !== '').map(decode);
  if (parts[0] === 'programme' && parts[1]) {
    const cards = query.get('cards');
    return cards === 'all' || cards === 'wing' ? { view: 'programme', id: parts[1], cards } : { view: 'programme', id: parts[1] };
  }
  if (parts[0] === 'wing') return parts[1] ? { view: 'wing', code: parts[1] } : { view: 'wing' };
  return { view: 'readiness' };
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'readiness':
      return '#/';
    case 'programme':
      return `#/programme/${encodeURIComponent(route.id)}${route.cards ? `?cards=${route.cards}` : ''}`;
    case 'wing':
      return route.code ? `#/wing/${encodeURIComponent(route.code)}` : '#/wing';
  }
}
