import { h, setText } from '../../dom';
import { t } from '../../i18n';
import type { BoardProgramme } from '../../types';
import { instantOf, zoneName } from '../../zonedTime';
import type { PageContext } from '../PageContext';
import { CommandForm, Field } from './CommandForm';
import { fillSelect, textBox, whenBox } from './controls';
import { wingChoices } from './wingChoices';

/**
 * "Add a task", folded at the top of the To do column (issue 14: log a task inline in a column):
 * what, which wing (a wing lead: their own), which stop of a tour, for whom, by when (in the
 * programme's zone). Offered to those who may log tasks: in-charges and wing leads.
 */
export class LogTaskForm {
  private readonly title: Field;
  private readonly wing: Field;
  private readonly stop: Field;
  private readonly assignee: Field;
  private readonly due: Field;
  private readonly dueLabel: HTMLLabelElement | null;
  private programme: BoardProgramme | undefined;

  constructor(
    private readonly ctx: PageContext,
    board: string,
    programmeId: string,
    /** Its folded box, on screen before the form is made (ProgrammeForms). */
    box: HTMLDetailsElement,
  ) {
    const { lang } = ctx;
    this.title = new Field('title', t(lang, 'taskTitle'), textBox(200), true);
    this.wing = new Field('wing', t(lang, 'wing'), h('select', {}), true);
    this.stop = new Field('stopId', t(lang, 'stop'), h('select', {}));
    this.assignee = new Field('assignee', t(lang, 'assignee'), textBox(120));
    this.due = new Field('dueAt', '', whenBox());
    this.dueLabel = this.due.el.querySelector('label');
    const form = new CommandForm(ctx, {
      className: 'log-task',
      fields: [this.title, [this.wing, this.stop], [this.assignee, this.due]],
      submit: 'save',
      command: () => {
        const dueAt = this.due.value ? instantOf(this.due.value, this.programme?.timeZone) : undefined;
        const body = {
          programmeId,
          wing: this.wing.value,
          title: this.title.value,
          ...(this.stop.value ? { stopId: this.stop.value } : {}),
          ...(this.assignee.value ? { assignee: this.assignee.value } : {}),
          // A value the browser could not read as a time goes as typed: the API says what is wrong with it.
          ...(this.due.value ? { dueAt: dueAt ?? this.due.value } : {}),
        };
        return { path: '/api/tasks', body };
      },
      done: (answer) => {
        void ctx.refresh(board, answer.position).catch(() => undefined);
        this.title.control.focus();
        return t(lang, 'taskLogged');
      },
    });
    box.append(form.el);
  }

  /** The programme's stops and zone, and the wings (whose names may come after the board). */
  update(programme: BoardProgramme): void {
    const { lang } = this.ctx;
    this.programme = programme;
    fillSelect(this.wing.control as HTMLSelectElement, wingChoices(this.ctx));
    const stops = programme.kind === 'tour' ? programme.stops.filter((s) => !s.cancelled) : [];
    this.stop.el.hidden = stops.length === 0;
    fillSelect(this.stop.control as HTMLSelectElement, [{ value: '', label: t(lang, 'noStop') }, ...stops.map((s) => ({ value: s.id, label: s.place }))]);
    if (this.dueLabel) setText(this.dueLabel, t(lang, 'dueAt', { zone: zoneName(programme.timeZone, lang) }));
  }
}
