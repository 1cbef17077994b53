import { h, setAttr, setText } from '../dom';
import { t, type Lang } from '../i18n';
import type { ReadinessCounts } from '../types';

/** A readiness figure: the bar, the percent, the at-risk badge and the counts behind them. */
export class ReadinessMeter {
  readonly el: HTMLElement;
  private readonly percent = h('span', { className: 'meter-pct' });
  private readonly risk: HTMLElement;
  private readonly bar = h('progress', { max: 100, value: 0 });
  private readonly done = h('span', { className: 'num' });
  private readonly inProgress = h('span', { className: 'num' });
  private readonly blocked = h('span', { className: 'num' });
  private readonly overdue = h('span', { className: 'num' });
  private readonly progressItem: HTMLElement;
  private readonly blockedItem: HTMLElement;
  private readonly overdueItem: HTMLElement;

  /** `lead`: shown before the percent on the same line (a breakdown row's name). */
  constructor(
    private readonly lang: Lang,
    private readonly compact = false,
    lead?: HTMLElement,
  ) {
    this.risk = h('span', { className: 'badge badge-risk', hidden: true }, t(lang, 'atRisk'));
    this.blockedItem = h('li', { className: 'count count-blocked' }, this.blocked, ' ', t(lang, 'countBlocked'));
    this.overdueItem = h('li', { className: 'count count-overdue' }, this.overdue, ' ', t(lang, 'countOverdue'));
    this.el = h(
      'div',
      { className: compact ? 'meter meter-compact' : 'meter' },
      h('div', { className: 'meter-head' }, lead, this.percent, this.risk),
      this.bar,
      h(
        'ul',
        { className: 'counts' },
        h('li', { className: 'count count-done' }, this.done, ' ', t(lang, 'countDone')),
        (this.progressItem = h('li', { className: 'count count-progress' }, this.inProgress, ' ', t(lang, 'countInProgress'))),
        this.blockedItem,
        this.overdueItem,
      ),
    );
  }

  update(r: ReadinessCounts, label: string): void {
    setText(this.percent, t(this.lang, 'percentReady', { percent: r.percent }));
    this.bar.value = r.percent;
    setText(this.bar, `${r.percent}%`);
    setAttr(this.bar, 'aria-label', label);
    this.risk.hidden = !r.atRisk;
    setText(this.done, `${r.done}/${r.total}`);
    setText(this.inProgress, String(r.inProgress));
    setText(this.blocked, String(r.blocked));
    setText(this.overdue, String(r.overdue));
    // Small rows leave out the zeros: what is missing is what matters there.
    this.progressItem.hidden = this.compact && r.inProgress === 0;
    this.blockedItem.hidden = this.compact && r.blocked === 0;
    this.overdueItem.hidden = this.compact && r.overdue === 0;
    this.blockedItem.classList.toggle('count-alert', r.blocked > 0);
    this.overdueItem.classList.toggle('count-alert', r.overdue > 0);
    this.el.classList.toggle('meter-risk', r.atRisk);
  }
}
