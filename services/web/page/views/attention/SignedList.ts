import { h, syncChildren } from '../../dom';

/**
 * A list whose items are drawn again only when what they show changed (their `signature`): a live
 * patch of one line leaves the others' elements, and a link focused in them, alone. Items keep the
 * order they are given in (the board's own, worst first).
 */
export class SignedList<T> {
  readonly el: HTMLOListElement;
  private rows = new Map<string, { signature: string; el: HTMLLIElement }>();

  constructor(
    className: string,
    private readonly keyOf: (item: T) => string,
    private readonly draw: (item: T) => (Node | string)[],
    /** Everything the drawing depends on besides the item itself (the language, the wing names…). */
    private readonly extra: () => string = () => '',
  ) {
    this.el = h('ol', { className });
  }

  show(items: readonly T[], dataKey: string): void {
    const next = new Map<string, { signature: string; el: HTMLLIElement }>();
    const extra = this.extra();
    const els = items.map((item) => {
      const key = this.keyOf(item);
      const signature = `${extra}|${JSON.stringify(item)}`;
      const old = this.rows.get(key);
      const el = old?.el ?? h('li', { className: 'att-item' });
      el.dataset[dataKey] = key;
      if (old?.signature !== signature) el.replaceChildren(...this.draw(item));
      next.set(key, { signature, el });
      return el;
    });
    this.rows = next;
    syncChildren(this.el, els);
  }
}
