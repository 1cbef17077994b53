import { h, setAttr, setText } from '../../dom';
import { t } from '../../i18n';
import type { PageContext, View } from '../PageContext';
import { driveBoard } from '../routeBoards';
import { DriveRanking } from './DriveRanking';
import type { DriveBoardPayload } from '../../types';
import { EnrolForm } from './EnrolForm';
import { unitName, unitNames, type UnitNames } from './unitNames';

/**
 * One enrolment drive (SPEC v2, `#/drive/<id>`), live as `drive:<id>`: the total against the target,
 * the districts ranked (rank, name in the page's language, count against target, bar, met or missed),
 * the top enrollers and the enrolments per day; and, for those who enrol, the enrolment form.
 */
export class DriveView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards: readonly string[];
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly window = h('span', { className: 'muted drive-window' });
  private readonly closed = h('span', { className: 'badge badge-muted drive-closed', hidden: true });
  private readonly totalText = h('p', { className: 'drive-total-text' });
  private readonly totalPct = h('span', { className: 'meter-pct drive-total-pct' });
  private readonly totalBar = h('progress', { max: 100, value: 0 });
  private readonly ranking = new DriveRanking();
  private readonly enrollers = h('ol', { className: 'drive-enrollers' });
  private readonly perDay = h('ul', { className: 'drive-days' });
  private readonly body: HTMLElement;
  private readonly enrol: EnrolForm | undefined;
  private names: UnitNames | undefined;

  constructor(
    private readonly ctx: PageContext,
    id: string,
  ) {
    const { lang, claims } = ctx;
    const board = driveBoard(id);
    this.boards = [board];
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'drivesTitle'));
    // Aspirants hold organiser tokens; wing leads and in-charges enrol too (README "Who may do what").
    this.enrol = claims.role === 'observer' ? undefined : new EnrolForm(ctx, id, (position) => void ctx.refresh(board, position).catch(() => undefined));
    this.body = h(
      'div',
      { className: 'drive-body', hidden: true },
      h(
        'section',
        { className: 'panel drive-total meter', 'aria-label': t(lang, 'driveTotalLabel') },
        h('div', { className: 'meter-head' }, this.totalText, this.totalPct),
        this.totalBar,
      ),
      this.enrol?.el,
      h(
        'section',
        { className: 'panel drive-ranking' },
        h('h3', {}, t(lang, 'driveRanking')),
        h('p', { className: 'muted' }, t(lang, 'driveRankingIntro')),
        this.ranking.el,
      ),
      h('section', { className: 'panel drive-top' }, h('h3', {}, t(lang, 'driveEnrollers')), this.enrollers),
      h('section', { className: 'panel drive-per-day' }, h('h3', {}, t(lang, 'drivePerDay')), this.perDay),
    );
    this.el = h(
      'section',
      { className: 'view view-drive', 'data-drive-id': id },
      h('header', { className: 'view-head' }, this.heading, h('p', {}, this.window, ' ', this.closed)),
      this.status,
      this.body,
    );
    void unitNames(ctx.api)
      .then((names) => {
        this.names = names;
        this.render();
      })
      .catch(() => undefined);
  }

  render(): void {
    const { lang, fmt } = this.ctx;
    const key = this.boards[0] ?? '';
    const board = this.ctx.store.get(key)?.data as DriveBoardPayload | undefined;
    if (!board) {
      const load = this.ctx.loadState(key);
      setText(this.status, load === 'missing' ? t(lang, 'driveMissing') : load === 'error' ? t(lang, 'loadFailed') : t(lang, 'loading'));
      document.title = `${t(lang, 'drivesTitle')} · ${t(lang, 'appName')}`;
      return;
    }
    setText(this.status, '');
    this.body.hidden = false;
    const now = this.ctx.now();
    document.title = `${board.drive.title} · ${t(lang, 'appName')}`;
    setText(this.heading, board.drive.title);
    setText(this.window, t(lang, 'driveWindow', { from: fmt.when(board.drive.startsAt, now), to: fmt.when(board.drive.endsAt, now) }));
    this.closed.hidden = !board.drive.closed;
    setText(this.closed, t(lang, 'driveClosed'));
    setText(this.totalText, t(lang, 'driveTotal', { total: board.total, target: board.target }));
    setText(this.totalPct, `${board.percent}%`);
    this.totalBar.value = Math.min(board.percent, 100);
    setText(this.totalBar, `${board.percent}%`);
    setAttr(this.totalBar, 'aria-label', t(lang, 'driveTotalLabel'));
    this.ranking.update(lang, board, this.names, now);
    this.showEnrollers(board);
    this.showDays(board);
    if (this.enrol) {
      // Enrolling is refused outside the drive's window and after its close: no form then.
      const open = !board.drive.closed && Date.parse(board.drive.startsAt) <= now.getTime() && now.getTime() < Date.parse(board.drive.endsAt);
      this.enrol.el.hidden = !open;
      const units = Object.entries(board.byUnit)
        .filter(([, count]) => count.target > 0)
        .map(([code]) => ({ value: code, label: unitName(this.names, code, lang) }))
        .sort((a, b) => a.label.localeCompare(b.label, lang));
      this.enrol.update(units);
    }
  }

  private showEnrollers(board: DriveBoardPayload): void {
    const { lang } = this.ctx;
    const items = board.byEnroller.map((e) =>
      h('li', { className: 'drive-enroller' }, h('span', { className: 'drive-enroller-name' }, e.name), ' ', h('strong', {}, String(e.enrolled))),
    );
    this.enrollers.replaceChildren(...(items.length > 0 ? items : [h('li', { className: 'muted' }, t(lang, 'driveEnrollersNone'))]));
  }

  private showDays(board: DriveBoardPayload): void {
    const { lang } = this.ctx;
    const most = Math.max(1, ...board.perDay.map((d) => d.enrolled));
    const items = board.perDay.map((d) =>
      h(
        'li',
        { className: 'drive-day meter meter-compact', 'data-date': d.date },
        h('span', { className: 'drive-day-date' }, this.ctx.fmt.dayMonth(d.date)),
        h('progress', { max: most, value: d.enrolled, 'aria-hidden': 'true' }),
        h('strong', { className: 'drive-day-count' }, String(d.enrolled)),
      ),
    );
    this.perDay.replaceChildren(...(items.length > 0 ? items : [h('li', { className: 'muted' }, t(lang, 'drivePerDayNone'))]));
  }
}
