import type { Lang, MessageKey } from '../i18n';
import { claimsOf, keepTokens, keptTokens, landingOf, type Tokens } from '../token';
import { authPost } from './authCalls';
import { showGate } from './Gate';

/** Why the last sign-in on this page ended, kept across the reload that follows (this tab only). */
const ENDED_KEY = 'tayari.ended';

/** The message the sign-in page shows after a sign-in ended for `reason` (a problem type, or `signed-out`). */
export function endedMessage(reason: string): MessageKey {
  if (reason === 'access-revoked') return 'accessRevoked';
  if (reason === 'refresh-reused') return 'refreshReused';
  if (reason === 'signed-out') return 'signedOut';
  if (reason.startsWith('refresh-') || reason === 'token-stale' || reason === 'person-unknown') return 'signInAgain';
  return 'badToken';
}

/** Notes why the sign-in ended, for the page that the reload brings (which then shows it once). */
export function noteEnded(reason: string): void {
  try {
    sessionStorage.setItem(ENDED_KEY, reason);
  } catch {
    // without storage the sign-in page says only that a link is needed
  }
}

export function takeEnded(): string | undefined {
  try {
    const reason = sessionStorage.getItem(ENDED_KEY) ?? undefined;
    sessionStorage.removeItem(ENDED_KEY);
    return reason;
  } catch {
    return undefined;
  }
}

/** The invitation code of a `#invite=<code>` link; the fragment leaves the address bar and the history at once. */
export function takeInvite(): string | undefined {
  const fragment = location.hash.replace(/^#/, '');
  const code = new URLSearchParams(fragment.startsWith('/') ? '' : fragment).get('invite');
  if (!code) return undefined;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
  return code;
}

const REFUSED: Readonly<Record<string, MessageKey>> = {
  'invitation-used': 'inviteUsed',
  'invitation-expired': 'inviteExpired',
  'rate-limited': 'inviteBusy',
};

const fresh = (tokens: Tokens) => {
  const exp = claimsOf(tokens.token)?.exp;
  return exp === undefined || exp * 1000 > Date.now() || tokens.refreshToken !== undefined;
};

/**
 * Redeems an invitation link (SPEC v2 "people and access"): the tokens are kept and `start` opens the
 * page where the person lands. A used or expired link says so, and whom to ask (the server's
 * `detail`); the same person opening their own used link again on a device where they are signed in
 * simply carries on. Without a connection the code is kept in memory for "Try again".
 */
export async function redeemInvite(root: HTMLElement, lang: Lang, code: string, start: (tokens: Tokens) => void): Promise<void> {
  showGate(root, lang, { message: 'signingIn' });
  const again = () => void redeemInvite(root, lang, code, start);
  const answer = await authPost('/api/auth/redeem', { code });
  if (answer.kind === 'ok') {
    keepTokens(answer.tokens);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${landingOf(answer.tokens.token)}`);
    start(answer.tokens);
    return;
  }
  if (answer.kind === 'refused') {
    const kept = keptTokens();
    if (answer.rule === 'invitation-used' && kept && claimsOf(kept.token)?.sub === code.split('.')[0] && fresh(kept)) {
      start(kept);
      return;
    }
    const message = REFUSED[answer.rule] ?? 'inviteUnknown';
    const detail = answer.status === 410 ? { detail: answer.detail } : {};
    showGate(root, lang, { message, ...detail, error: true, ...(answer.status === 429 ? { retry: again } : {}) });
    return;
  }
  showGate(root, lang, { message: 'inviteOffline', error: true, retry: again });
}
