import { byOrder } from '../byOrder';
import { h, Keyed, setText, syncChildren } from '../dom';
import { t, type MessageKey } from '../i18n';
import { hrefOf } from '../route';
import type { WingBoardPayload, WingCard, WingProgramme, WingResponsibilityItem } from '../types';
import { keepFocus } from './keepFocus';
import type { PageContext, View } from './PageContext';
import { ReadinessMeter } from './ReadinessMeter';
import { ResponsibilityRow } from './ResponsibilityRow';
import { TaskCardView } from './TaskCardView';
import { whenLine } from './whenLine';

/** The elements of `views` (one per item, same order) by their item's programme, order kept. */
function byProgramme(items: readonly { programmeId: string }[], views: readonly { el: HTMLElement }[]): Map<string, HTMLElement[]> {
  const groups = new Map<string, HTMLElement[]>();
  items.forEach((item, i) => {
    const group = groups.get(item.programmeId);
    if (group) group.push(views[i].el);
    else groups.set(item.programmeId, [views[i].el]);
  });
  return groups;
}

const KINDS: readonly ('morcha' | 'department' | 'cell')[] = ['morcha', 'department', 'cell'];

/** One programme's part of the wing's work: its readiness for this wing, the duties, the tasks. */
class ProgrammeSection {
  readonly el: HTMLElement;
  readonly duties = h('ul', { className: 'resp-list' });
  readonly cards = h('div', { className: 'cards cards-grid' });
  private readonly link = h('a', {});
  private readonly when = h('p', { className: 'when' });
  private readonly meter: ReadinessMeter;
  private readonly dutiesBlock: HTMLElement;
  private readonly tasksBlock: HTMLElement;

  constructor(private readonly ctx: PageContext) {
    this.meter = new ReadinessMeter(ctx.lang, true);
    this.dutiesBlock = h('div', { className: 'wing-duties' }, h('h4', {}, t(ctx.lang, 'wingDuties')), this.duties);
    this.tasksBlock = h('div', { className: 'wing-tasks' }, h('h4', {}, t(ctx.lang, 'wingTasks')), this.cards);
    this.el = h('section', { className: 'panel wing-programme' }, h('h3', { className: 'prog-title' }, this.link), this.when, this.meter.el, this.dutiesBlock, this.tasksBlock);
  }

  update(p: WingProgramme, duties: readonly HTMLElement[], cards: readonly HTMLElement[]): void {
    this.el.dataset.programmeId = p.id;
    this.link.href = hrefOf({ view: 'programme', id: p.id });
    setText(this.link, `${t(this.ctx.lang, p.kind)}: ${p.title}`);
    // The wing board names no zone for its programmes: shown in the browser's, labelled.
    setText(this.when, whenLine(this.ctx, p.startsAt, p.endsAt, undefined));
    this.meter.update(p.readiness, t(this.ctx.lang, 'readinessOf', { name: p.title }));
    this.dutiesBlock.hidden = duties.length === 0;
    this.tasksBlock.hidden = cards.length === 0;
    syncChildren(this.duties, duties);
    syncChildren(this.cards, cards);
  }
}

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
  private readonly sections: Keyed<WingProgramme, ProgrammeSection>;
  private readonly cards: Keyed<WingCard, TaskCardView>;
  private readonly duties: Keyed<WingResponsibilityItem, ResponsibilityRow>;
  private filledFor = '';

  constructor(
    private readonly ctx: PageContext,
    private readonly code: string | undefined,
  ) {
    const { lang } = ctx;
    this.board = code ? `wing:${code}` : undefined;
    this.boards = this.board ? [this.board] : [];
    this.meter = new ReadinessMeter(lang);
    const board = this.board ?? '';
    this.sections = new Keyed((p: WingProgramme) => p.id, () => new ProgrammeSection(ctx));
    this.cards = new Keyed((card: WingCard) => card.id, (card) => new TaskCardView(ctx, board, card));
    this.duties = new Keyed((item: WingResponsibilityItem) => item.id, (item) => new ResponsibilityRow(ctx, board, item));
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
    this.body.append(h('section', { className: 'panel panel-summary' }, this.meter.el), this.sectionsEl);
    this.el = h(
      'section',
      { className: 'view view-wing' },
      h('header', { className: 'view-head' }, h('p', { className: 'kind-line muted' }, t(lang, 'wingTitle')), this.heading, h('p', { className: 'muted' }, t(lang, 'wingIntro')), chooser),
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
      return inKind.length === 0 ? undefined : h('optgroup', { label: t(lang, kind as MessageKey) }, ...inKind.map((w) => h('option', { value: w.code }, w.name[lang])));
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
    const cards = byOrder(data.cards);
    const duties = byOrder(data.responsibilities);
    setText(this.status, programmes.length === 0 ? t(lang, 'wingNothing') : '');
    this.meter.update(data.readiness, t(lang, 'readinessOf', { name }));
    keepFocus(this.el, () => {
      const cardViews = this.cards.take(cards);
      cards.forEach((card, i) => cardViews[i].update(card, { showStatus: true, hideWing: true }));
      const dutyRows = this.duties.take(duties);
      duties.forEach((item, i) => dutyRows[i].update(item, { hideWing: true }));
      const dutiesOf = byProgramme(duties, dutyRows);
      const cardsOf = byProgramme(cards, cardViews);
      const sections = this.sections.take(programmes);
      sections.forEach((section, i) => {
        const id = programmes[i].id;
        section.update(programmes[i], dutiesOf.get(id) ?? [], cardsOf.get(id) ?? []);
      });
      syncChildren(this.sectionsEl, sections.map((s) => s.el));
    });
  }
}
