import { h } from '../../dom';
import { t } from '../../i18n';
import { localOf } from '../../zonedTime';
import type { Stop, TourDetail } from '../../types';
import type { PageContext } from '../PageContext';
import { whenLine } from '../whenLine';
import { CommandForm, Field, ifMatchOf } from './CommandForm';
import { fillSelect, textBox } from './controls';
import { TemplateCatalogue } from './TemplateCatalogue';
import { TemplatePicker } from './TemplatePicker';
import { TimeField } from './TimeField';

type Tour = Pick<TourDetail, 'id' | 'version' | 'timeZone' | 'stops' | 'status'>;

/**
 * A tour's itinerary for in-charges (README "Who may do what": planning is theirs): each stop with
 * "change the time", "cancel" and a checklist to apply, a form to add a stop, a checklist for the
 * whole visit, and cancelling the whole tour. Every command
 * sends the tour's version as If-Match (a stop lives in its tour's stream). Times are read in the
 * tour's zone.
 */
export class TourPanel {
  readonly el: HTMLElement;
  private readonly list = h('ul', { className: 'stop-list' });
  private readonly hostWing: Field;
  private readonly times: TimeField[];
  private readonly templates: TemplateCatalogue;
  private readonly visitTemplate: TemplatePicker;
  private tour: Tour | undefined;
  private drawn = '';

  constructor(
    private readonly ctx: PageContext,
    private readonly board: string,
  ) {
    const { lang } = ctx;
    const place = new Field('place', t(lang, 'placeField'), textBox(200), true);
    const district = new Field('district', t(lang, 'districtField'), textBox(200), true);
    const venue = new Field('venue', t(lang, 'venue'), textBox(200), true);
    const starts = new TimeField(ctx, 'startsAt', 'startsAt', true);
    const ends = new TimeField(ctx, 'endsAt', 'endsAt', true);
    this.hostWing = new Field('hostWing', t(lang, 'hostWing'), h('select', {}));
    this.times = [starts, ends];
    const add = new CommandForm(ctx, {
      className: 'add-stop',
      fields: [[place, district], venue, [starts, ends], this.hostWing],
      submit: 'save',
      command: () => ({
        path: `/api/tours/${encodeURIComponent(this.id())}/stops`,
        body: {
          place: place.value,
          district: district.value,
          venue: venue.value,
          startsAt: starts.instant(this.tour?.timeZone),
          endsAt: ends.instant(this.tour?.timeZone),
          ...(this.hostWing.value ? { hostWing: this.hostWing.value } : {}),
        },
        ...ifMatchOf(this.tour?.version),
      }),
      done: (answer) => this.after(answer.position, 'stopAdded'),
      conflict: () => this.refresh(),
    });
    this.templates = new TemplateCatalogue(ctx.api);
    // A visit's checklist counts back from its first live stop.
    this.visitTemplate = new TemplatePicker(
      ctx,
      board,
      'visit',
      this.templates,
      () => {
        const first = this.tour?.stops.filter((stop) => !stop.cancelled).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
        return { programmeId: this.id(), startsAt: first?.startsAt, timeZone: first?.timeZone ?? this.tour?.timeZone };
      },
      'applyVisitTemplate',
    );
    const reason = new Field('tour-cancel-reason', t(lang, 'cancelReason'), textBox(500), true, 'reason');
    const cancel = new CommandForm(ctx, {
      className: 'cancel-tour',
      fields: [reason],
      submit: 'cancelTour',
      danger: true,
      command: () => ({ path: `/api/tours/${encodeURIComponent(this.id())}/cancel`, body: { reason: reason.value }, ...ifMatchOf(this.tour?.version) }),
      done: (answer) => this.after(answer.position, 'programmeCancelledOk'),
      conflict: () => this.refresh(),
    });
    this.el = h(
      'section',
      { className: 'panel panel-stops' },
      h('h3', {}, t(lang, 'stopsTitle')),
      this.list,
      h('details', { className: 'form-box form-add-stop' }, h('summary', {}, `+ ${t(lang, 'addStop')}`), add.el),
      this.visitTemplate.el,
      h('details', { className: 'form-box form-cancel-tour' }, h('summary', {}, t(lang, 'cancelTour')), cancel.el),
    );
  }

