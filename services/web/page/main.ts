import { App } from './App';
import { h } from './dom';
import { Formats } from './Formats';
import { detectLang, t, type Lang, type MessageKey } from './i18n';
import { claimsOf, forgetToken, takeToken } from './token';
import { Header } from './views/Header';

/** Without a usable token there is nothing to show but how to get in (in the chosen language). */
function showGate(root: HTMLElement, lang: Lang, message: MessageKey): void {
  document.documentElement.lang = lang;
  document.title = t(lang, 'appName');
  const header = new Header(lang, new Formats(lang), undefined, {
    switchLanguage: () => {
      const url = new URL(location.href);
      url.searchParams.set('lang', lang === 'en' ? 'hi' : 'en');
      history.replaceState(history.state, '', url);
      showGate(root, lang === 'en' ? 'hi' : 'en', message);
    },
    signOut: () => undefined,
  });
  const notice = h('p', { className: 'notice', role: 'alert' }, t(lang, message));
  // First run, no link yet: say what Tayari is and how to get in (issue 14), not only that something is missing.
  const about = h('div', { className: 'first-run' }, h('p', {}, t(lang, 'firstRunWhat')), h('p', {}, t(lang, 'firstRunHow')));
  root.replaceChildren(
    header.el,
    h('main', { id: 'main' }, h('section', { className: 'view' }, h('h2', { className: 'view-title' }, t(lang, 'appTagline')), about, notice)),
  );
}

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const lang = detectLang(location.search, navigator.languages?.length ? navigator.languages : [navigator.language]);
  const token = takeToken();
  if (!token) {
    showGate(root, lang, 'noToken');
    return;
  }
  const claims = claimsOf(token);
  if (!claims || (claims.exp !== undefined && claims.exp * 1000 < Date.now())) {
    forgetToken();
    showGate(root, lang, 'badToken');
    return;
  }
  new App(root, token, claims, lang).start();
}

boot();
