import { assigneeName } from '@tayari/shared/contract/assignee';
import { byOrder } from '../byOrder';
import { h, Keyed, setText, syncChildren } from '../dom';
import { t, type MessageKey } from '../i18n';
import { hrefOf } from '../route';
import type { BoardFilter, WingBoardPayload, WingCard, WingProgramme, WingResponsibilityItem } from '../types';
import { wingCountLinks } from './countLinks';
import { FilterBar } from './FilterBar';
import { keepFocus } from './keepFocus';
import { wingBoard } from './routeBoards';
import type { PageContext, View } from './PageContext';
import { ReadinessMeter } from './ReadinessMeter';
import { wingCsv } from './report/boardCsv';
import { ReportTools } from './report/ReportTools';
import { ResponsibilityRow } from './ResponsibilityRow';
import { TaskCardView } from './TaskCardView';
import { WingProgrammeSection } from './WingProgrammeSection';

/** The elements of the views (each beside its item) by their item's programme, order kept. */
function byProgramme(pairs: readonly (readonly [{ programmeId: string }, { el: HTMLElement }])[]): Map<string, HTMLElement[]> {
  const groups = new Map<string, HTMLElement[]>();
  for (const [item, view] of pairs) {
    const group = groups.get(item.programmeId);
    if (group) group.push(view.el);
    else groups.set(item.programmeId, [view.el]);
  }
  return groups;
}

const KINDS: readonly ('morcha' | 'department' | 'cell')[] = ['morcha', 'department', 'cell'];

