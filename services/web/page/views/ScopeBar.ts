import { h, setText } from '../dom';
import { t } from '../i18n';
import type { CardScope } from '../route';
import type { PageContext } from './PageContext';

/**
 * Which cards the board shows, for a person whose boards open on their own wing's cards: a line that
 * says so (readiness above still counts every wing) and a two-way toggle, "My wing's cards" / "All
 * cards". The choice goes into the URL (`?cards=all`), so a reload keeps it.
 */
export class ScopeBar {
  readonly el: HTMLElement;
  private readonly line = h('p', { className: 'scope-line' });

  constructor(
    private readonly ctx: PageContext,
    private readonly scope: CardScope,
    private readonly wing: string,
    choose: (scope: CardScope) => void,
  ) {
    const { lang } = ctx;
    const button = (value: CardScope, label: string) => {
      const el = h(
        'button',
        {
          type: 'button',
          className: 'btn btn-quiet scope-btn',
          'aria-pressed': String(value === scope),
          'data-cards': value,
          'data-focus-key': `cards-${value}`,
        },
        label,
      );
      el.addEventListener('click', () => {
        if (value !== this.scope) choose(value);
      });
      return el;
    };
    const toggle = h(
      'div',
      { className: 'scope-toggle', role: 'group', 'aria-label': t(lang, 'cardsShown') },
      button('wing', t(lang, 'cardsMine')),
      button('all', t(lang, 'cardsAll')),
    );
    this.el = h('div', { className: `scope scope-${scope}`, 'data-scope': scope }, this.line, toggle);
  }

  /** The wing's name comes with the catalogue, which may load after the board. */
  render(): void {
    const { lang } = this.ctx;
    setText(this.line, this.scope === 'wing' ? t(lang, 'showingWing', { wing: this.ctx.wings.name(this.wing, lang) }) : t(lang, 'showingAll'));
  }
}
