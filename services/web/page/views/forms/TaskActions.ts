import { h, setText } from '../../dom';
import { assigneeName } from '@tayari/shared/contract/assignee';
import { t } from '../../i18n';
import { targetOf } from '../../outbox/targetOf';
import { canManage, canWorkOn } from '../../token';
import type { Card } from '../../types';
import { instantOf, localOf, zoneName } from '../../zonedTime';
import type { PageContext } from '../PageContext';
import { sayIfGone } from '../changes/GoneNotice';
import { CommandForm, Field } from './CommandForm';
import type { Sent } from '../../outbox/sendOrQueue';
import { sentWords } from '../../outbox/sentWords';
import { textBox, whenBox } from './controls';

/**
 * A card's less frequent changes, folded under one line: give it to someone, set its due time,
 * cancel it. Only what the person may do (README "Who may do what"): a wing's lead and in-charges
 * assign and cancel; organisers set the due time too. Each sends the card's version as If-Match.
 */
export class TaskActions {
  readonly el: HTMLDetailsElement | undefined;
  private dueField: Field | undefined;
  private dueLabel: HTMLLabelElement | null = null;

  constructor(
    private readonly ctx: PageContext,
    board: string,
    card: () => Card,
    private readonly timeZone: () => string | undefined,
  ) {
    const { lang } = ctx;
    const wing = card().wing;
    if (!canManage(ctx.claims, wing) && !canWorkOn(ctx.claims, wing)) return;
    const summary = canManage(ctx.claims, wing) ? t(lang, 'moreActions') : t(lang, 'setDue');
    const el = h('details', { className: 'card-actions' }, h('summary', {}, summary));
    this.el = el;
    // The forms are made when first opened: a long board draws many cards, and few are acted on.
    el.addEventListener('toggle', () => {
      if (!el.open) return;
      if (el.childElementCount === 1) {
        el.append(...this.forms(board, card));
        this.update();
      }
      // The due box opens on the card's own due time, in the programme's zone.
      if (this.dueField && !this.dueField.value) this.dueField.control.value = localOf(card().dueAt, timeZone());
    });
  }

  private forms(board: string, card: () => Card): HTMLElement[] {
    const { ctx, timeZone } = this;
    const { lang } = ctx;
    const wing = card().wing;
    const path = (verb: string) => `/api/tasks/${encodeURIComponent(card().id)}/${verb}`;
    const after =
      (key: 'assigned' | 'dueSet' | 'taskCancelled', values: Record<string, string> = {}) =>
      (answer: { position: string }) => {
        void ctx.refresh(board, answer.position).catch(() => undefined);
        return t(lang, key, values);
      };
    // A task cancelled meanwhile leaves the board, and this form with it: said at page level too.
    const conflict = (sent: Exclude<Sent, { kind: 'ok' }>) => {
      sayIfGone(lang, card().title, sent, sentWords(lang, ctx.wings, sent).text);
      void ctx.refresh(board).catch(() => undefined);
    };
    // What each change is about, and the version it was made against (judged by meaning after a 412).
    const about = () => ({ target: targetOf(board, 'task', card(), card().title), ifMatch: card().version });
    const forms: HTMLElement[] = [];
    if (canManage(ctx.claims, wing)) {
      const assignee = new Field('new-assignee', t(lang, 'assignTo'), textBox(120), true, 'assignee');
      forms.push(
        new CommandForm(ctx, {
          className: 'task-assign',
          fields: [assignee],
          submit: 'assign',
          command: () => ({
            path: path('assign'),
            body: { assignee: assignee.value },
            ...about(),
            aspect: { field: 'assignee', seen: assigneeName(card().assignee) },
          }),
          done: (answer) => after('assigned', { name: assignee.value })(answer),
          conflict,
        }).el,
      );
    }
    if (canWorkOn(ctx.claims, wing)) {
      const due = (this.dueField = new Field('new-due', t(lang, 'setDue'), whenBox(), true, 'dueAt'));
      this.dueLabel = due.el.querySelector('label');
      forms.push(
        new CommandForm(ctx, {
          className: 'task-due',
          fields: [due],
          submit: 'save',
          command: () => ({
            path: path('due'),
            body: { dueAt: instantOf(due.value, timeZone()) ?? due.value },
            ...about(),
            aspect: { field: 'dueAt', seen: card().dueAt },
          }),
          done: after('dueSet'),
          conflict,
        }).el,
      );
    }
    if (canManage(ctx.claims, wing)) {
      const reason = new Field('cancel-reason', t(lang, 'cancelReason'), textBox(500), true, 'reason');
      forms.push(
        new CommandForm(ctx, {
          className: 'task-cancel',
          fields: [reason],
          submit: 'cancelTask',
          danger: true,
          command: () => ({ path: path('cancel'), body: { reason: reason.value }, ...about(), aspect: { field: 'status', seen: card().status } }),
          done: after('taskCancelled'),
          conflict,
        }).el,
      );
    }
    return forms;
  }

  /** The due label names the zone the time is read in. */
  update(): void {
    if (this.dueLabel) setText(this.dueLabel, `${t(this.ctx.lang, 'setDue')} (${zoneName(this.timeZone(), this.ctx.lang)})`);
  }
}
