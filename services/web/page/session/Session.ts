import type { TokenSource } from '../api';
import { type Claims, claimsOf, forgetToken, keepTokens, keptTokens, type Tokens } from '../token';
import { authPost } from './authCalls';

/** A token is renewed this long before it ends (12 h tokens: at 11 h 50 min), or at half its life when that is shorter. */
const AHEAD_MS = 10 * 60_000;
/** setTimeout holds at most about 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Outcome = 'renewed' | 'ended' | 'unreachable';

const verOf = (token: string) => claimsOf(token)?.ver ?? 0;

/** The time a token ends: `expiresAt` of the sign-in, else the token's `exp`. */
function endOf(tokens: Tokens): number | undefined {
  if (tokens.expiresAt) return Date.parse(tokens.expiresAt);
  const exp = claimsOf(tokens.token)?.exp;
  return exp === undefined ? undefined : exp * 1000;
}

/**
 * The person's sign-in on this page (SPEC v2 "people and access"): the token requests and the socket
 * use, renewed silently before it ends and when the server says it is stale (a role changed), with
 * the rotating refresh token kept beside it. Renewals run one at a time, across the tabs of this
 * origin too (Web Locks): a tab takes a token another tab has just renewed instead of spending the
 * same refresh token twice, which the server would take for theft and end the sign-in everywhere.
 * A `#token=` link (no refresh token) works as before until it ends.
 */
export class Session implements TokenSource {
  private tokens: Tokens;
  private renewing: Promise<Outcome> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly renewed: ((claims: Claims) => void)[] = [];
  /** Why the sign-in ended (a problem type), once it has. */
  endedBecause: string | undefined;

  constructor(tokens: Tokens) {
    this.tokens = tokens;
  }

  get token(): string {
    return this.tokens.token;
  }

  /** Signed in with an invitation (renewable), not with a `#token=` link. */
  get signedIn(): boolean {
    return this.tokens.refreshToken !== undefined;
  }

  get claims(): Claims | undefined {
    return claimsOf(this.tokens.token);
  }

  /** Told after each renewal, with the new token's claims (a role change shows there). */
  onRenewed(listener: (claims: Claims) => void): void {
    this.renewed.push(listener);
  }

  /** Renews before the token ends, and when the page comes back from the background past that time. */
  start(): void {
    this.schedule();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.due()) void this.renew();
    });
  }

  private due(): boolean {
    const end = endOf(this.tokens);
    return this.tokens.refreshToken !== undefined && end !== undefined && end - Date.now() < AHEAD_MS;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const end = endOf(this.tokens);
    if (!this.tokens.refreshToken || end === undefined) return;
    const left = end - Date.now();
    const wait = Math.max(5_000, left - Math.min(AHEAD_MS, left / 2));
    this.timer = setTimeout(() => void this.renew(), Math.min(wait, MAX_TIMER_MS));
  }

  async recover(reason: string, used: string): Promise<Outcome> {
    // Renewed meanwhile (by this tab or another): the request only needs the new token, unless that
    // one is stale too (the role changed again after it was made).
    if (used !== this.tokens.token && reason !== 'access-revoked' && (reason !== 'token-stale' || verOf(this.tokens.token) > verOf(used))) return 'renewed';
    if (reason === 'access-revoked' || !this.tokens.refreshToken) {
      this.endedBecause = reason;
      return 'ended';
    }
    return this.renew(reason === 'token-stale');
  }

  /** Renews the token once at a time (a second caller waits for the first); `stale`: the server said the token is stale. */
  renew(stale = false): Promise<Outcome> {
    this.renewing ??= this.renewLocked(stale).finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async renewLocked(stale: boolean): Promise<Outcome> {
    // Web Locks exist on secure origins only (https, localhost); elsewhere this tab alone is serialised.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return this.renewNow(stale);
    return await locks.request('tayari.refresh', () => this.renewNow(stale));
  }

  private async renewNow(stale: boolean): Promise<Outcome> {
    const kept = keptTokens();
    // Another tab of the same person renewed since this one read its tokens: take those when they are
    // newer in the way that matters (a later access version for a stale token, a later end otherwise).
    const newer = (token: string) => (stale ? verOf(token) > verOf(this.tokens.token) : (claimsOf(token)?.exp ?? 0) > (claimsOf(this.tokens.token)?.exp ?? 0));
    if (kept?.refreshToken && kept.token !== this.tokens.token && claimsOf(kept.token)?.sub === this.claims?.sub && newer(kept.token)) {
      this.take(kept);
      return 'renewed';
    }
    const refreshToken = kept?.refreshToken ?? this.tokens.refreshToken;
    if (!refreshToken) return 'ended';
    const answer = await authPost('/api/auth/refresh', { refreshToken });
    if (answer.kind === 'network' || answer.kind === 'done' || (answer.kind === 'refused' && answer.status === 429)) {
      clearTimeout(this.timer);
      // Try again soon if renewal is due; otherwise keep the usual schedule.
      this.timer = setTimeout(() => (this.due() ? void this.renew() : this.schedule()), 30_000);
      return 'unreachable';
    }
    if (answer.kind === 'refused') {
      this.endedBecause = answer.rule;
      forgetToken();
      return 'ended';
    }
    keepTokens(answer.tokens);
    this.take(answer.tokens);
    return 'renewed';
  }

  private take(tokens: Tokens): void {
    this.tokens = tokens;
    this.schedule();
    const claims = this.claims;
    if (claims) for (const listener of this.renewed) listener(claims);
  }

  /** Signing out: the refresh token is revoked on the server (when it can be reached), then forgotten here. */
  async signOut(): Promise<void> {
    clearTimeout(this.timer);
    const refreshToken = keptTokens()?.refreshToken ?? this.tokens.refreshToken;
    // Not waited for long: signing out on a phone without a connection must not hang (the token then ends in 30 days).
    if (refreshToken) await authPost('/api/auth/sign-out', { refreshToken }, 4000);
    forgetToken();
  }

  /** The sign-in ended (revoked, refused): nothing of it stays on this device. */
  forget(): void {
    clearTimeout(this.timer);
    forgetToken();
  }
}
