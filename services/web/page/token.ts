import { isRole, may, type Role } from '@tayari/shared/contract/domain';

export type { Role } from '@tayari/shared/contract/domain';

/** The person a token speaks for, read from its payload (the server verifies it; the page only needs to know what to offer). */

export interface Claims {
  sub: string;
  name: string;
  role: Role;
  wing?: string;
  /** Seconds since the epoch. */
  exp?: number;
}

const STORAGE_KEY = 'tayari.token';

/** Where a link without a `route` opens: an in-charge's landing view is what needs them now. */
function landingOf(token: string): string {
  return claimsOf(token)?.role === 'incharge' ? '/attention' : '/';
}

/**
 * Takes the token from the link's fragment (`#token=…`), keeps it in localStorage, and rewrites the
 * fragment so the token stays neither in the address bar nor in the history; otherwise uses the kept one.
 */
export function takeToken(): string | undefined {
  const fragment = location.hash.replace(/^#/, '');
  const params = new URLSearchParams(fragment.startsWith('/') ? '' : fragment);
  const fromLink = params.get('token');
  if (fromLink) {
    try {
      localStorage.setItem(STORAGE_KEY, fromLink);
    } catch {
      // Storage can be off (private mode): the token then lives for this page only.
    }
    const route = params.get('route') ?? landingOf(fromLink);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${route.startsWith('/') ? route : '/'}`);
    return fromLink;
  }
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetToken(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
}

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, unverified; undefined when it is not a JWT with the claims Tayari needs. */
export function claimsOf(token: string): Claims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const value: unknown = JSON.parse(base64UrlDecode(payload));
    if (typeof value !== 'object' || value === null) return undefined;
    const c = value as Record<string, unknown>;
    if (typeof c.sub !== 'string' || !isRole(c.role)) return undefined;
    return {
      sub: c.sub,
      name: typeof c.name === 'string' ? c.name : c.sub,
      role: c.role,
      wing: typeof c.wing === 'string' ? c.wing : undefined,
      exp: typeof c.exp === 'number' ? c.exp : undefined,
    };
  } catch {
    return undefined;
  }
}

/** Whether these claims may change a task of `wing` (status, notes): SPEC "Authentication". */
export function canWorkOn(claims: Claims, wing: string): boolean {
  return may(claims, 'wing-work', wing);
}

/**
 * Whether the page offers these claims to acknowledge a duty given to `wing`: only the wing's own
 * lead. The API lets an in-charge do it too, but acknowledging is the wing saying "we have it", which
 * an in-charge cannot say for them (issue 14).
 */
export function canAcknowledge(claims: Claims, wing: string): boolean {
  return claims.role === 'wing-lead' && claims.wing === wing;
}

/** Whether these claims may log, assign and cancel tasks of `wing` (README "Who may do what"). */
export function canManage(claims: Claims, wing: string): boolean {
  return may(claims, 'wing-manage', wing);
}

/** Whether these claims may plan and give duties (in-charges only). */
export function canPlan(claims: Claims): boolean {
  return may(claims, 'incharge');
}

/**
 * The wing whose cards this person's programme boards open on (SPEC: a wing lead and an organiser
 * open on their own wing's cards); undefined for in-charges and observers, who open on all cards.
 */
export function ownWingOf(claims: Claims): string | undefined {
  return claims.role === 'wing-lead' || claims.role === 'organiser' ? claims.wing : undefined;
}
