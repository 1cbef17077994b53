import { h, Keyed, setAttr, setText, syncChildren } from '../dom';
import type { Lang } from '../i18n';
import type { ReadinessCounts } from '../types';
import { ReadinessMeter, type CountLinks } from './ReadinessMeter';

export interface BreakdownEntry {
  key: string;
  name: string;
  href?: string;
  /** A second line: where and when (stops), in plain text. */
  detail?: string;
  /** Flags shown as small badges (a cancelled stop). */
  badge?: string;
  counts: ReadinessCounts;
  /** Where its counts lead (the board narrowed to this part and what each counts). */
  links?: CountLinks;
}

class BreakdownRow {
  readonly el: HTMLElement;
  private readonly name = h('span', { className: 'bd-name' });
  private readonly link = h('a', { className: 'bd-name' });
  private readonly detail = h('p', { className: 'bd-detail muted', hidden: true });
  private readonly badge = h('span', { className: 'badge badge-muted', hidden: true });
  private readonly meter: ReadinessMeter;
  private readonly title = h('p', { className: 'bd-title' });

  constructor(lang: Lang) {
    this.meter = new ReadinessMeter(lang, true, this.title);
    // Name and percent share a line; where and when go just under them.
    this.meter.el.insertBefore(this.detail, this.meter.el.children[1] ?? null);
    this.el = h('li', { className: 'bd-row' }, this.meter.el);
  }

  update(entry: BreakdownEntry): void {
    const label = entry.href ? this.link : this.name;
    if (entry.href) setAttr(this.link, 'href', entry.href);
    setText(label, entry.name);
    if (this.title.firstChild !== label) this.title.replaceChildren(label, ' ', this.badge);
    this.badge.hidden = !entry.badge;
    setText(this.badge, entry.badge ?? '');
    this.detail.hidden = !entry.detail;
    setText(this.detail, entry.detail ?? '');
    this.el.dataset.key = entry.key;
    this.meter.update(entry.counts, entry.name, entry.links);
  }
}

/** Readiness broken down (by wing, by stop): one row per part, each with its own small meter. */
export class BreakdownList {
  readonly el: HTMLDetailsElement;
  private readonly list = h('ul', { className: 'breakdown' });
  private readonly rows: Keyed<BreakdownEntry, BreakdownRow>;

  /** A disclosure, open by default only where there is room (on a phone the board comes first). */
  constructor(lang: Lang, heading: string, className: string) {
    this.rows = new Keyed(
      (entry) => entry.key,
      () => new BreakdownRow(lang),
    );
    const open = matchMedia('(min-width: 700px)').matches;
    this.el = h('details', { className: `panel panel-details ${className}`, open }, h('summary', {}, h('h3', {}, heading)), this.list);
  }

  /**
   * Draws the rows of `entries`. With `later`, a folded list (a phone's) leaves its rows for the
   * view's next draw: the first frame shows only what is on screen, and a print finds them drawn.
   */
  update(entries: readonly BreakdownEntry[], later = false): void {
    this.el.hidden = entries.length === 0;
    if (later && !this.el.open) return;
    const rows = this.rows.take(entries);
    for (const [item, row] of rows) row.update(item);
    syncChildren(
      this.list,
      rows.map(([, row]) => row.el),
    );
  }
}
