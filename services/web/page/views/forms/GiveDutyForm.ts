import { h } from '../../dom';
import { t } from '../../i18n';
import type { BoardProgramme } from '../../types';
import type { PageContext } from '../PageContext';
import { CommandForm, Field } from './CommandForm';
import { fillSelect, textBox } from './controls';
import { wingChoices } from './wingChoices';

/** "Give a duty to a wing" (in-charges only): which wing, what, at which stop, led by whom. */
export class GiveDutyForm {
  private readonly wing: Field;
  private readonly stop: Field;

  constructor(
    private readonly ctx: PageContext,
    board: string,
    programmeId: string,
    /** Its folded box, on screen before the form is made (ProgrammeForms). */
    box: HTMLDetailsElement,
  ) {
    const { lang } = ctx;
    const duty = new Field('duty', t(lang, 'dutyText'), textBox(500), true);
    this.wing = new Field('wing', t(lang, 'wing'), h('select', {}), true);
    this.stop = new Field('stopId', t(lang, 'stop'), h('select', {}));
    const lead = new Field('lead', t(lang, 'dutyLeadField'), textBox(120));
    const form = new CommandForm(ctx, {
      className: 'give-duty',
      fields: [duty, [this.wing, this.stop], lead],
      submit: 'save',
      command: () => ({
        path: `/api/programmes/${encodeURIComponent(programmeId)}/responsibilities`,
        body: { wing: this.wing.value, duty: duty.value, ...(this.stop.value ? { stopId: this.stop.value } : {}), ...(lead.value ? { lead: lead.value } : {}) },
      }),
      done: (answer) => {
        void ctx.refresh(board, answer.position).catch(() => undefined);
        return t(lang, 'dutyGiven');
      },
    });
    box.append(form.el);
  }

  update(programme: BoardProgramme): void {
    const { lang } = this.ctx;
    fillSelect(this.wing.control as HTMLSelectElement, wingChoices(this.ctx));
    const stops = programme.kind === 'tour' ? programme.stops.filter((s) => !s.cancelled) : [];
    this.stop.el.hidden = stops.length === 0;
    fillSelect(this.stop.control as HTMLSelectElement, [{ value: '', label: t(lang, 'noStop') }, ...stops.map((s) => ({ value: s.id, label: s.place }))]);
  }
}
