import { h, setAttr, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import type { TaskStatus } from '../types';
import type { PageContext } from './PageContext';
import { statusKey, type TaskCardView } from './TaskCardView';

/**
 * Cards drawn per column at first, and added per "show more": a 5,000-card programme must open fast
 * on a phone (issue 14), so only what fits a few screens is made; the counts are the whole column's.
 */
export const COLUMN_PAGE = 30;
/**
 * Cards drawn by a column's first showing: a phone's first screens. The rest of the first page is
 * drawn just after that frame, so the board appears before most of its cards are made.
 */
export const FIRST_DRAW = 4;

/** When the columns stand one under another (styles.css: one column up to 640 px), as a media query. */
export const STACKED_COLUMNS = '(max-width: 640px)';

export interface ColumnOptions {
  /** Starts folded (the done column, unless it was asked for). */
  folded?: boolean;
  /** Cards drawn by its first showing (default FIRST_DRAW). */
  first?: number;
  /** Told when more cards are wanted (unfolded, "show more"): the view draws the column again. */
  wantMore?: () => void;
  /** Told when the rest of the first page is due, after the frame being drawn: the view draws again then. */
  later?: () => void;
}

/**
 * One status column of the board. The done column starts folded (issue 14: on a long board the open
 * work comes first); a button in its head unfolds it, and a print always shows it (print.css). A long
 * column shows its first cards and a "show more" button under them.
 */
export class Column {
  readonly el: HTMLElement;
  readonly cards = h('div', { className: 'cards' });
  /** "Blocked 5", for the jump buttons. */
  readonly label: HTMLElement;
  private readonly count = h('span', { className: 'col-count' });
  private readonly jumpCount = h('span', { className: 'col-count' });
  private readonly head: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly fold: HTMLButtonElement | undefined;
  private readonly more: HTMLButtonElement;
  private total = 0;
  private limit: number;
  private folded: boolean;
  private readonly wantMore: () => void;
  private readonly later: () => void;

  constructor(
    private readonly ctx: PageContext,
    status: TaskStatus,
    options: ColumnOptions = {},
  ) {
    this.folded = options.folded ?? false;
    this.limit = options.first ?? FIRST_DRAW;
    this.wantMore = options.wantMore ?? (() => undefined);
    this.later = options.later ?? this.wantMore;
    const name = t(ctx.lang, statusKey(status));
    this.empty = h('p', { className: 'empty muted' }, t(ctx.lang, 'emptyColumn'));
    this.label = h('span', {}, name, ' ', this.jumpCount);
    this.head = h('h4', { className: 'col-head', tabindex: -1 }, h('span', {}, name), ' ', this.count);
    if (status === 'done') {
      this.fold = h('button', { type: 'button', className: 'btn btn-quiet col-fold', 'data-focus-key': 'fold-done' });
      this.fold.addEventListener('click', () => {
        this.folded = !this.folded;
        this.showFold();
      });
    }
    this.more = h('button', { type: 'button', className: 'btn btn-quiet col-more', 'data-focus-key': `more-${status}`, hidden: true });
    this.more.addEventListener('click', () => {
      this.limit += COLUMN_PAGE;
      this.wantMore();
    });
    this.el = h(
      'section',
      { className: `column column-${status}`, 'data-column': status, 'aria-label': name },
      this.head,
      this.fold,
      this.cards,
      this.more,
      this.empty,
    );
  }

  /** A form that adds to this column ("Add a task"), just under its head. */
  addForm(form: HTMLElement): void {
    this.head.after(form);
  }

  reveal(): void {
    if (this.folded) {
      this.folded = false;
      this.showFold();
    }
    this.head.scrollIntoView({ block: 'start' });
    this.head.focus({ preventScroll: true });
  }

  /** How many of a column of `total` cards to draw now (a folded column draws its first page, for print). */
  shown(total: number): number {
    // A folded column's cards are hidden: the first frame leaves them for the draw just after it.
    if (this.folded && this.limit < COLUMN_PAGE) return 0;
    return Math.min(total, this.limit);
  }

  /** Shows the cards drawn (the first `shown(total)` of the column) and what is left of `total`. */
  show(cards: readonly TaskCardView[], total = cards.length): void {
    this.total = total;
    setText(this.count, String(total));
    setText(this.jumpCount, String(total));
    this.empty.hidden = total > 0;
    syncChildren(
      this.cards,
      cards.map((card) => card.el),
    );
    const left = total - cards.length;
    const firstDraw = this.limit < COLUMN_PAGE && left > 0;
    if (firstDraw) {
      // After the frame that shows the first cards: the rest of the first page.
      this.limit = COLUMN_PAGE;
      this.later();
    }
    // A column drawn empty at first (a phone's lower columns start at 0) draws a first frame's cards from now on.
    if (!firstDraw) this.limit = Math.max(this.limit, FIRST_DRAW);
    this.more.hidden = left <= 0 || firstDraw;
    setText(this.more, left > 0 ? t(this.ctx.lang, 'showMoreCards', { n: Math.min(left, COLUMN_PAGE), left }) : '');
    this.showFold();
  }

  private showFold(): void {
    if (!this.fold) return;
    this.fold.hidden = this.total === 0;
    setText(this.fold, this.folded ? t(this.ctx.lang, 'showDone', { n: this.total }) : t(this.ctx.lang, 'hideDone'));
    setAttr(this.fold, 'aria-expanded', String(!this.folded));
    this.el.classList.toggle('column-folded', this.folded && this.total > 0);
  }
}
