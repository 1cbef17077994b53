import { h, setAttr, setText } from '../dom';
import { t, type Lang, type MessageKey } from '../i18n';
import type { ReadinessCounts } from '../types';

/** Where each count leads: the filtered list it counts (issue 14: every count is a link). */
export interface CountLinks {
  done?: string;
  inProgress?: string;
  blocked?: string;
  overdue?: string;
}

/** One "5 blocked": the number and its word, a link when there is a list to go to. */
class CountItem {
  readonly el: HTMLElement;
  readonly num = h('span', { className: 'num' });
  private readonly link = h('a', { className: 'count-link' });
  private readonly plain = h('span', {});

  constructor(className: string, lang: Lang, word: MessageKey) {
    this.plain.append(this.num, ' ', t(lang, word));
    this.el = h('li', { className: `count ${className}` }, this.plain);
  }

  show(text: string, href: string | undefined): void {
    setText(this.num, text);
    const holder = href ? this.link : this.plain;
    if (href) setAttr(this.link, 'href', href);
    if (this.el.firstChild !== holder) {
      holder.replaceChildren(...Array.from((holder === this.link ? this.plain : this.link).childNodes));
      this.el.replaceChildren(holder);
    }
  }
}

/** A readiness figure: the bar, the percent, the at-risk badge and the counts behind them. */
export class ReadinessMeter {
  readonly el: HTMLElement;
  private readonly percent = h('span', { className: 'meter-pct' });
  private readonly risk: HTMLElement;
  private readonly bar = h('progress', { max: 100, value: 0 });
  private readonly done: CountItem;
  private readonly inProgress: CountItem;
  private readonly blocked: CountItem;
  private readonly overdue: CountItem;

  /** `lead`: shown before the percent on the same line (a breakdown row's name). */
  constructor(
    private readonly lang: Lang,
    private readonly compact = false,
    lead?: HTMLElement,
  ) {
    this.risk = h('span', { className: 'badge badge-risk', hidden: true }, t(lang, 'atRisk'));
    this.done = new CountItem('count-done', lang, 'countDone');
    this.inProgress = new CountItem('count-progress', lang, 'countInProgress');
    this.blocked = new CountItem('count-blocked', lang, 'countBlocked');
    this.overdue = new CountItem('count-overdue', lang, 'countOverdue');
    this.el = h(
      'div',
      { className: compact ? 'meter meter-compact' : 'meter' },
      h('div', { className: 'meter-head' }, lead, this.percent, this.risk),
      this.bar,
      h('ul', { className: 'counts' }, this.done.el, this.inProgress.el, this.blocked.el, this.overdue.el),
    );
  }

  update(r: ReadinessCounts, label: string, links: CountLinks = {}): void {
    setText(this.percent, t(this.lang, 'percentReady', { percent: r.percent }));
    this.bar.value = r.percent;
    setText(this.bar, `${r.percent}%`);
    setAttr(this.bar, 'aria-label', label);
    this.risk.hidden = !r.atRisk;
    this.done.show(`${r.done}/${r.total}`, links.done);
    this.inProgress.show(String(r.inProgress), links.inProgress);
    // A zero leads nowhere worth going.
    this.blocked.show(String(r.blocked), r.blocked > 0 ? links.blocked : undefined);
    this.overdue.show(String(r.overdue), r.overdue > 0 ? links.overdue : undefined);
    // Small rows leave out the zeros: what is missing is what matters there.
    this.inProgress.el.hidden = this.compact && r.inProgress === 0;
    this.blocked.el.hidden = this.compact && r.blocked === 0;
    this.overdue.el.hidden = this.compact && r.overdue === 0;
    this.blocked.el.classList.toggle('count-alert', r.blocked > 0);
    this.overdue.el.classList.toggle('count-alert', r.overdue > 0);
    this.el.classList.toggle('meter-risk', r.atRisk);
  }
}
