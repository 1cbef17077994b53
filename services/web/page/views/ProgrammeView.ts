import { h, Keyed, setText } from '../dom';
import { t } from '../i18n';
import { hrefOf, type CardScope } from '../route';
import { ownWingOf } from '../token';
import type { BoardFilter, Card, ProgrammeBoardPayload, ProgrammeBoardPreview, Stop, TaskStatus } from '../types';
import { BreakdownList } from './BreakdownList';
import { ActivityPanel } from './changes/ActivityPanel';
import { SeenMarks } from './changes/SeenMarks';
import { Column, FIRST_DRAW, STACKED_COLUMNS } from './Column';
import { FilterBar } from './FilterBar';
import { CardGroups } from './CardGroups';
import { DutiesPanel } from './DutiesPanel';
import { keepFocus } from './keepFocus';
import { ProgrammeForms } from './ProgrammeForms';
import type { PageContext, View } from './PageContext';
import { stopBreakdown, wingBreakdown } from './programmeBreakdowns';
import { renderProgrammeFacts } from './programmeFacts';
import { ReadinessMeter } from './ReadinessMeter';
import { programmeBoards } from './routeBoards';
import { whenLine } from './whenLine';
import { programmeCountLinks } from './countLinks';
import { programmeCsv } from './report/boardCsv';
import { ReportTools } from './report/ReportTools';
import { ScopeBar } from './ScopeBar';
import { SinceLastMeeting } from './SinceLastMeeting';
import { TASK_STATUSES } from '@tayari/shared/contract/domain';
import { TaskCardView } from './TaskCardView';

const stopName = (stop: Stop) => stop.place;

/** The latest the follow-up redraw comes, frames or not. */
const FOLLOW_UP_LATEST_MS = 300;

/** The board as held: whole, or (a first read) each column's first cards with the columns' counts. */
type ShownBoard = ProgrammeBoardPayload & Partial<Pick<ProgrammeBoardPreview, 'columnTotals'>>;

