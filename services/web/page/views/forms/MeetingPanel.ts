import { h } from '../../dom';
import { t } from '../../i18n';
import type { MeetingDetail } from '../../types';
import { localOf } from '../../zonedTime';
import type { PageContext } from '../PageContext';
import { CommandForm, Field, ifMatchOf } from './CommandForm';
import { textBox } from './controls';
import { DecisionRows } from './DecisionRows';
import { PeopleNames } from './PeopleNames';
import { TemplateCatalogue } from './TemplateCatalogue';
import { TemplatePicker } from './TemplatePicker';
import { TimeField } from './TimeField';

type Meeting = Pick<MeetingDetail, 'id' | 'version' | 'timeZone' | 'status'> & { startsAt?: string; endsAt?: string };

/**
 * A meeting's changes for in-charges: move it (and its venue), record the minutes (a decision given
 * to a wing becomes its task), apply a checklist, cancel it. Each sends the meeting's version as
 * If-Match (applying a checklist changes another stream); times are read in the meeting's zone.
 */
export class MeetingPanel {
  readonly el: HTMLElement;
  private readonly starts: TimeField;
  private readonly ends: TimeField;
  private readonly decisionRows: DecisionRows;
  private readonly template: TemplatePicker;
  private meeting: Meeting | undefined;
  private shownWindow = '';

  constructor(ctx: PageContext, board: string) {
    const { lang } = ctx;
    const path = (verb: string) => `/api/meetings/${encodeURIComponent(this.meeting?.id ?? '')}/${verb}`;
    const refresh = (position?: string) => void ctx.refresh(board, position).catch(() => undefined);
    const done = (key: 'rescheduled' | 'programmeCancelledOk') => (answer: { position: string }) => {
      refresh(answer.position);
      return t(lang, key);
    };
    this.starts = new TimeField(ctx, 'startsAt', 'startsAt', true);
    this.ends = new TimeField(ctx, 'endsAt', 'endsAtOptional', false);
    const venue = new Field('venue', t(lang, 'venueOptional'), textBox(200));
    const move = new CommandForm(ctx, {
      className: 'reschedule-meeting',
      fields: [[this.starts, this.ends], venue],
      submit: 'reschedule',
      command: () => {
        const zone = this.meeting?.timeZone;
        const body = {
          startsAt: this.starts.instant(zone),
          ...(this.ends.value ? { endsAt: this.ends.instant(zone) } : {}),
          ...(venue.value ? { venue: venue.value } : {}),
        };
        return { path: path('reschedule'), body, ...ifMatchOf(this.meeting?.version) };
      },
      done: done('rescheduled'),
      conflict: () => refresh(),
    });
    const decisions = new Field('decisions', t(lang, 'decisionsField'), h('textarea', { rows: 4, maxlength: 8000 }), true);
    const attendance = new Field('attendance', t(lang, 'attendanceField'), h('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric' }));
    const rows = new DecisionRows(ctx, decisions, new PeopleNames(ctx));
    this.decisionRows = rows;
    // Counted when sent: the rows are emptied with the form before the answer is told.
    let forWings = 0;
    const minutes = new CommandForm(ctx, {
      className: 'record-minutes',
      fields: [decisions, attendance],
      extra: { el: rows.el, fields: () => rows.fields() },
      submit: 'save',
      command: () => {
        forWings = rows.forWings();
        return {
          path: path('minutes'),
          body: { decisions: rows.body(), ...(attendance.value ? { attendance: Number(attendance.value) } : {}) },
          ...ifMatchOf(this.meeting?.version),
        };
      },
      done: (answer) => {
        refresh(answer.position);
        if (forWings === 0) return t(lang, 'minutesSaved');
        return forWings === 1 ? t(lang, 'minutesSavedTaskOne') : t(lang, 'minutesSavedTasks', { count: forWings });
      },
      conflict: () => refresh(),
    });
    minutes.el.addEventListener('reset', () => queueMicrotask(() => rows.sync()));
    this.template = new TemplatePicker(ctx, board, 'meeting', new TemplateCatalogue(ctx.api), () =>
      this.meeting ? { programmeId: this.meeting.id, startsAt: this.meeting.startsAt, timeZone: this.meeting.timeZone } : undefined,
    );
    const reason = new Field('meeting-cancel-reason', t(lang, 'cancelReason'), textBox(500), true, 'reason');
    const cancel = new CommandForm(ctx, {
      className: 'cancel-meeting',
      fields: [reason],
      submit: 'cancelMeeting',
      danger: true,
      command: () => ({ path: path('cancel'), body: { reason: reason.value }, ...ifMatchOf(this.meeting?.version) }),
      done: done('programmeCancelledOk'),
      conflict: () => refresh(),
    });
    this.el = h(
      'section',
      { className: 'panel panel-meeting-changes' },
      h('h3', {}, t(lang, 'meetingChanges')),
      h('details', { className: 'form-box form-reschedule-meeting' }, h('summary', {}, t(lang, 'reschedule')), move.el),
      h('details', { className: 'form-box form-record-minutes' }, h('summary', {}, t(lang, 'recordMinutes')), minutes.el),
      this.template.el,
      h('details', { className: 'form-box form-cancel-meeting' }, h('summary', {}, t(lang, 'cancelMeeting')), cancel.el),
    );
  }

  update(meeting: Meeting): void {
    this.meeting = meeting;
    this.el.hidden = meeting.status === 'cancelled';
    this.starts.zone(meeting.timeZone);
    this.ends.zone(meeting.timeZone);
    this.decisionRows.update(meeting.timeZone);
    this.template.update();
    // The boxes open on the meeting's current time; set again only when that time changed.
    const window = `${meeting.startsAt ?? ''}|${meeting.endsAt ?? ''}`;
    if (window === this.shownWindow) return;
    this.shownWindow = window;
    for (const [field, at] of [
      [this.starts, meeting.startsAt],
      [this.ends, meeting.endsAt],
    ] as const) {
      field.control.value = localOf(at, meeting.timeZone);
      (field.control as HTMLInputElement).defaultValue = field.control.value;
    }
  }
}
