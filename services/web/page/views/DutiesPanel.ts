import { byOrder } from '../byOrder';
import { h, Keyed, syncChildren } from '../dom';
import { t } from '../i18n';
import type { ResponsibilityItem } from '../types';
import type { PageContext } from './PageContext';
import { ResponsibilityRow } from './ResponsibilityRow';

/** A programme's duties (each wing's responsibilities) in order, a row per duty kept across updates. */
export class DutiesPanel {
  readonly el: HTMLElement;
  /** The list: "Give a duty" goes just above it. */
  readonly list = h('ul', { className: 'resp-list' });
  private readonly empty: HTMLElement;
  private readonly rows: Keyed<ResponsibilityItem, ResponsibilityRow>;

  constructor(ctx: PageContext, board: string) {
    const { lang } = ctx;
    this.rows = new Keyed(
      (item: ResponsibilityItem) => item.id,
      (item) => new ResponsibilityRow(ctx, board, item),
    );
    this.empty = h('p', { className: 'muted' }, t(lang, 'noResponsibilities'));
    this.el = h('section', { className: 'panel panel-resp' }, h('h3', {}, t(lang, 'responsibilities')), this.list, this.empty);
  }

  /** Shows `duties`, each placed by `placeOf` (its stop and the programme's time zone). */
  update(duties: Readonly<Record<string, ResponsibilityItem>>, placeOf: (stopId: string | undefined) => Parameters<ResponsibilityRow['update']>[1]): void {
    const rows = this.rows.take(byOrder(duties));
    for (const [duty, row] of rows) row.update(duty, placeOf(duty.stopId));
    syncChildren(
      this.list,
      rows.map(([, row]) => row.el),
    );
    this.empty.hidden = rows.length > 0;
  }
}
