import { App } from './App';
import { detectLang, type Lang } from './i18n';
import { showGate } from './session/Gate';
import { Session } from './session/Session';
import { endedMessage, redeemInvite, takeEnded, takeInvite } from './session/signIn';
import { forgetToken, keptTokens, takeToken, type Tokens } from './token';

/**
 * Opens the page as the person the tokens speak for. A token that has ended is renewed first when a
 * refresh token came with it (a phone that slept past the 12 hours); without one, or when the
 * renewal is refused, the sign-in page says why.
 */
async function startWith(root: HTMLElement, lang: Lang, tokens: Tokens): Promise<void> {
  const session = new Session(tokens);
  const claims = session.claims;
  if (!claims) {
    forgetToken();
    showGate(root, lang, { message: 'badToken', error: true });
    return;
  }
  if (claims.exp !== undefined && claims.exp * 1000 < Date.now()) {
    const outcome = tokens.refreshToken ? await session.renew() : 'ended';
    if (outcome === 'unreachable') {
      showGate(root, lang, { message: 'inviteOffline', error: true, retry: () => void startWith(root, lang, tokens) });
      return;
    }
    if (outcome === 'ended') {
      forgetToken();
      showGate(root, lang, { message: endedMessage(session.endedBecause ?? 'unauthorized'), error: true });
      return;
    }
  }
  session.start();
  new App(root, session, session.claims ?? claims, lang).start();
}

function boot(): void {
  // User Timing marks of the page's start (DevTools' Performance panel, the bench's page phase).
  performance.mark('tayari:boot');
  const root = document.getElementById('app');
  if (!root) return;
  const lang = detectLang(location.search, navigator.languages?.length ? navigator.languages : [navigator.language]);
  const code = takeInvite();
  if (code) {
    void redeemInvite(root, lang, code, (tokens) => void startWith(root, lang, tokens));
    return;
  }
  const token = takeToken();
  const ended = takeEnded();
  if (!token) {
    // Without a usable token there is nothing to show but how to get in (and why the last sign-in ended).
    showGate(root, lang, ended ? { message: endedMessage(ended), error: ended !== 'signed-out' } : { message: 'noToken' });
    return;
  }
  const kept = keptTokens();
  void startWith(root, lang, kept?.token === token ? kept : { token });
}

// Started from its own task rather than while the bundle's top level is still running: a stack
// captured then (DevTools' request initiators, error stacks) would re-parse the whole bundle.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else setTimeout(boot, 0);
