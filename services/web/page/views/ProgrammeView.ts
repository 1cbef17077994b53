import { byOrder } from '../byOrder';
import { columnsOf } from '../columnsOf';
import { h, Keyed, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import { hrefOf } from '../route';
import type { BoardProgramme, Card, ProgrammeBoardPayload, ResponsibilityItem, Stop, TaskStatus } from '../types';
import { BreakdownList, type BreakdownEntry } from './BreakdownList';
import { keepFocus } from './keepFocus';
import type { PageContext, View } from './PageContext';
import { ReadinessMeter } from './ReadinessMeter';
import { ResponsibilityRow } from './ResponsibilityRow';
import { statusKey, STATUSES, TaskCardView } from './TaskCardView';
import { whenLine } from './whenLine';

/** One status column of the board. */
class Column {
  readonly el: HTMLElement;
  readonly cards = h('div', { className: 'cards' });
  /** "Blocked 5", for the jump buttons. */
  readonly label: HTMLElement;
  private readonly count = h('span', { className: 'col-count' });
  private readonly jumpCount = h('span', { className: 'col-count' });
  private readonly head: HTMLElement;
  private readonly empty: HTMLElement;

  constructor(ctx: PageContext, status: TaskStatus) {
    const name = t(ctx.lang, statusKey(status));
    this.empty = h('p', { className: 'empty muted' }, t(ctx.lang, 'emptyColumn'));
    this.label = h('span', {}, name, ' ', this.jumpCount);
    this.head = h('h4', { className: 'col-head', tabindex: -1 }, h('span', {}, name), ' ', this.count);
    this.el = h('section', { className: `column column-${status}`, 'data-column': status, 'aria-label': name }, this.head, this.cards, this.empty);
  }

  reveal(): void {
    this.head.scrollIntoView({ block: 'start' });
    this.head.focus({ preventScroll: true });
  }

  show(cards: readonly TaskCardView[]): void {
    setText(this.count, String(cards.length));
    setText(this.jumpCount, String(cards.length));
    this.empty.hidden = cards.length > 0;
    syncChildren(this.cards, cards.map((card) => card.el));
  }
}

const stopName = (stop: Stop) => stop.place;

/** A programme's task board: what it is, how ready (overall, by stop, by wing), its four columns and its duties. */
export class ProgrammeView implements View {
  readonly el: HTMLElement;
  readonly heading = h('h2', { className: 'view-title', tabindex: -1 });
  readonly boards: readonly string[];
  private readonly board: string;
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
  private readonly respList = h('ul', { className: 'resp-list' });
  private readonly respEmpty: HTMLElement;
  private readonly responsibilities: Keyed<ResponsibilityItem, ResponsibilityRow>;
  private readonly agenda = h('section', { className: 'panel panel-agenda', hidden: true });

  constructor(
    private readonly ctx: PageContext,
    id: string,
  ) {
    const { lang } = ctx;
    this.board = `programme:${id}`;
    this.boards = [this.board];
    this.meter = new ReadinessMeter(lang);
    this.columns = { todo: new Column(ctx, 'todo'), in_progress: new Column(ctx, 'in_progress'), blocked: new Column(ctx, 'blocked'), done: new Column(ctx, 'done') };
    this.jumps = h(
      'nav',
      { className: 'jumps', 'aria-label': t(lang, 'jumpTo') },
      ...STATUSES.map((s) => {
        const button = h('button', { type: 'button', className: 'btn btn-quiet jump' }, this.columns[s].label);
        button.addEventListener('click', () => this.columns[s].reveal());
        return button;
      }),
    );
    this.cards = new Keyed((card: Card) => card.id, (card) => new TaskCardView(ctx, this.board, card));
    this.responsibilities = new Keyed((item: ResponsibilityItem) => item.id, (item) => new ResponsibilityRow(ctx, this.board, item));
    this.byWing = new BreakdownList(lang, t(lang, 'byWing'), 'panel-by-wing');
    this.byStop = new BreakdownList(lang, t(lang, 'byStop'), 'panel-by-stop');
    this.overview = h(
      'div',
      { className: 'overview' },
      h('section', { className: 'panel panel-summary', 'aria-label': t(lang, 'readinessTitle') }, this.meter.el),
      this.byStop.el,
      this.byWing.el,
    );
    this.respEmpty = h('p', { className: 'muted' }, t(lang, 'noResponsibilities'));
    // Overview first (how ready, where it lags), then the board, then the duties and the agenda.
    this.body = h(
      'div',
      { className: 'programme-body', hidden: true },
      this.overview,
      h(
        'section',
        { className: 'board', 'aria-labelledby': `board-title-${id}` },
        h('h3', { className: 'board-title', id: `board-title-${id}` }, t(lang, 'taskBoard')),
        this.jumps,
        h('div', { className: 'columns' }, ...STATUSES.map((s) => this.columns[s].el)),
      ),
      h(
        'div',
        { className: 'side' },
        h('section', { className: 'panel panel-resp' }, h('h3', {}, t(lang, 'responsibilities')), this.respList, this.respEmpty),
        this.agenda,
      ),
    );
    this.el = h(
      'section',
      { className: 'view view-programme' },
      h('p', { className: 'crumbs' }, h('a', { href: hrefOf({ view: 'readiness' }) }, `← ${t(lang, 'backToAll')}`)),
      h('header', { className: 'view-head' }, h('p', { className: 'kind-line' }, this.kind, ' ', this.cancelled), this.heading, this.when, this.facts),
      this.status,
      this.body,
    );
  }

  private data(): ProgrammeBoardPayload | undefined {
    return this.ctx.store.get(this.board)?.data as ProgrammeBoardPayload | undefined;
  }

  render(): void {
    const { lang } = this.ctx;
    const data = this.data();
    const load = this.ctx.loadState(this.board);
    if (!data) {
      setText(this.heading, load === 'missing' ? t(lang, 'programmeMissing') : t(lang, 'loading'));
      setText(this.status, load === 'error' ? t(lang, 'loadFailed') : '');
      this.body.hidden = true;
      return;
    }
    setText(this.status, '');
    this.body.hidden = false;
    const p = data.programme;
    document.title = `${p.title} · ${t(lang, 'appName')}`;
    setText(this.heading, p.title);
    setText(this.kind, t(lang, p.kind));
    this.cancelled.hidden = p.status !== 'cancelled';
    setText(this.cancelled, t(lang, 'cancelled'));
    setText(this.when, whenLine(this.ctx, p.startsAt, p.endsAt, p.timeZone));
    this.renderFacts(p);
    this.meter.update(data.readiness, t(lang, 'readinessOf', { name: p.title }));

    const stops = new Map<string, Stop>(p.kind === 'tour' ? p.stops.map((s) => [s.id, s]) : []);
    const placeOf = (stopId: string | undefined) => {
      const stop = stopId ? stops.get(stopId) : undefined;
      return { stopName: stop ? stopName(stop) : undefined, timeZone: p.timeZone };
    };
    const columns = columnsOf(data.cards);
    const duties = byOrder(data.responsibilities);
    keepFocus(this.el, () => {
      // One set of card views for all columns, so a card that changes column keeps its view.
      const views = this.cards.take(STATUSES.flatMap((s) => columns[s]));
      let at = 0;
      for (const s of STATUSES) {
        const inColumn = columns[s].map((card) => {
          const view = views[at++];
          view.update(card, placeOf(card.stopId));
          return view;
        });
        this.columns[s].show(inColumn);
      }
      const rows = this.responsibilities.take(duties);
      rows.forEach((row, i) => row.update(duties[i], placeOf(duties[i].stopId)));
      syncChildren(this.respList, rows.map((row) => row.el));
      this.respEmpty.hidden = rows.length > 0;
    });

    this.byWing.update(
      Object.entries(data.readiness.byWing).map(
        ([code, counts]): BreakdownEntry => ({ key: code, name: this.ctx.wings.name(code, lang), href: hrefOf({ view: 'wing', code }), counts }),
      ),
    );
    const byStop = data.readiness.byStop ?? {};
    this.overview.classList.toggle('overview-stops', p.kind === 'tour' && Object.keys(byStop).length > 0);
    this.byStop.update(
      p.kind === 'tour'
        ? p.stops
            .filter((stop) => Object.hasOwn(byStop, stop.id))
            .map(
              (stop): BreakdownEntry => ({
                key: stop.id,
                name: stopName(stop),
                detail: `${stop.venue} · ${stop.district} · ${whenLine(this.ctx, stop.startsAt, stop.endsAt, stop.timeZone, false)}`,
                badge: stop.cancelled ? t(lang, 'cancelled') : undefined,
                counts: byStop[stop.id],
              }),
            )
        : [],
    );
  }

  private renderFacts(p: BoardProgramme): void {
    const { lang } = this.ctx;
    const facts: [string, string][] = [];
    if (p.kind === 'tour') {
      facts.push([t(lang, 'leader'), p.leader]);
      if (p.region) facts.push([t(lang, 'region'), p.region]);
    } else {
      facts.push([t(lang, 'venue'), p.venue]);
      if (p.chairs.length > 0) facts.push([t(lang, 'chairs'), p.chairs.join('; ')]);
    }
    this.facts.replaceChildren(...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
    if (p.kind === 'tour' && p.notes) this.facts.append(h('dd', { className: 'notes' }, p.notes));
    this.agenda.hidden = p.kind !== 'meeting' || (p.agenda.length === 0 && !p.minutes);
    if (p.kind === 'meeting') {
      this.agenda.replaceChildren(h('h3', {}, t(lang, 'agenda')), h('ol', { className: 'agenda' }, ...p.agenda.map((item) => h('li', {}, item))));
      if (p.minutes) {
        this.agenda.append(h('h3', {}, t(lang, 'decisions')), h('ul', { className: 'decisions' }, ...p.minutes.decisions.map((d) => h('li', {}, d))));
      }
    }
  }
}
