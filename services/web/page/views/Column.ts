import { h, setAttr, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import type { TaskStatus } from '../types';
import type { PageContext } from './PageContext';
import { statusKey, type TaskCardView } from './TaskCardView';

/**
 * One status column of the board. The done column starts folded (issue 14: on a long board the open
 * work comes first); a button in its head unfolds it, and a print always shows it (print.css).
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
  private shownCount = 0;

  constructor(
    private readonly ctx: PageContext,
    status: TaskStatus,
    private folded = false,
  ) {
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
    this.el = h('section', { className: `column column-${status}`, 'data-column': status, 'aria-label': name }, this.head, this.fold, this.cards, this.empty);
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

  show(cards: readonly TaskCardView[]): void {
    this.shownCount = cards.length;
    setText(this.count, String(cards.length));
    setText(this.jumpCount, String(cards.length));
    this.empty.hidden = cards.length > 0;
    syncChildren(
      this.cards,
      cards.map((card) => card.el),
    );
    this.showFold();
  }

  private showFold(): void {
    if (!this.fold) return;
    this.fold.hidden = this.shownCount === 0;
    setText(this.fold, this.folded ? t(this.ctx.lang, 'showDone', { n: this.shownCount }) : t(this.ctx.lang, 'hideDone'));
    setAttr(this.fold, 'aria-expanded', String(!this.folded));
    this.el.classList.toggle('column-folded', this.folded && this.shownCount > 0);
  }
}
