import { byOrder } from '../byOrder';
import { h, Keyed, setAttr, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import { hrefOf } from '../route';
import type { ProgrammeSummary, ReadinessBoardPayload } from '../types';
import { keepFocus } from './keepFocus';
import type { PageContext, View } from './PageContext';
import { ReadinessMeter } from './ReadinessMeter';

class ProgrammeRow {
  readonly el: HTMLElement;
  private readonly kind = h('span', { className: 'chip chip-kind' });
  private readonly link = h('a', {});
  private readonly range = h('span', { className: 'range' });
  private readonly countdown = h('span', { className: 'countdown' });
  private readonly where = h('p', { className: 'where muted' });
  private readonly meter: ReadinessMeter;

  constructor(private readonly ctx: PageContext) {
    this.meter = new ReadinessMeter(ctx.lang);
    this.el = h(
      'li',
      { className: 'prog' },
      h('p', { className: 'kind-line' }, this.kind),
      h('h3', { className: 'prog-title' }, this.link),
      h('p', { className: 'when' }, this.range, ' ', this.countdown),
      this.where,
      this.meter.el,
    );
  }

  update(p: ProgrammeSummary): void {
    const { lang, fmt } = this.ctx;
    const now = this.ctx.now();
    this.el.dataset.programmeId = p.id;
    this.el.classList.toggle('prog-risk', p.readiness.atRisk);
    setText(this.kind, t(lang, p.kind));
    setAttr(this.link, 'href', hrefOf({ view: 'programme', id: p.id }));
    setText(this.link, p.title);
    setText(this.range, p.startsAt ? fmt.range(p.startsAt, p.endsAt, now, p.timeZone) : '');
    setText(this.countdown, fmt.timeLeft(p.startsAt, now));
    const where = p.kind === 'tour' ? [p.leader, p.districts.join(' → ')] : [p.venue];
    setText(this.where, where.filter((part): part is string => Boolean(part)).join(' · '));
    this.meter.update(p.readiness, t(lang, 'readinessOf', { name: p.title }));
  }
}

/** Every programme that has not ended, soonest first (by `order`), each with its readiness. */
export class ReadinessView implements View {
  readonly el: HTMLElement;
  readonly heading: HTMLElement;
  readonly boards = ['readiness'];
  private readonly list = h('ol', { className: 'prog-list' });
  private readonly status = h('p', { className: 'notice', role: 'status' });
  private readonly rows: Keyed<ProgrammeSummary, ProgrammeRow>;

  constructor(private readonly ctx: PageContext) {
    const { lang } = ctx;
    this.heading = h('h2', { className: 'view-title', tabindex: -1 }, t(lang, 'readinessTitle'));
    this.rows = new Keyed((p: ProgrammeSummary) => p.id, () => new ProgrammeRow(ctx));
    this.el = h(
      'section',
      { className: 'view view-readiness' },
      h('header', { className: 'view-head' }, this.heading, h('p', { className: 'muted' }, t(lang, 'readinessIntro'))),
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
    const programmes = byOrder(data.programmes);
    setText(this.status, programmes.length === 0 ? t(lang, 'noProgrammes') : '');
    keepFocus(this.el, () => {
      const rows = this.rows.take(programmes);
      rows.forEach((row, i) => row.update(programmes[i]));
      syncChildren(this.list, rows.map((row) => row.el));
    });
  }
}
