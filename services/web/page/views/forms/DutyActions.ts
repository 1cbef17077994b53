import { h } from '../../dom';
import { t } from '../../i18n';
import { targetOf } from '../../outbox/targetOf';
import { canPlan } from '../../token';
import type { ResponsibilityItem } from '../../types';
import type { PageContext } from '../PageContext';
import { CommandForm, Field } from './CommandForm';
import { fillSelect, textBox } from './controls';
import { wingChoices } from './wingChoices';

/**
 * A duty's changes, folded under one line, for in-charges only (README "Who may do what"): give it to
 * another wing, or withdraw it. Each sends the duty's version as If-Match.
 */
export class DutyActions {
  readonly el: HTMLDetailsElement | undefined;
  private readonly wing: Field | undefined;

  constructor(
    private readonly ctx: PageContext,
    board: string,
    private readonly item: () => ResponsibilityItem,
  ) {
    if (!canPlan(ctx.claims)) return;
    const { lang } = ctx;
    const path = (verb: string) => `/api/responsibilities/${encodeURIComponent(item().id)}/${verb}`;
    const refresh = (position?: string) => void ctx.refresh(board, position).catch(() => undefined);
    // Both depend on the wing the duty was with when the person acted (judged by meaning after a 412).
    const about = () => ({
      target: targetOf(board, 'duty', item(), item().duty),
      ifMatch: item().version,
      aspect: { field: 'wing' as const, seen: item().wing },
    });
    const wing = (this.wing = new Field('to-wing', t(lang, 'wing'), h('select', {}), true, 'wing'));
    const reason = new Field('duty-cancel-reason', t(lang, 'cancelReason'), textBox(500), true, 'reason');
    const reassign = new CommandForm(ctx, {
      className: 'duty-reassign',
      fields: [wing],
      submit: 'reassign',
      command: () => ({ path: path('reassign'), body: { wing: wing.value }, ...about() }),
      done: (answer) => {
        refresh(answer.position);
        return t(lang, 'reassigned', { wing: ctx.wings.name(wing.value, lang) });
      },
      conflict: () => refresh(),
    });
    const cancel = new CommandForm(ctx, {
      className: 'duty-cancel',
      fields: [reason],
      submit: 'cancelDuty',
      danger: true,
      command: () => ({ path: path('cancel'), body: { reason: reason.value }, ...about() }),
      done: (answer) => {
        refresh(answer.position);
        return t(lang, 'dutyCancelled');
      },
      conflict: () => refresh(),
    });
    this.el = h('details', { className: 'resp-actions' }, h('summary', {}, t(lang, 'dutyActions')), reassign.el, cancel.el);
  }

  /** The other wings to give it to; nothing to change on a withdrawn duty. */
  update(): void {
    if (!this.el || !this.wing) return;
    const item = this.item();
    this.el.hidden = item.cancelled;
    fillSelect(this.wing.control as HTMLSelectElement, wingChoices(this.ctx, item.wing));
  }
}
