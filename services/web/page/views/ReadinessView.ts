import { byOrder } from '../byOrder';
import { h, Keyed, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import type { ProgrammeSummary, ReadinessBoardPayload } from '../types';
import { canPlan } from '../token';
import { PlanForms } from './forms/PlanForms';
import { keepFocus } from './keepFocus';
import type { PageContext, View } from './PageContext';
import { ProgrammeRow } from './ProgrammeRow';

/** The deployment's zone when no programme tells it (README: `TAYARI_TIME_ZONE`, default Asia/Kolkata). */
const DEFAULT_ZONE = 'Asia/Kolkata';

/** Every programme that has not ended, soonest first (by `order`), each with its readiness. */
export class ReadinessView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards = ['readiness'];
  private readonly list = h('ol', { className: 'prog-list' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly rows: Keyed<ProgrammeSummary, ProgrammeRow>;
  private readonly plan: PlanForms | undefined;

  constructor(private readonly ctx: PageContext) {
    const { lang } = ctx;
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'readinessTitle'));
    this.rows = new Keyed(
      (p: ProgrammeSummary) => p.id,
      () => new ProgrammeRow(ctx),
    );
    // New programmes get the deployment's zone, which every programme on the board shows.
    const zone = () => Object.values((ctx.store.get('readiness')?.data as ReadinessBoardPayload | undefined)?.programmes ?? {})[0]?.timeZone ?? DEFAULT_ZONE;
    this.plan = canPlan(ctx.claims) ? new PlanForms(ctx, zone) : undefined;
    this.el = h(
      'section',
      { className: 'view view-readiness' },
      h('header', { className: 'view-head' }, this.heading, h('p', { className: 'muted' }, t(lang, 'readinessIntro'))),
      this.plan?.el,
      this.status,
      this.list,
    );
  }

  render(): void {
    const { lang } = this.ctx;
    document.title = `${t(lang, 'readinessTitle')} · ${t(lang, 'appName')}`;
    const data = this.ctx.store.get('readiness')?.data as ReadinessBoardPayload | undefined;
    const load = this.ctx.loadState('readiness');
    if (!data) {
      setText(this.status, load === 'error' ? t(lang, 'loadFailed') : t(lang, 'loading'));
      return;
    }
    this.plan?.update();
    const programmes = byOrder(data.programmes);
    setText(this.status, programmes.length === 0 ? t(lang, 'noProgrammes') : '');
    keepFocus(this.el, () => {
      const rows = this.rows.take(programmes);
      for (const [item, row] of rows) row.update(item);
      syncChildren(
        this.list,
        rows.map(([, row]) => row.el),
      );
    });
  }
}