/** A programme's task board: what it is, how ready (overall, by stop, by wing), its four columns and its duties. */
export class ProgrammeView implements View {
  readonly el: HTMLElement;
  readonly heading = h('h2', { className: 'view-title', tabindex: -1 });
  readonly boards: readonly string[];
  /** The board key shown: the programme's board, narrowed by the address's filter and, for a wing's people, to their wing. */
  private readonly board: string;
  /** The same programme's board under other choices, if held: its programme and readiness are the same (SPEC: readiness is the whole programme's whatever the filter). */
  private readonly otherBoards: readonly string[];
  private readonly scopeBar: ScopeBar | undefined;
  private readonly filterBar: FilterBar;
  private readonly forms: ProgrammeForms;
  private followUp = false;
  private readonly report: ReportTools;
  /** Shown in place of the cards while the chosen board is on its way. */
  private readonly cardsLoading = h('p', { className: 'notice cards-loading', role: 'status', hidden: true });
  private readonly columnsEl: HTMLElement;
  private readonly duties: DutiesPanel;
  private readonly kind = h('span', { className: 'chip chip-kind' });
  private readonly cancelled = h('span', { className: 'badge badge-muted', hidden: true });
  private readonly when = h('p', { className: 'when' });
  private readonly facts = h('dl', { className: 'facts' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly body: HTMLElement;
  private readonly meter: ReadinessMeter;
  private readonly columns: Record<TaskStatus, Column>;
  /** On a phone the columns stack: these jump to one (hidden where the columns sit side by side). */
  private readonly jumps: HTMLElement;
  private readonly cards: Keyed<Card, TaskCardView>;
  private readonly byWing: BreakdownList;
  private readonly byStop: BreakdownList;
  private readonly overview: HTMLElement;
  private readonly agenda = h('section', { className: 'panel panel-agenda', hidden: true });
  private readonly seen: SeenMarks;
  private readonly activity: ActivityPanel;
  private readonly groups = new CardGroups();
  /** A meeting of a series: the earlier meetings' follow-ups, above its own cards. */
  private readonly series: SinceLastMeeting;

  constructor(
    private readonly ctx: PageContext,
    route: { id: string; cards?: CardScope; filter?: BoardFilter },
  ) {
    const { lang } = ctx;
    const { id } = route;
    const wing = ownWingOf(ctx.claims);
    const { board, otherBoards, scope, filter } = programmeBoards(ctx.claims, route);
    this.board = board;
    this.otherBoards = otherBoards;
    this.boards = [this.board];
    const withFilter = route.filter ? { filter: route.filter } : {};
    this.scopeBar =
      wing === undefined
        ? undefined
        : new ScopeBar(ctx, scope, wing, (chosen) =>
            ctx.replaceRoute({ view: 'programme', id, ...(chosen === 'all' ? { cards: 'all' as const } : {}), ...withFilter }),
          );
    this.filterBar = new FilterBar(ctx, route.filter ?? {}, { wings: scope === 'all', stops: true }, (chosen) =>
      ctx.replaceRoute({ view: 'programme', id, ...(route.cards ? { cards: route.cards } : {}), ...(chosen ? { filter: chosen } : {}) }),
    );
    this.meter = new ReadinessMeter(lang);
    // "Done" starts folded unless it is what was asked for.
    const doneFolded = !(filter.status?.includes('done') ?? false);
    const more = () => this.render();
    // On a phone the columns stand one under another and the first screen ends above the second:
    // the first frame draws the first column's first cards only, the others come in the frame after.
    const stacked = matchMedia(STACKED_COLUMNS).matches;
    const column = (status: TaskStatus, folded = false) =>
      new Column(ctx, status, { folded, first: stacked && status !== 'todo' ? 0 : FIRST_DRAW, wantMore: more, later: () => this.soon() });
    this.columns = { todo: column('todo'), in_progress: column('in_progress'), blocked: column('blocked'), done: column('done', doneFolded) };
    this.seen = new SeenMarks(ctx, id, more);
    this.activity = new ActivityPanel(ctx, id);
    this.jumps = h(
      'nav',
      { className: 'jumps', 'aria-label': t(lang, 'jumpTo') },
      ...TASK_STATUSES.map((s) => {
        const button = h('button', { type: 'button', className: 'btn btn-quiet jump' }, this.columns[s].label);
        button.addEventListener('click', () => this.columns[s].reveal());
        return button;
      }),
    );
    this.cards = new Keyed(
      (card: Card) => card.id,
      (card) => new TaskCardView(ctx, this.board, card),
    );
    this.duties = new DutiesPanel(ctx, this.board);
    this.byWing = new BreakdownList(lang, t(lang, 'byWing'), 'panel-by-wing');
    this.byStop = new BreakdownList(lang, t(lang, 'byStop'), 'panel-by-stop');
    this.overview = h(
      'div',
      { className: 'overview' },
      h('section', { className: 'panel panel-summary', 'aria-label': t(lang, 'readinessTitle') }, this.meter.el),
      this.byStop.el,
      this.byWing.el,
    );
    this.columnsEl = h('div', { className: 'columns' }, ...TASK_STATUSES.map((s) => this.columns[s].el));
    setText(this.cardsLoading, t(lang, 'loading'));
    this.series = new SinceLastMeeting(ctx, this.board);
    this.report = new ReportTools(ctx, () => {
      const data = this.data(this.board);
      // Only the whole board: not its first cards.
      return data && ctx.store.holdsWhole(this.board) ? programmeCsv(ctx, data) : undefined;
    });
    // Overview first (how ready, where it lags), then the board, then the duties and the agenda.
    const side = h('div', { className: 'side' }, this.duties.el, this.agenda, this.activity.el);
    this.forms = new ProgrammeForms(ctx, this.board, id, { todo: this.columns.todo, duties: this.duties.list, side });
    this.body = h(
      'div',
      { className: 'programme-body', hidden: true },
      this.overview,
      this.series.el,
      h(
        'section',
        { className: 'board', 'aria-labelledby': `board-title-${id}` },
        h('h3', { className: 'board-title', id: `board-title-${id}` }, t(lang, 'taskBoard')),
        this.scopeBar?.el,
        this.filterBar.el,
        this.seen.el,
        this.jumps,
        this.cardsLoading,
        this.columnsEl,
      ),
      side,
    );
    this.el = h(
      'section',
      { className: 'view view-programme' },
      h('p', { className: 'crumbs' }, h('a', { href: hrefOf({ view: 'readiness' }) }, `← ${t(lang, 'backToAll')}`)),
      h(
        'header',
        { className: 'view-head' },
        this.report.stamp,
        h('p', { className: 'kind-line' }, this.kind, ' ', this.cancelled),
        this.heading,
        this.when,
        this.facts,
        this.report.el,
      ),
      this.status,
      this.body,
    );
  }

  /**
   * One redraw just after the frame being drawn, for everything that waits for it (the columns' rest
   * of their first page, the forms).
   */
  private soon(): void {
    if (this.followUp) return;
    this.followUp = true;
    const run = () => {
      if (!this.followUp) return;
      this.followUp = false;
      this.forms.make();
      this.el.dataset.forms = 'made'; // what the view does not offer is told from what is not made yet
      this.render();
    };
    // After the frame being drawn; a page whose frames are held back (a tab in the background) gets it anyway.
    requestAnimationFrame(() => setTimeout(run, 0));
    setTimeout(run, FOLLOW_UP_LATEST_MS);
  }

  private data(key: string | undefined): ShownBoard | undefined {
    return key === undefined ? undefined : (this.ctx.store.get(key)?.data as ShownBoard | undefined);
  }

  render(): void {
    const { lang } = this.ctx;
    const data = this.data(this.board);
    // Just after switching between one's wing's cards and all cards, the other board (held) still
    // tells what the programme is and how ready: only the cards and duties wait for their own board.
    const whole = data ?? this.otherBoards.map((key) => this.data(key)).find((held) => held !== undefined);
    const load = this.ctx.loadState(this.board);
    this.scopeBar?.render();
    if (!whole) {
      setText(this.heading, load === 'missing' ? t(lang, 'programmeMissing') : t(lang, 'loading'));
      setText(this.status, load === 'error' ? t(lang, 'loadFailed') : '');
      this.body.hidden = true;
      return;
    }
    setText(this.status, '');
    this.body.hidden = false;
    if (!this.forms.made) this.soon();
    const p = whole.programme;
    document.title = `${p.title} · ${t(lang, 'appName')}`;
    setText(this.heading, p.title);
    setText(this.kind, t(lang, p.kind));
    this.cancelled.hidden = p.status !== 'cancelled';
    setText(this.cancelled, t(lang, 'cancelled'));
    setText(this.when, whenLine(this.ctx, p.startsAt, p.endsAt, p.timeZone));
    renderProgrammeFacts(this.ctx, p, this.facts, this.agenda);
    this.forms.showProgramme(p);
    this.meter.update(whole.readiness, t(lang, 'readinessOf', { name: p.title }), programmeCountLinks(p.id));
    this.renderBreakdowns(whole);
    keepFocus(this.el, () => this.series.update(whole.series, p.timeZone));
    this.columnsEl.hidden = this.jumps.hidden = this.duties.el.hidden = !data;
    // What the cards are drawn from (tests wait for the whole board before they act on it).
    this.el.dataset.board = !data ? 'none' : this.ctx.store.holdsWhole(this.board) ? 'whole' : 'preview';
    this.cardsLoading.hidden = !!data;
    setText(this.cardsLoading, load === 'error' ? t(lang, 'loadFailed') : t(lang, 'loading'));
    if (data) this.renderCards(data);
  }

  /** The columns and the duties, from the chosen board only (never mixed with the other). */
  private renderCards(data: ShownBoard): void {
    const p = data.programme;
    this.forms.showAdding(p);
    const stops = new Map<string, Stop>(p.kind === 'tour' ? p.stops.map((s) => [s.id, s]) : []);
    const placeOf = (stopId: string | undefined) => {
      const stop = stopId ? stops.get(stopId) : undefined;
      return { ...(stop ? { stopName: stopName(stop) } : {}), timeZone: p.timeZone };
    };
    const groups = this.groups.of(data.cards, this.ctx.store.get(this.board)?.log);
    const { columns, assignees } = groups;
    // A preview (each column's first cards) counts its columns whole; the whole board counts itself.
    const totals = this.ctx.store.holdsWhole(this.board) ? undefined : data.columnTotals;
    const total = (s: TaskStatus) => totals?.[s] ?? columns[s].length;
    this.filterBar.update(
      TASK_STATUSES.reduce((sum, s) => sum + total(s), 0),
      assignees.keys(),
      p.kind === 'tour' ? p.stops.map((stop) => ({ id: stop.id, name: stopName(stop) })) : [],
    );
    // What changed since the last look is judged on the whole board only.
    if (!totals) this.seen.look(groups);
    this.activity.follow(this.ctx.store.get(this.board)?.position, p.timeZone, data);
    keepFocus(this.el, () => {
      // One set of card views for all columns, so a card that changes column keeps its view; only
      // each column's first cards get one (a long board stays fast), the counts are the whole column's.
      const drawn = TASK_STATUSES.map((s) => columns[s].slice(0, this.columns[s].shown(columns[s].length)));
      const views = this.cards.take(drawn.flat());
      let at = 0;
      for (const [i, s] of TASK_STATUSES.entries()) {
        const inColumn = views.slice(at, (at += drawn[i]?.length ?? 0)).map(([card, view]) => {
          view.update(card, { ...placeOf(card.stopId), changed: this.seen.changeOf(card) });
          return view;
        });
        this.columns[s].show(inColumn, total(s));
      }
      this.duties.update(data.responsibilities, placeOf);
    });
  }

  /** Readiness by wing and by stop: the whole programme's, whichever cards are shown. */
  private renderBreakdowns(data: ProgrammeBoardPayload): void {
    // The first frame (forms not made yet) leaves folded breakdowns for the draw just after it.
    const later = !this.forms.made;
    this.byWing.update(wingBreakdown(this.ctx, data), later);
    const byStop = stopBreakdown(this.ctx, data);
    this.overview.classList.toggle('overview-stops', byStop.length > 0);
    this.byStop.update(byStop, later);
  }
}
