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
  /** The person's access version when the token was made (sign-in tokens): a role change makes it stale. */
  ver?: number;
}

const STORAGE_KEY = 'tayari.token';
/** What a sign-in adds to the token (SPEC v2 "people and access"): `{refreshToken, expiresAt}` as JSON. */
const REFRESH_KEY = 'tayari.refresh';

/** A token, and when it came from a sign-in, the refresh token that renews it and when it ends. */
export interface Tokens {
  token: string;
  refreshToken?: string;
  /** ISO time the token stops working. */
  expiresAt?: string;
}

/**
 * Where a link without a `route` opens: an in-charge's landing view is what needs them now, an
 * organiser's is their own tasks.
 */
export function landingOf(token: string): string {
  const role = claimsOf(token)?.role;
  return role === 'incharge' ? '/attention' : role === 'organiser' ? '/mine' : '/';
}

/** Keeps a sign-in's tokens (localStorage, this origin only); a plain token forgets any refresh token. */
export function keepTokens(tokens: Tokens): void {
  try {
    localStorage.setItem(STORAGE_KEY, tokens.token);
    if (tokens.refreshToken) localStorage.setItem(REFRESH_KEY, JSON.stringify({ refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt }));
    else localStorage.removeItem(REFRESH_KEY);
  } catch {
    // Storage can be off (private mode): the tokens then live for this page only.
  }
}

/** The tokens kept on this device, if any. */
export function keptTokens(): Tokens | undefined {
  try {
    const token = localStorage.getItem(STORAGE_KEY);
    if (!token) return undefined;
    const raw: unknown = JSON.parse(localStorage.getItem(REFRESH_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return { token };
    const { refreshToken, expiresAt } = raw as { refreshToken?: unknown; expiresAt?: unknown };
    return typeof refreshToken === 'string' ? { token, refreshToken, ...(typeof expiresAt === 'string' ? { expiresAt } : {}) } : { token };
  } catch {
    return undefined;
  }
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
    keepTokens({ token: fromLink });
    const route = params.get('route') ?? landingOf(fromLink);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${route.startsWith('/') ? route : '/'}`);
    return fromLink;
  }
  return keptTokens()?.token;
}

export function forgetToken(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
    localStorage.removeItem(REFRESH_KEY);
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
      ...(typeof c.wing === 'string' ? { wing: c.wing } : {}),
      ...(typeof c.exp === 'number' ? { exp: c.exp } : {}),
      ...(typeof c.ver === 'number' ? { ver: c.ver } : {}),
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
