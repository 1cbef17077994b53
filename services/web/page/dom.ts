/**
 * The page's only way to make elements. Text always goes in as text (textContent), never as HTML,
 * so whatever people typed into a title or a note is shown as written and can never run.
 */
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Sets text only when it changed, so screen readers and selections are not disturbed by no-op updates. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setAttr(el: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/**
 * Makes `parent`'s children exactly `wanted`, in order, moving only the elements that are out of
 * place: an element that stays put keeps its focus and whatever is half-typed in it.
 */
export function syncChildren(parent: Element, wanted: readonly Element[]): void {
  const keep = new Set<Element>(wanted);
  for (const child of Array.from(parent.children)) if (!keep.has(child)) child.remove();
  wanted.forEach((el, i) => {
    const at = parent.children[i];
    if (at !== el) parent.insertBefore(el, at ?? null);
  });
}

/**
 * Keeps one component per key across updates (cards, rows): the new items get a component, the
 * gone ones are forgotten; answers each item beside its component, in the order of `items`.
 */
export class Keyed<I, T> {
  private items = new Map<string, T>();

  constructor(
    private readonly keyOf: (item: I) => string,
    private readonly create: (item: I) => T,
  ) {}

  take(items: readonly I[]): [item: I, component: T][] {
    const next = new Map<string, T>();
    const out = items.map((item): [I, T] => {
      const key = this.keyOf(item);
      const made = next.get(key) ?? this.items.get(key) ?? this.create(item);
      next.set(key, made);
      return [item, made];
    });
    this.items = next;
    return out;
  }
}