/** One wing's duties and tasks across programmes, with a chooser for the wing. */
export class WingView implements View {
  readonly el: HTMLElement;
  readonly heading = h('h2', { className: 'view-title', tabindex: -1 });
  readonly boards: readonly string[];
  private readonly board: string | undefined;
  private readonly select = h('select', { id: 'wing-choice', name: 'wing' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly body = h('div', { className: 'wing-body', hidden: true });
  private readonly sectionsEl = h('div', { className: 'wing-programmes' });
  private readonly meter: ReadinessMeter;
  private readonly sections: Keyed<WingProgramme, WingProgrammeSection>;
  private readonly cards: Keyed<WingCard, TaskCardView>;
  private readonly duties: Keyed<WingResponsibilityItem, ResponsibilityRow>;
  private filledFor = '';

  private readonly code: string | undefined;
  private readonly filterBar: FilterBar;
  /** Done work is folded away until asked for (issue 14: the open work first). */
  private readonly doneToggle = h('button', { type: 'button', className: 'btn btn-quiet col-fold', 'data-focus-key': 'fold-done' });
  private showDone: boolean;
  private readonly report: ReportTools;

  constructor(
    private readonly ctx: PageContext,
    route: { code?: string; filter?: BoardFilter },
  ) {
    const { lang } = ctx;
    const { code } = route;
    this.code = code;
    this.board = code ? wingBoard(code, route.filter) : undefined;
    this.boards = this.board ? [this.board] : [];
    this.meter = new ReadinessMeter(lang);
    const board = this.board ?? '';
    this.sections = new Keyed(
      (p: WingProgramme) => p.id,
      () => new WingProgrammeSection(ctx),
    );
    this.cards = new Keyed(
      (card: WingCard) => card.id,
      (card) => new TaskCardView(ctx, board, card),
    );
    this.duties = new Keyed(
      (item: WingResponsibilityItem) => item.id,
      (item) => new ResponsibilityRow(ctx, board, item),
    );
    const chooser = h(
      'form',
      { className: 'wing-chooser' },
      h('label', { for: 'wing-choice' }, t(lang, 'chooseWing')),
      this.select,
      h('button', { type: 'submit', className: 'btn' }, t(lang, 'show')),
    );
    chooser.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.select.value) location.hash = hrefOf({ view: 'wing', code: this.select.value });
    });
    this.filterBar = new FilterBar(ctx, route.filter ?? {}, { wings: false, stops: false }, (chosen) =>
      ctx.replaceRoute({ view: 'wing', ...(code === undefined ? {} : { code }), ...(chosen ? { filter: chosen } : {}) }),
    );
    this.showDone = route.filter?.status?.includes('done') ?? false;
    this.doneToggle.addEventListener('click', () => {
      this.showDone = !this.showDone;
      this.render();
    });
    this.report = new ReportTools(ctx, () => {
      const data = this.board ? (ctx.store.get(this.board)?.data as WingBoardPayload | undefined) : undefined;
      return data ? wingCsv(ctx, data) : undefined;
    });
    this.body.append(this.report.el, h('section', { className: 'panel panel-summary' }, this.meter.el), this.filterBar.el, this.doneToggle, this.sectionsEl);
    this.el = h(
      'section',
      { className: 'view view-wing' },
      h(
        'header',
        { className: 'view-head' },
        this.report.stamp,
        h('p', { className: 'kind-line muted' }, t(lang, 'wingTitle')),
        this.heading,
        h('p', { className: 'muted' }, t(lang, 'wingIntro')),
        chooser,
      ),
      this.status,
      this.body,
    );
  }

  /** The wing options, grouped by kind; refilled only when the catalogue or language changed. */
  private fillChooser(): void {
    const { lang, wings } = this.ctx;
    const all = wings.all();
    const signature = `${lang}|${all.map((w) => w.code).join(',')}`;
    if (signature === this.filledFor) return;
    this.filledFor = signature;
    const groups = KINDS.map((kind) => {
      const inKind = all.filter((w) => w.kind === kind);
      return inKind.length === 0
        ? undefined
        : h('optgroup', { label: t(lang, kind as MessageKey) }, ...inKind.map((w) => h('option', { value: w.code }, w.name[lang])));
    });
    this.select.replaceChildren(h('option', { value: '' }, `— ${t(lang, 'chooseWing')} —`), ...groups.filter((g): g is HTMLOptGroupElement => g !== undefined));
    this.select.value = this.code && wings.has(this.code) ? this.code : '';
  }

  render(): void {
    const { lang, wings } = this.ctx;
    this.fillChooser();
    if (!this.board || !this.code) {
      setText(this.heading, t(lang, 'wingTitle'));
      document.title = `${t(lang, 'wingTitle')} · ${t(lang, 'appName')}`;
      setText(this.status, '');
      this.body.hidden = true;
      return;
    }
    const data = this.ctx.store.get(this.board)?.data as WingBoardPayload | undefined;
    const load = this.ctx.loadState(this.board);
    const name = data ? data.wing.name[lang] : wings.name(this.code, lang);
    setText(this.heading, name);
    document.title = `${name} · ${t(lang, 'appName')}`;
    if (!data) {
      setText(this.status, load === 'missing' ? t(lang, 'wingMissing') : load === 'error' ? t(lang, 'loadFailed') : t(lang, 'loading'));
      this.body.hidden = true;
      return;
    }
    this.body.hidden = false;
    const programmes = byOrder(data.programmes);
    // Sorted once overall, then split by programme: each programme's part keeps the `order`.
    const all = byOrder(data.cards);
    const done = all.filter((card) => card.status === 'done');
    // Open work first, done after it (and only when unfolded).
    const cards = [...all.filter((card) => card.status !== 'done'), ...(this.showDone ? done : [])];
    this.filterBar.update(
      all.length,
      all.flatMap((card) => (card.assignee ? [assigneeName(card.assignee)] : [])),
    );
    this.doneToggle.hidden = done.length === 0;
    setText(this.doneToggle, this.showDone ? t(lang, 'hideDone') : t(lang, 'showDone', { n: done.length }));
    this.doneToggle.setAttribute('aria-expanded', String(this.showDone));
    const duties = byOrder(data.responsibilities);
    setText(this.status, programmes.length === 0 ? t(lang, 'wingNothing') : '');
    const code = this.code;
    this.meter.update(data.readiness, t(lang, 'readinessOf', { name }), wingCountLinks(code));
    keepFocus(this.el, () => {
      // Each card's and duty's times in its programme's zone, as on the programme's own board.
      const zones = new Map(programmes.map((p) => [p.id, { timeZone: p.timeZone }]));
      const cardViews = this.cards.take(cards);
      for (const [card, view] of cardViews) view.update(card, { showStatus: true, hideWing: true, ...zones.get(card.programmeId) });
      const dutyRows = this.duties.take(duties);
      for (const [item, row] of dutyRows) row.update(item, { hideWing: true, ...zones.get(item.programmeId) });
      const dutiesOf = byProgramme(dutyRows);
      const cardsOf = byProgramme(cardViews);
      const sections = this.sections.take(programmes);
      for (const [programme, section] of sections) {
        section.update(programme, code, dutiesOf.get(programme.id) ?? [], cardsOf.get(programme.id) ?? []);
      }
      syncChildren(
        this.sectionsEl,
        sections.map(([, s]) => s.el),
      );
    });
  }
}
