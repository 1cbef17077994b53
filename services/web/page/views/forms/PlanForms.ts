import { h } from '../../dom';
import { t } from '../../i18n';
import { hrefOf } from '../../route';
import type { PageContext } from '../PageContext';
import { CommandForm, Field } from './CommandForm';
import { textBox } from './controls';
import { linesOf } from './linesOf';
import { SeriesNames, seriesId } from './SeriesNames';
import { TimeField } from './TimeField';

const lines = (rows: number) => h('textarea', { rows, maxlength: 4000 });

/**
 * "Plan a tour" and "Schedule a meeting", for in-charges, above the readiness list. A new programme
 * opens once saved (its stops, duties and tasks are added there). Times are read in `timeZone()`:
 * the zone the deployment shows programmes in (README: every programme has the deployment's zone).
 */
export class PlanForms {
  readonly el: HTMLElement;
  private readonly times: TimeField[];

  constructor(
    ctx: PageContext,
    private readonly timeZone: () => string | undefined,
  ) {
    const { lang } = ctx;
    const open = (answer: { id: string }) => {
      location.hash = hrefOf({ view: 'programme', id: answer.id });
      return t(lang, 'planned');
    };
    const title = new Field('title', t(lang, 'tourTitle'), textBox(200), true);
    const leader = new Field('leader', t(lang, 'leader'), textBox(120), true);
    const region = new Field('region', t(lang, 'regionField'), textBox(120));
    const notes = new Field('notes', t(lang, 'notesField'), h('textarea', { rows: 2, maxlength: 2000 }));
    const tour = new CommandForm(ctx, {
      className: 'plan-tour',
      fields: [title, [leader, region], notes],
      submit: 'save',
      command: () => ({
        path: '/api/tours',
        body: { title: title.value, leader: leader.value, ...(region.value ? { region: region.value } : {}), ...(notes.value ? { notes: notes.value } : {}) },
      }),
      done: open,
    });
    const mTitle = new Field('title', t(lang, 'meetingTitle'), textBox(200), true);
    const venue = new Field('venue', t(lang, 'venue'), textBox(200), true);
    const starts = new TimeField(ctx, 'startsAt', 'startsAt', true);
    const ends = new TimeField(ctx, 'endsAt', 'endsAtOptional', false);
    const chairs = new Field('chairs', t(lang, 'chairsField'), lines(3), true);
    const agenda = new Field('agenda', t(lang, 'agendaField'), lines(3));
    // A meeting of a series carries the open follow-ups of the earlier ones (SPEC v2).
    const names = new SeriesNames(ctx);
    const seriesBox = textBox(64);
    seriesBox.setAttribute('list', names.list.id);
    seriesBox.addEventListener('focus', () => names.load());
    const series = new Field('series', t(lang, 'seriesField'), seriesBox);
    series.el.append(names.list);
    this.times = [starts, ends];
    const meeting = new CommandForm(ctx, {
      className: 'schedule-meeting',
      fields: [mTitle, venue, [starts, ends], chairs, agenda, series],
      submit: 'save',
      command: () => ({
        path: '/api/meetings',
        body: {
          title: mTitle.value,
          venue: venue.value,
          startsAt: starts.instant(timeZone()),
          ...(ends.value ? { endsAt: ends.instant(timeZone()) } : {}),
          chairs: linesOf(chairs.value),
          ...(agenda.value ? { agenda: linesOf(agenda.value) } : {}),
          ...(series.value ? { series: seriesId(series.value) } : {}),
        },
      }),
      done: open,
    });
    this.el = h(
      'div',
      { className: 'plan-forms' },
      h('details', { className: 'form-box form-plan-tour' }, h('summary', {}, `+ ${t(lang, 'planTour')}`), tour.el),
      h('details', { className: 'form-box form-schedule-meeting' }, h('summary', {}, `+ ${t(lang, 'scheduleMeeting')}`), meeting.el),
    );
    this.update();
  }

  update(): void {
    for (const field of this.times) field.zone(this.timeZone());
  }
}