  private id(): string {
    return this.tour?.id ?? '';
  }

  private refresh(position?: string): void {
    void this.ctx.refresh(this.board, position).catch(() => undefined);
  }

  private after(position: string, key: 'stopAdded' | 'programmeCancelledOk' | 'rescheduled' | 'stopCancelledOk'): string {
    this.refresh(position);
    return t(this.ctx.lang, key);
  }

  update(tour: Tour): void {
    const { lang, wings } = this.ctx;
    this.tour = tour;
    this.el.hidden = tour.status === 'cancelled';
    for (const field of this.times) field.zone(tour.timeZone);
    this.visitTemplate.update();
    fillSelect(this.hostWing.control as HTMLSelectElement, [
      { value: '', label: t(lang, 'noneChoice') },
      ...wings.all().map((w) => ({ value: w.code, label: w.name[lang] })),
    ]);
    // Stops are drawn again only when they changed (a half-typed new time survives other updates).
    const drawn = `${wings.all().length}|${JSON.stringify(tour.stops)}`;
    if (drawn === this.drawn) return;
    this.drawn = drawn;
    this.list.replaceChildren(...tour.stops.map((stop) => this.stopRow(stop)));
  }

  private stopRow(stop: Stop): HTMLElement {
    const { ctx } = this;
    const { lang } = ctx;
    const row = h(
      'li',
      { className: 'stop-row', 'data-stop-id': stop.id },
      h('p', { className: 'stop-name' }, stop.place, stop.cancelled ? h('span', { className: 'badge badge-muted' }, t(lang, 'cancelled')) : undefined),
      h('p', { className: 'muted' }, `${stop.venue} · ${stop.district} · ${whenLine(ctx, stop.startsAt, stop.endsAt, stop.timeZone, false)}`),
    );
    if (stop.cancelled) return row;
    const path = (verb: string) => `/api/tours/${encodeURIComponent(this.id())}/stops/${encodeURIComponent(stop.id)}/${verb}`;
    const starts = new TimeField(ctx, 'new-starts', 'startsAt', true, 'startsAt');
    const ends = new TimeField(ctx, 'new-ends', 'endsAt', true, 'endsAt');
    for (const [field, at] of [
      [starts, stop.startsAt],
      [ends, stop.endsAt],
    ] as const) {
      field.zone(stop.timeZone);
      field.control.value = localOf(at, stop.timeZone);
      (field.control as HTMLInputElement).defaultValue = field.control.value;
    }
    const move = new CommandForm(ctx, {
      className: 'reschedule-stop',
      fields: [[starts, ends]],
      submit: 'reschedule',
      command: () => ({
        path: path('reschedule'),
        body: { startsAt: starts.instant(stop.timeZone), endsAt: ends.instant(stop.timeZone) },
        ...ifMatchOf(this.tour?.version),
      }),
      done: (answer) => this.after(answer.position, 'rescheduled'),
      conflict: () => this.refresh(),
    });
    const reason = new Field('stop-cancel-reason', t(lang, 'cancelReason'), textBox(500), true, 'reason');
    const cancel = new CommandForm(ctx, {
      className: 'cancel-stop',
      fields: [reason],
      submit: 'cancelStop',
      danger: true,
      command: () => ({ path: path('cancel'), body: { reason: reason.value }, ...ifMatchOf(this.tour?.version) }),
      done: (answer) => this.after(answer.position, 'stopCancelledOk'),
      conflict: () => this.refresh(),
    });
    const checklist = new TemplatePicker(ctx, this.board, 'stop', this.templates, () => ({
      programmeId: this.id(),
      stopId: stop.id,
      startsAt: stop.startsAt,
      timeZone: stop.timeZone,
    }));
    row.append(h('details', { className: 'resp-actions' }, h('summary', {}, t(lang, 'changeStop')), move.el, cancel.el), checklist.el);
    return row;
  }
}
