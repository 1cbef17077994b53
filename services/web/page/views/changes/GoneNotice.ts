import { h, setText } from '../../dom';
import { t, type Lang } from '../../i18n';
import type { Sent } from '../../outbox/sendOrQueue';

let notice: { el: HTMLElement; text: HTMLElement } | undefined;

/** A page-wide notice, made once, dismissed by its button (or replaced by the next one). */
function noticeOf(lang: Lang): { el: HTMLElement; text: HTMLElement } {
  if (notice?.el.isConnected) return notice;
  const text = h('p', { className: 'gone-text' });
  const ok = h('button', { type: 'button', className: 'btn btn-quiet gone-ok' }, t(lang, 'dismiss'));
  const el = h('section', { className: 'gone-notice', role: 'alert', hidden: true }, text, ok);
  ok.addEventListener('click', () => {
    el.hidden = true;
  });
  document.body.append(el);
  notice = { el, text };
  return notice;
}

/**
 * A change on a card that was cancelled meanwhile (issue 14): the board read again no longer has the
 * card, and its own message would leave with it; this says it at page level, naming the card.
 * Answers whether there was anything to say.
 */
export function sayIfGone(lang: Lang, title: string, sent: Sent, words: string): boolean {
  if (sent.kind !== 'settled' || sent.report.kind !== 'cancelled') return false;
  const shown = noticeOf(lang);
  setText(shown.text, `“${title}”: ${words}`);
  shown.el.hidden = false;
  return true;
}
