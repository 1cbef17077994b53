import { h, setAttr, setText } from '../dom';
import { t } from '../i18n';
import { hrefOf } from '../route';
import type { ProgrammeSummary } from '../types';
import { programmeCountLinks } from './countLinks';
import type { PageContext } from './PageContext';
import { ReadinessMeter } from './ReadinessMeter';

/** A programme in a list (readiness, attention): what and when, where, and how ready, counts linked. */
export class ProgrammeRow {
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
    setText(this.countdown, fmt.timeLeft(p.startsAt, now, p.endsAt));
    const where = p.kind === 'tour' ? [p.leader, p.districts.join(' → ')] : [p.venue];
    setText(this.where, where.filter((part): part is string => Boolean(part)).join(' · '));
    this.meter.update(p.readiness, t(lang, 'readinessOf', { name: p.title }), programmeCountLinks(p.id));
  }
}
