import { h } from '../dom';
import { t } from '../i18n';
import type { BoardProgramme } from '../types';
import type { PageContext } from './PageContext';

/** What a programme is, into `facts` (a tour's leader and region, a meeting's venue and chairs) and `agenda` (a meeting's agenda and decisions). */
export function renderProgrammeFacts(ctx: PageContext, p: BoardProgramme, facts: HTMLElement, agenda: HTMLElement): void {
  const { lang } = ctx;
  const pairs: [string, string][] = [];
  if (p.kind === 'tour') {
    pairs.push([t(lang, 'leader'), p.leader]);
    if (p.region) pairs.push([t(lang, 'region'), p.region]);
  } else {
    pairs.push([t(lang, 'venue'), p.venue]);
    if (p.chairs.length > 0) pairs.push([t(lang, 'chairs'), p.chairs.join('; ')]);
    if (p.series) pairs.push([t(lang, 'seriesFact'), p.series]);
  }
  facts.replaceChildren(...pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
  if (p.kind === 'tour' && p.notes) facts.append(h('dd', { className: 'notes' }, p.notes));
  agenda.hidden = p.kind !== 'meeting' || (p.agenda.length === 0 && !p.minutes);
  if (p.kind === 'meeting') {
    agenda.replaceChildren(h('h3', {}, t(lang, 'agenda')), h('ol', { className: 'agenda' }, ...p.agenda.map((item) => h('li', {}, item))));
    if (p.minutes) {
      // A decision given to a wing says so: it is that wing's task on the board.
      const followUps = new Map((p.minutes.followUps ?? []).map((f) => [f.decision, f]));
      const line = (d: string, i: number) => {
        const task = followUps.get(i);
        const chip =
          task &&
          h(
            'span',
            { className: 'chip chip-follow-up', 'data-task-id': task.taskId },
            t(lang, 'decisionBecameTask', { wing: ctx.wings.name(task.wing, lang) }),
          );
        return h('li', {}, d, chip ? ' ' : undefined, chip);
      };
      agenda.append(h('h3', {}, t(lang, 'decisions')), h('ul', { className: 'decisions' }, ...p.minutes.decisions.map(line)));
    }
  }
}
