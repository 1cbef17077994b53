import { h, setText } from '../../dom';
import { t } from '../../i18n';
import { activityText, learnNames, namesOfBoard, type HistoryNames } from '../../history/activityText';
import { HISTORY_PAGE, historyOf, type ProgrammeHistory } from '../../history/ProgrammeHistory';
import type { ProgrammeBoardPayload } from '../../types';
import type { PageContext } from '../PageContext';

/**
 * A programme's activity (issue 14): its history as sentences, latest first, read when the panel is
 * first opened and followed as the board moves on. Only the newest page is read at first (the
 * history reads newest first); "Show earlier" shows the next page, read when it is not held yet.
 */
export class ActivityPanel {
  readonly el: HTMLDetailsElement;
  private readonly list = h('ol', { className: 'activity-list' });
  private readonly state = h('p', { className: 'muted activity-state', role: 'status' });
  private readonly earlier: HTMLButtonElement;
  private shown = HISTORY_PAGE;
  private history: ProgrammeHistory | undefined;
  private stop: (() => void) | undefined;
  private position: string | undefined;
  private timeZone: string | undefined;
  /** The board, whose names for tasks, duties and stops name events older than those held (read when drawing, not on every board change). */
  private board: ProgrammeBoardPayload | undefined;

  constructor(
    private readonly ctx: PageContext,
    private readonly programmeId: string,
  ) {
    this.earlier = h('button', { type: 'button', className: 'btn btn-quiet activity-earlier', hidden: true });
    this.earlier.addEventListener('click', () => this.showEarlier());
    this.el = h(
      'details',
      { className: 'panel panel-activity' },
      h('summary', { className: 'activity-title' }, t(ctx.lang, 'activity')),
      this.state,
      this.list,
      this.earlier,
    );
    this.el.addEventListener('toggle', () => {
      if (this.el.open) this.open();
    });
  }

  /** The board moved on (or was first read) at `position`: an open list reads what came since. */
  follow(position: string | undefined, timeZone: string | undefined, board?: ProgrammeBoardPayload): void {
    this.timeZone = timeZone;
    if (board) this.board = board;
    if (position === undefined || position === this.position) return;
    this.position = position;
    if (this.el.open && this.history?.ready) void this.history.catchUp(position);
  }

  private open(): void {
    const history = (this.history ??= historyOf(this.ctx.api, this.programmeId));
    this.stop ??= history.onChange(() => {
      // A view left behind (another filter makes a new one) stops listening.
      if (!this.el.isConnected) {
        this.stop?.();
        this.stop = undefined;
      } else this.draw();
    });
    void history.catchUp(this.position);
    this.draw();
  }

  /** One page more: from those held when there are, else read from the server. */
  private showEarlier(): void {
    const history = this.history;
    if (!history) return;
    // Past what is held (a read that failed), a click asks for the next page, not one more after it.
    this.shown = Math.min(this.shown, history.events.length) + HISTORY_PAGE;
    if (history.events.length < this.shown && !history.reachedStart) void history.readEarlier();
    this.draw();
  }

  private draw(): void {
    const history = this.history;
    if (!history) return;
    const { lang, fmt, wings } = this.ctx;
    const { events, ready } = history;
    const names: HistoryNames = this.board ? namesOfBoard(this.board) : { tasks: new Map(), stops: new Map(), duties: new Map() };
    for (const event of events) learnNames(names, event);
    const failed = history.failed ? t(lang, ready ? 'earlierFailed' : 'activityFailed') : '';
    setText(this.state, failed || (!ready ? t(lang, 'activityLoading') : events.length === 0 ? t(lang, 'activityEmpty') : ''));
    this.state.hidden = this.state.textContent === '';
    if (!ready) return;
    const now = this.ctx.now();
    const latest = events.slice(-this.shown).reverse();
    this.list.replaceChildren(
      ...latest.map((event) =>
        h(
          'li',
          { className: 'activity-item', 'data-position': event.position, 'data-type': event.type },
          h('span', { className: 'activity-text' }, activityText(lang, fmt, wings, names, event, now, this.timeZone)),
          ' ',
          h('time', { className: 'activity-when muted', datetime: event.at }, fmt.when(event.at, now, this.timeZone)),
        ),
      ),
    );
    this.earlier.hidden = latest.length === events.length && history.reachedStart;
    this.earlier.disabled = history.readingEarlier;
    setText(this.earlier, t(lang, history.readingEarlier ? 'earlierLoading' : 'showEarlier'));
  }
}
