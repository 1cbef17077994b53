import { h, setText } from '../../dom';
import { t } from '../../i18n';
import { activityText, learnNames, type HistoryNames } from '../../history/activityText';
import { historyOf, type ProgrammeHistory } from '../../history/ProgrammeHistory';
import type { PageContext } from '../PageContext';

/** Events listed at first, and added per "show older". */
const PAGE = 25;

/**
 * A programme's activity (issue 14): its history as sentences, latest first, read when the panel is
 * first opened and followed as the board moves on. The history read pages oldest first (`after`),
 * so it is read to its end before the latest can be shown; "show older" then reveals more of it.
 */
export class ActivityPanel {
  readonly el: HTMLDetailsElement;
  private readonly list = h('ol', { className: 'activity-list' });
  private readonly state = h('p', { className: 'muted activity-state', role: 'status' });
  private readonly older: HTMLButtonElement;
  private readonly names: HistoryNames = { tasks: new Map(), stops: new Map(), duties: new Map() };
  private learned = 0;
  private shown = PAGE;
  private history: ProgrammeHistory | undefined;
  private stop: (() => void) | undefined;
  private position: string | undefined;
  private timeZone: string | undefined;

  constructor(
    private readonly ctx: PageContext,
    private readonly programmeId: string,
  ) {
    this.older = h('button', { type: 'button', className: 'btn btn-quiet activity-older', hidden: true });
    this.older.addEventListener('click', () => {
      this.shown += PAGE;
      this.draw();
    });
    this.el = h(
      'details',
      { className: 'panel panel-activity' },
      h('summary', { className: 'activity-title' }, t(ctx.lang, 'activity')),
      this.state,
      this.list,
      this.older,
    );
    this.el.addEventListener('toggle', () => {
      if (this.el.open) this.open();
    });
  }

  /** The board moved on (or was first read) at `position`: an open list reads what came since. */
  follow(position: string | undefined, timeZone: string | undefined): void {
    this.timeZone = timeZone;
    if (position === undefined || position === this.position) return;
    this.position = position;
    if (this.el.open && this.history?.complete) void this.history.catchUp(position);
  }

  private open(): void {
    const history = (this.history ??= historyOf(this.ctx.api, this.programmeId));
    this.stop ??= history.onChange(() => {
      // A view left behind (another filter makes a new one) stops listening.
      if (!this.el.isConnected) this.stop?.();
      else this.draw();
    });
    void history.catchUp(this.position);
    this.draw();
  }

  private draw(): void {
    const history = this.history;
    if (!history) return;
    const { lang, fmt, wings } = this.ctx;
    const { events } = history;
    for (; this.learned < events.length; this.learned++) {
      const event = events[this.learned];
      if (event) learnNames(this.names, event);
    }
    const ready = history.complete;
    setText(this.state, history.failed ? t(lang, 'activityFailed') : !ready ? t(lang, 'activityLoading') : events.length === 0 ? t(lang, 'activityEmpty') : '');
    this.state.hidden = this.state.textContent === '';
    if (!ready) return;
    const now = this.ctx.now();
    const latest = events.slice(-this.shown).reverse();
    this.list.replaceChildren(
      ...latest.map((event) =>
        h(
          'li',
          { className: 'activity-item', 'data-position': event.position, 'data-type': event.type },
          h('span', { className: 'activity-text' }, activityText(lang, fmt, wings, this.names, event, now, this.timeZone)),
          ' ',
          h('time', { className: 'activity-when muted', datetime: event.at }, fmt.when(event.at, now, this.timeZone)),
        ),
      ),
    );
    const left = events.length - latest.length;
    this.older.hidden = left <= 0;
    setText(this.older, t(lang, 'showOlder', { n: Math.min(left, PAGE) }));
  }
}
