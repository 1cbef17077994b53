import { h, setText, syncChildren } from '../dom';
import { t } from '../i18n';
import { hrefOf } from '../route';
import type { WingProgramme } from '../types';
import { programmeCountLinks } from './countLinks';
import type { PageContext } from './PageContext';
import { ReadinessMeter } from './ReadinessMeter';
import { whenLine } from './whenLine';

/** One programme's part of the wing's work: its readiness for this wing, the duties, the tasks. */
export class WingProgrammeSection {
  readonly el: HTMLElement;
  readonly duties = h('ul', { className: 'resp-list' });
  readonly cards = h('div', { className: 'cards cards-grid' });
  private readonly link = h('a', {});
  private readonly when = h('p', { className: 'when' });
  private readonly meter: ReadinessMeter;
  private readonly dutiesBlock: HTMLElement;
  private readonly tasksBlock: HTMLElement;

  constructor(private readonly ctx: PageContext) {
    this.meter = new ReadinessMeter(ctx.lang, true);
    this.dutiesBlock = h('div', { className: 'wing-duties' }, h('h4', {}, t(ctx.lang, 'wingDuties')), this.duties);
    this.tasksBlock = h('div', { className: 'wing-tasks' }, h('h4', {}, t(ctx.lang, 'wingTasks')), this.cards);
    this.el = h(
      'section',
      { className: 'panel wing-programme' },
      h('h3', { className: 'prog-title' }, this.link),
      this.when,
      this.meter.el,
      this.dutiesBlock,
      this.tasksBlock,
    );
  }

  update(p: WingProgramme, wing: string, duties: readonly HTMLElement[], cards: readonly HTMLElement[]): void {
    this.el.dataset.programmeId = p.id;
    this.link.href = hrefOf({ view: 'programme', id: p.id });
    setText(this.link, `${t(this.ctx.lang, p.kind)}: ${p.title}`);
    // The wing board names no zone for its programmes: shown in the browser's, labelled.
    setText(this.when, whenLine(this.ctx, p.startsAt, p.endsAt, undefined));
    // This wing's part of the programme: its counts lead to the programme's board narrowed to the wing.
    this.meter.update(p.readiness, t(this.ctx.lang, 'readinessOf', { name: p.title }), programmeCountLinks(p.id, { wing }));
    this.dutiesBlock.hidden = duties.length === 0;
    this.tasksBlock.hidden = cards.length === 0;
    syncChildren(this.duties, duties);
    syncChildren(this.cards, cards);
  }
}
