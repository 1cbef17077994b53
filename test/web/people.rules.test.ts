import type { DirectoryEntry, SignInState as ServerSignInState } from '@tayari/projections/boards/directory';
import { hrefOf, parseRoute } from '../../services/web/page/route';
import { Session } from '../../services/web/page/session/Session';
import { endedMessage } from '../../services/web/page/session/signIn';
import { invitationOf, manages, needsWing, type Person, rolesFor, type SignInState } from '../../services/web/page/views/people/directory';

/** The page's own copy of the directory's shape (the server's module imports Node) must stay the server's. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameStates: Same<SignInState, ServerSignInState> = true;
const asPage = (entry: DirectoryEntry): Person => entry;

const jwt = (payload: object) => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

/** localStorage and fetch as a browser has them, for the session's renewals. */
function browserish(answers: { status: number; body: object }[]) {
  const kept = new Map<string, string>();
  const sent: { path: string; body: unknown }[] = [];
  Object.assign(globalThis, {
    localStorage: {
      getItem: (key: string) => kept.get(key) ?? null,
      setItem: (key: string, value: string) => kept.set(key, value),
      removeItem: (key: string) => kept.delete(key),
    },
    fetch: async (path: string, init: { body: string }) => {
      sent.push({ path, body: JSON.parse(init.body) });
      const answer = answers.shift() ?? { status: 500, body: {} };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    },
  });
  return { kept, sent };
}

describe('people and sign-in on the page', () => {
  it('keeps its copy of the directory shape the same as the server’s', () => {
    expect(sameStates).toBe(true);
    expect(asPage({ id: 'p1', name: 'मीना', role: 'organiser', wing: 'adivasi', signIn: 'invited' }).name).toBe('मीना');
  });

  it('routes to the directory (with its filters) and to my tasks', () => {
    expect(parseRoute('#/mine')).toEqual({ view: 'mine' });
    expect(parseRoute('#/people')).toEqual({ view: 'people' });
    expect(parseRoute('#/people?wing=adivasi&q=%E0%A4%AE%E0%A5%80')).toEqual({ view: 'people', wing: 'adivasi', q: 'मी' });
    expect(parseRoute(hrefOf({ view: 'people', wing: 'youth', q: 'a&b' }))).toEqual({ view: 'people', wing: 'youth', q: 'a&b' });
  });

  it('offers only what the role may do to a person', () => {
    const incharge = { role: 'incharge' as const };
    const lead = { role: 'wing-lead' as const, wing: 'adivasi' };
    expect(manages(incharge, { role: 'incharge' })).toBe(true);
    expect(manages(lead, { role: 'organiser', wing: 'adivasi' })).toBe(true);
    expect(manages(lead, { role: 'organiser', wing: 'youth' })).toBe(false);
    expect(manages(lead, { role: 'wing-lead', wing: 'adivasi' })).toBe(false);
    expect(manages({ role: 'organiser', wing: 'adivasi' }, { role: 'organiser', wing: 'adivasi' })).toBe(false);
    expect(rolesFor(lead)).toEqual(['organiser']);
    expect(rolesFor({ role: 'observer' })).toEqual([]);
    expect(needsWing('organiser') && needsWing('wing-lead') && !needsWing('incharge') && !needsWing('observer')).toBe(true);
    expect(invitationOf({ id: 'i', link: 'https://x/#invite=p.s', code: 'p.s', expiresAt: '2026-12-10T00:00:00Z' })?.code).toBe('p.s');
    expect(invitationOf({ id: 'i' })).toBeUndefined();
  });

  it('says why a sign-in ended', () => {
    expect(endedMessage('access-revoked')).toBe('accessRevoked');
    expect(endedMessage('refresh-reused')).toBe('refreshReused');
    expect(endedMessage('refresh-expired')).toBe('signInAgain');
    expect(endedMessage('signed-out')).toBe('signedOut');
    expect(endedMessage('unauthorized')).toBe('badToken');
  });

  it('renews a stale token once for many callers, and ends on a revoked person or a refused renewal', async () => {
    const old = jwt({ sub: 'p1', name: 'Meena', role: 'organiser', wing: 'adivasi', ver: 1 });
    const fresh = jwt({ sub: 'p1', name: 'Meena', role: 'wing-lead', wing: 'adivasi', ver: 2 });
    const { kept, sent } = browserish([
      { status: 200, body: { token: fresh, refreshToken: 'p1.f.next', expiresAt: new Date(Date.now() + 3600_000).toISOString() } },
      { status: 401, body: { type: '/problems/refresh-reused', detail: 'used before' } },
    ]);
    const session = new Session({ token: old, refreshToken: 'p1.f.first' });
    const renewed: string[] = [];
    session.onRenewed((claims) => renewed.push(claims.role));
    expect(await Promise.all([session.recover('token-stale', old), session.recover('token-stale', old)])).toEqual(['renewed', 'renewed']);
    expect(sent).toEqual([{ path: '/api/auth/refresh', body: { refreshToken: 'p1.f.first' } }]);
    expect(session.token).toBe(fresh);
    expect(renewed).toEqual(['wing-lead']);
    expect(kept.get('tayari.token')).toBe(fresh);
    // A socket that still used the old token only needs the new one.
    expect(await session.recover('token expired', old)).toBe('renewed');
    expect(await session.recover('access-revoked', fresh)).toBe('ended');
    expect(session.endedBecause).toBe('access-revoked');
    expect(await session.recover('token-stale', fresh)).toBe('ended');
    expect(session.endedBecause).toBe('refresh-reused');
    expect(kept.size).toBe(0);
    session.forget();
  });

  it('takes the token another tab has just renewed instead of spending the same refresh token again', async () => {
    const mine = jwt({ sub: 'p1', name: 'Meena', role: 'organiser', wing: 'adivasi', ver: 1, exp: 1000 });
    const theirs = jwt({ sub: 'p1', name: 'Meena', role: 'organiser', wing: 'adivasi', ver: 1, exp: 2000 });
    const { kept, sent } = browserish([]);
    kept.set('tayari.token', theirs);
    kept.set('tayari.refresh', JSON.stringify({ refreshToken: 'p1.f.second' }));
    const session = new Session({ token: mine, refreshToken: 'p1.f.first' });
    expect(await session.renew()).toBe('renewed');
    expect(session.token).toBe(theirs);
    expect(sent).toEqual([]);
    // A token as stale as this one is no help after a role change: the kept refresh token is spent instead.
    expect(await session.recover('token-stale', theirs)).toBe('unreachable');
    expect(sent).toEqual([{ path: '/api/auth/refresh', body: { refreshToken: 'p1.f.second' } }]);
    session.forget();
  });
});
