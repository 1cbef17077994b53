/** The page's places, from the URL fragment: `#/`, `#/programme/<id>`, `#/wing/<code>`. */
export type Route = { view: 'readiness' } | { view: 'programme'; id: string } | { view: 'wing'; code?: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a hand-typed `%` that is not an escape
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '').map(decode);
  if (parts[0] === 'programme' && parts[1]) return { view: 'programme', id: parts[1] };
  if (parts[0] === 'wing') return parts[1] ? { view: 'wing', code: parts[1] } : { view: 'wing' };
  return { view: 'readiness' };
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'readiness':
      return '#/';
    case 'programme':
      return `#/programme/${encodeURIComponent(route.id)}`;
    case 'wing':
      return route.code ? `#/wing/${encodeURIComponent(route.code)}` : '#/wing';
  }
}
