import { h } from '../dom';
import { Formats } from '../Formats';
import { t, type Lang, type MessageKey } from '../i18n';
import { Header } from '../views/Header';

/** What the sign-in page says: a message, the server's own words when it gave some, and a way to try again. */
export interface GateNotice {
  message: MessageKey;
  /** The server's `detail` (e.g. who to ask for a new link). */
  detail?: string;
  /** Shown as a "Try again" button. */
  retry?: () => void;
  /** A refusal (red) rather than a step on the way or a plain fact. */
  error?: boolean;
}

/** "…; ask प्रभारी Sharma for a new one" → "प्रभारी Sharma", so the page can say it in the person's language. */
function whoToAsk(detail: string | undefined): string | undefined {
  return detail?.match(/\bask (.+) for a new one\b/)?.[1];
}

/**
 * The page before (or after) a sign-in: what Tayari is and how to get in (issue 14), with the notice
 * of the moment, in the chosen language (the switch redraws it in the other).
 */
export function showGate(root: HTMLElement, lang: Lang, notice: GateNotice): void {
  document.documentElement.lang = lang;
  document.title = t(lang, 'appName');
  const header = new Header(lang, new Formats(lang), undefined, {
    switchLanguage: () => {
      const url = new URL(location.href);
      url.searchParams.set('lang', lang === 'en' ? 'hi' : 'en');
      history.replaceState(history.state, '', url);
      showGate(root, lang === 'en' ? 'hi' : 'en', notice);
    },
    signOut: () => undefined,
  });
  const who = whoToAsk(notice.detail);
  const other: Lang = lang === 'en' ? 'hi' : 'en';
  const retry = notice.retry && h('button', { type: 'button', className: 'btn gate-retry' }, t(lang, 'tryAgain'));
  if (retry && notice.retry) retry.addEventListener('click', notice.retry);
  const box = h(
    'div',
    { className: notice.error ? 'notice notice-error' : 'notice', role: 'alert' },
    h('p', { className: 'gate-message' }, t(lang, notice.message)),
    // A refusal is said in the other language too: a forwarded link may reach someone who reads only that one.
    notice.error ? h('p', { className: 'gate-other', lang: other }, t(other, notice.message)) : undefined,
    who
      ? h('p', { className: 'gate-ask' }, t(lang, 'askWho', { name: who }))
      : notice.detail
        ? h('p', { className: 'gate-detail', lang: 'en' }, notice.detail)
        : undefined,
    retry,
  );
  const about = h('div', { className: 'first-run' }, h('p', {}, t(lang, 'firstRunWhat')), h('p', {}, t(lang, 'firstRunHow')));
  root.replaceChildren(
    header.el,
    h('main', { id: 'main' }, h('section', { className: 'view view-gate' }, h('h2', { className: 'view-title' }, t(lang, 'appTagline')), about, box)),
  );
}
