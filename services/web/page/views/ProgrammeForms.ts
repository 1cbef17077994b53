import { h } from '../dom';
import { t } from '../i18n';
import { canPlan } from '../token';
import type { BoardProgramme } from '../types';
import type { Column } from './Column';
import { GiveDutyForm } from './forms/GiveDutyForm';
import { LogTaskForm } from './forms/LogTaskForm';
import { MeetingPanel } from './forms/MeetingPanel';
import { TourPanel } from './forms/TourPanel';
import type { PageContext } from './PageContext';

/** Where a programme view puts its forms. */
export interface FormSlots {
  /** "Add a task" goes at the top of the To do column. */
  todo: Column;
  /** "Give a duty" goes above the duties. */
  duties: HTMLElement;
  /** The planning panels go at the end of the side column. */
  side: HTMLElement;
}

/**
 * A programme view's forms, only for those who may use them: logging a task for in-charges and wing
 * leads; giving a duty and a tour's or a meeting's planning for in-charges. The view makes them in the
 * task after its first board is drawn: their date-time inputs are among the costliest things a page
 * makes, and a phone shows the board sooner without them (issue 14, first paint). The folded boxes of
 * "Add a task" and "Give a duty" are there from the first frame, so that the forms coming into them
 * move nothing under a finger (a "show more" pressed just then once missed by 48 px).
 */
export class ProgrammeForms {
  private readonly logTaskBox: HTMLDetailsElement | undefined;
  private readonly giveDutyBox: HTMLDetailsElement | undefined;
  private logTask: LogTaskForm | undefined;
  private giveDuty: GiveDutyForm | undefined;
  private tourPanel: TourPanel | undefined;
  private meetingPanel: MeetingPanel | undefined;
  private isMade = false;

  constructor(
    private readonly ctx: PageContext,
    private readonly board: string,
    private readonly programmeId: string,
    private readonly slots: FormSlots,
  ) {
    const { lang, claims } = ctx;
    if (claims.role === 'incharge' || (claims.role === 'wing-lead' && claims.wing)) {
      this.logTaskBox = formBox('form-log-task', t(lang, 'addTask'));
      slots.todo.addForm(this.logTaskBox);
    }
    if (canPlan(claims)) {
      this.giveDutyBox = formBox('form-give-duty', t(lang, 'giveDuty'));
      slots.duties.before(this.giveDutyBox);
    }
  }

  get made(): boolean {
    return this.isMade;
  }

  /** The planning panel of the programme's kind, filled from it. */
  showProgramme(p: BoardProgramme): void {
    if (this.tourPanel) this.tourPanel.el.hidden = p.kind !== 'tour';
    if (this.meetingPanel) this.meetingPanel.el.hidden = p.kind !== 'meeting';
    if (p.kind === 'tour') this.tourPanel?.update(p);
    else this.meetingPanel?.update(p);
  }

  /** The forms that add to the board, hidden on a cancelled programme (SPEC "Rules": nothing is added to it). */
  showAdding(p: BoardProgramme): void {
    this.logTask?.update(p);
    this.giveDuty?.update(p);
    for (const box of [this.logTaskBox, this.giveDutyBox]) if (box) box.hidden = p.status === 'cancelled';
  }

  /** Makes them (once); the view then draws again to fill them in. */
  make(): void {
    if (this.isMade) return;
    this.isMade = true;
    const { ctx, board, programmeId: id, slots } = this;
    if (this.logTaskBox) this.logTask = new LogTaskForm(ctx, board, id, this.logTaskBox);
    if (this.giveDutyBox) this.giveDuty = new GiveDutyForm(ctx, board, id, this.giveDutyBox);
    if (canPlan(ctx.claims)) {
      this.tourPanel = new TourPanel(ctx, board);
      this.meetingPanel = new MeetingPanel(ctx, board);
      slots.side.append(this.tourPanel.el, this.meetingPanel.el);
    }
  }
}

/** A folded form's box ("+ Add a task"): its summary holds its place until the form is made into it. */
function formBox(className: string, summary: string): HTMLDetailsElement {
  return h('details', { className: `form-box ${className}` }, h('summary', {}, `+ ${summary}`));
}
