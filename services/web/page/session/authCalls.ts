import { problemOf } from '../api';
import type { Tokens } from '../token';

/** What a sign-in endpoint answered: fresh tokens, a refusal (its problem type and detail), or nothing. */
export type AuthAnswer =
  | { kind: 'ok'; tokens: Tokens }
  /** 204 (signed out). */
  | { kind: 'done' }
  | { kind: 'refused'; status: number; rule: string; detail: string }
  | { kind: 'network' };

const TIMEOUT_MS = 15_000;

function tokensOf(body: unknown): Tokens | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { token, refreshToken, expiresAt } = body as Record<string, unknown>;
  if (typeof token !== 'string' || typeof refreshToken !== 'string') return undefined;
  return { token, refreshToken, ...(typeof expiresAt === 'string' ? { expiresAt } : {}) };
}

/**
 * POSTs to an open sign-in endpoint (SPEC v2 "people and access": `/api/auth/redeem`, `/refresh`,
 * `/sign-out`), tried once: a refused secret stays refused, and the caller decides about the network.
 */
export async function authPost(
  path: '/api/auth/redeem' | '/api/auth/refresh' | '/api/auth/sign-out',
  body: object,
  timeoutMs = TIMEOUT_MS,
): Promise<AuthAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(path, {
      method: 'POST',
      cache: 'no-store',
      signal: abort.signal,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status === 204) return { kind: 'done' };
    // The server could not answer (a restart, a proxy): as good as unreachable, never a refusal of the secret.
    if (response.status >= 500) return { kind: 'network' };
    if (response.ok) {
      const tokens = tokensOf(await response.json());
      return tokens ? { kind: 'ok', tokens } : { kind: 'network' };
    }
    const problem = await problemOf(response);
    return { kind: 'refused', status: response.status, rule: problem.type ?? String(response.status), detail: problem.detail };
  } catch {
    return { kind: 'network' };
  } finally {
    clearTimeout(timer);
  }
}
