import { h, Keyed, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import { hrefOf } from '../route';
import type { FollowUpCard, SeriesSection } from '../types';
import type { PageContext } from './PageContext';
import { seriesFollowUps } from './seriesFollowUps';
import { TaskCardView } from './TaskCardView';

/**
 * "Since the last meeting", above a meeting's own cards when it belongs to a series (SPEC v2): the
 * previous meeting, how its follow-ups stand (done, still open, overdue), and the follow-up cards,
 * open ones first, each naming the meeting it came from and its wing. The cards are the tasks
 * themselves: whoever may work on them can move them from here.
 */
export class SinceLastMeeting {
  readonly el: HTMLElement;
  private readonly previous = h('p', { className: 'series-previous' });
  private readonly done = h('li', { className: 'count series-done' });
  private readonly open = h('li', { className: 'count series-open' });
  private readonly overdue = h('li', { className: 'count series-overdue' });
  private readonly list = h('div', { className: 'follow-ups' });
  private readonly empty: HTMLElement;
  private readonly cards: Keyed<FollowUpCard, TaskCardView>;

  constructor(
    private readonly ctx: PageContext,
    board: string,
  ) {
    const { lang } = ctx;
    this.cards = new Keyed(
      (card: FollowUpCard) => card.id,
      (card) => new TaskCardView(ctx, board, card),
    );
    this.empty = h('p', { className: 'muted' }, t(lang, 'noFollowUps'));
    this.el = h(
      'section',
      { className: 'panel panel-series', hidden: true, 'aria-label': t(lang, 'sinceLastMeeting') },
      h('h3', {}, t(lang, 'sinceLastMeeting')),
      this.previous,
      h('ul', { className: 'counts series-counts' }, this.done, this.open, this.overdue),
      this.list,
      this.empty,
    );
  }

  update(series: SeriesSection | undefined, timeZone: string): void {
    this.el.hidden = series === undefined;
    if (!series) return;
    const { lang, fmt } = this.ctx;
    const now = this.ctx.now();
    const { previous, counts } = series;
    if (previous) {
      const when = fmt.when(previous.startsAt, now, timeZone);
      this.previous.replaceChildren(h('a', { href: hrefOf({ view: 'programme', id: previous.id }) }, t(lang, 'lastMeeting', { title: previous.title, when })));
    } else setText(this.previous, t(lang, 'seriesFirst'));
    setText(this.done, t(lang, 'seriesDone', { n: counts.done }));
    setText(this.open, t(lang, 'seriesOpen', { n: counts.open }));
    setText(this.overdue, t(lang, 'seriesOverdue', { n: counts.overdue }));
    this.overdue.classList.toggle('count-alert', counts.overdue > 0);
    const views = this.cards.take(seriesFollowUps(series));
    for (const [card, view] of views) {
      const from = t(lang, 'followUpFrom', { meeting: card.meetingTitle, when: fmt.when(card.meetingStartsAt, now, timeZone) });
      view.update(card, { programme: { id: card.programmeId, title: from }, showStatus: true, timeZone });
    }
    syncChildren(
      this.list,
      views.map(([, view]) => view.el),
    );
    this.empty.hidden = views.length > 0;
  }
}
