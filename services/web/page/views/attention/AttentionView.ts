import { h, Keyed, setText, syncChildren } from '../../dom';
import { t, type MessageKey } from '../../i18n';
import type { AttentionBoardPayload, BoardFilter, OrderedSummary, ReadinessBoardPayload } from '../../types';
import { keepFocus } from '../keepFocus';
import type { PageContext, View } from '../PageContext';
import { ProgrammeRow } from '../ProgrammeRow';
import { ReportTools } from '../report/ReportTools';
import { attentionBoard } from '../routeBoards';
import { blockedLine, overdueLine, unacknowledgedLine, wingLine, type Names } from './attentionItems';
import { SignedList } from './SignedList';

/** One part of the attention view: a heading with how many, the list, and what to say when it is empty. */
class Part {
  readonly el: HTMLElement;
  private readonly count = h('span', { className: 'col-count' });
  private readonly empty: HTMLElement;

  constructor(ctx: PageContext, name: string, heading: MessageKey, none: MessageKey, list: HTMLElement) {
    this.empty = h('p', { className: 'empty muted' }, t(ctx.lang, none));
    this.el = h(
      'section',
      { className: `panel att-part att-${name}`, 'data-part': name },
      h('h3', { className: 'att-head' }, h('span', {}, t(ctx.lang, heading)), ' ', this.count),
      list,
      this.empty,
    );
  }

  shows(n: number): void {
    setText(this.count, String(n));
    this.empty.hidden = n > 0;
  }
}

/**
 * What needs an in-charge now (GET /api/boards/attention, live as `attention`), the in-charge's
 * landing view: at-risk programmes, overdue and blocked work and unacknowledged duties (each longest
 * first), and the wings ranked, all in the board's own order. The readiness board is watched too, only
 * for the titles of programmes that are not at risk.
 */
export class AttentionView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards: readonly string[];
  private readonly board: string;
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly body = h('div', { className: 'att-body', hidden: true });
  private readonly riskList = h('ol', { className: 'prog-list att-programmes' });
  private readonly risky: Keyed<OrderedSummary, ProgrammeRow>;
  private readonly overdue: SignedList<AttentionBoardPayload['overdue'][number]>;
  private readonly blocked: SignedList<AttentionBoardPayload['blocked'][number]>;
  private readonly unacknowledged: SignedList<AttentionBoardPayload['unacknowledged'][number]>;
  private readonly wings: SignedList<AttentionBoardPayload['wings'][number]>;
  private readonly report: ReportTools;
  private readonly intro = h('p', { className: 'muted' });
  private readonly wing: string | undefined;
  private readonly parts: Record<'programmes' | 'overdue' | 'blocked' | 'unacknowledged' | 'wings', Part>;

  constructor(
    private readonly ctx: PageContext,
    filter: BoardFilter | undefined,
  ) {
    const { lang } = ctx;
    this.board = attentionBoard(filter);
    this.boards = [this.board, 'readiness'];
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'attentionTitle'));
    const names: Names = { programme: (id) => this.titleOf(id) };
    // Titles and wing names arrive apart from the board: a line is drawn again when they do.
    const extra = () => `${ctx.wings.all().length}|${this.titlesSeen()}`;
    this.risky = new Keyed(
      (p: OrderedSummary) => p.id,
      () => new ProgrammeRow(ctx),
    );
    this.overdue = new SignedList(
      'att-list',
      (i) => i.id,
      (i) => overdueLine(ctx, names, i),
      extra,
    );
    this.blocked = new SignedList(
      'att-list',
      (i) => i.id,
      (i) => blockedLine(ctx, names, i),
      extra,
    );
    this.unacknowledged = new SignedList(
      'att-list',
      (i) => i.id,
      (i) => unacknowledgedLine(ctx, names, i),
      extra,
    );
    this.wings = new SignedList(
      'att-list att-wings',
      (i) => i.wing,
      (i) => wingLine(ctx, i),
      extra,
    );
    this.parts = {
      programmes: new Part(ctx, 'programmes', 'attRisky', 'attNoneRisky', this.riskList),
      overdue: new Part(ctx, 'overdue', 'attOverdue', 'attNoneOverdue', this.overdue.el),
      blocked: new Part(ctx, 'blocked', 'attBlocked', 'attNoneBlocked', this.blocked.el),
      unacknowledged: new Part(ctx, 'unacknowledged', 'attUnack', 'attNoneUnack', this.unacknowledged.el),
      wings: new Part(ctx, 'wings', 'attWings', 'attNoneWings', this.wings.el),
    };
    const { programmes, overdue, blocked, unacknowledged, wings } = this.parts;
    this.body.append(programmes.el, h('div', { className: 'att-grid' }, overdue.el, blocked.el, unacknowledged.el, wings.el));
    this.report = new ReportTools(ctx);
    this.wing = filter?.wing;
    this.el = h(
      'section',
      { className: 'view view-attention' },
      h('header', { className: 'view-head' }, this.report.stamp, this.heading, this.intro, this.report.el),
      this.status,
      this.body,
    );
  }

  private titles(): ReadinessBoardPayload['programmes'] | undefined {
    return (this.ctx.store.get('readiness')?.data as ReadinessBoardPayload | undefined)?.programmes;
  }

  private titleOf(id: string): string {
    return this.titles()?.[id]?.title ?? id;
  }

  private titlesSeen(): string {
    return Object.values(this.titles() ?? {})
      .map((p) => `${p.id}=${p.title}`)
      .join(',');
  }

  render(): void {
    const { lang } = this.ctx;
    // The wing's name comes with the catalogue, which may load after the view.
    setText(this.intro, this.wing ? t(lang, 'attentionOfWing', { wing: this.ctx.wings.name(this.wing, lang) }) : t(lang, 'attentionIntro'));
    document.title = `${t(lang, 'attentionTitle')} · ${t(lang, 'appName')}`;
    const data = this.ctx.store.get(this.board)?.data as AttentionBoardPayload | undefined;
    if (!data) {
      setText(this.status, this.ctx.loadState(this.board) === 'error' ? t(lang, 'loadFailed') : t(lang, 'loading'));
      this.body.hidden = true;
      return;
    }
    setText(this.status, '');
    this.body.hidden = false;
    keepFocus(this.el, () => {
      const rows = this.risky.take(data.programmes);
      for (const [item, row] of rows) row.update(item);
      syncChildren(
        this.riskList,
        rows.map(([, row]) => row.el),
      );
      this.overdue.show(data.overdue, 'taskId');
      this.blocked.show(data.blocked, 'taskId');
      this.unacknowledged.show(data.unacknowledged, 'responsibilityId');
      this.wings.show(data.wings, 'wing');
    });
    this.parts.programmes.shows(data.programmes.length);
    this.parts.overdue.shows(data.overdue.length);
    this.parts.blocked.shows(data.blocked.length);
    this.parts.unacknowledged.shows(data.unacknowledged.length);
    this.parts.wings.shows(data.wings.length);
  }
}
