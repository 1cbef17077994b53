import { h, setAttr, setText } from '../dom';
import { t } from '../i18n';
import { newKey } from '../newKey';
import { sendOrQueue } from '../outbox/sendOrQueue';
import { sentWords } from '../outbox/sentWords';
import { targetOf } from '../outbox/targetOf';
import { hrefOf } from '../route';
import { canAcknowledge } from '../token';
import type { ResponsibilityItem } from '../types';
import { DutyActions } from './forms/DutyActions';
import type { PageContext } from './PageContext';

/** One duty given to a wing: who leads it, whether (and by whom) the wing acknowledged it. */
export class ResponsibilityRow {
  readonly el: HTMLElement;
  private item: ResponsibilityItem;
  private readonly duty = h('p', { className: 'resp-duty' });
  private readonly programme = h('p', { className: 'resp-programme', hidden: true });
  private readonly wing = h('a', { className: 'chip chip-wing' });
  private readonly wingItem = h('li', {}, this.wing);
  private readonly stop = h('li', { hidden: true });
  private readonly lead = h('li', { hidden: true });
  private readonly ack = h('p', { className: 'resp-ack' });
  private readonly cancelled = h('span', { className: 'badge badge-muted', hidden: true });
  private readonly message = h('p', { className: 'card-msg', role: 'status', 'aria-live': 'polite' });
  private readonly button = h('button', { type: 'button', className: 'btn btn-quiet', hidden: true });
  private readonly actions: DutyActions;

  constructor(
    private readonly ctx: PageContext,
    private readonly board: string,
    item: ResponsibilityItem,
  ) {
    this.item = item;
    setText(this.button, t(ctx.lang, 'acknowledge'));
    this.button.addEventListener('click', () => void this.acknowledge());
    this.el = h(
      'li',
      { className: 'resp', 'data-responsibility-id': item.id },
      this.programme,
      h('div', { className: 'resp-top' }, this.duty, this.cancelled),
      h('ul', { className: 'card-meta' }, this.wingItem, this.stop, this.lead),
      h('div', { className: 'resp-bottom' }, this.ack, this.button),
      this.message,
    );
    this.actions = new DutyActions(ctx, board, () => this.item);
    if (this.actions.el) this.el.append(this.actions.el);
  }

  update(item: ResponsibilityItem, place: { stopName?: string; programme?: { id: string; title: string }; hideWing?: boolean; timeZone?: string }): void {
    const { lang, fmt } = this.ctx;
    this.item = item;
    setText(this.duty, item.duty);
    this.programme.hidden = !place.programme;
    if (place.programme) {
      const link = this.programme.querySelector('a') ?? this.programme.appendChild(h('a'));
      setAttr(link, 'href', hrefOf({ view: 'programme', id: place.programme.id }));
      setText(link, place.programme.title);
    }
    this.wingItem.hidden = place.hideWing === true;
    setAttr(this.wing, 'href', hrefOf({ view: 'wing', code: item.wing }));
    setText(this.wing, this.ctx.wings.name(item.wing, lang));
    this.stop.hidden = !place.stopName;
    setText(this.stop, place.stopName ? `${t(lang, 'stop')}: ${place.stopName}` : '');
    this.lead.hidden = !item.lead;
    setText(this.lead, item.lead ? t(lang, 'dutyLead', { name: item.lead }) : '');
    this.cancelled.hidden = !item.cancelled;
    setText(this.cancelled, t(lang, 'cancelled'));
    this.el.classList.toggle('resp-cancelled', item.cancelled);
    this.el.classList.toggle('resp-acknowledged', item.acknowledged);
    const by = item.acknowledgedBy;
    setText(
      this.ack,
      item.acknowledged
        ? by
          ? t(lang, 'acknowledgedAt', { name: by.name, time: fmt.when(by.at, this.ctx.now(), place.timeZone) })
          : t(lang, 'acknowledged')
        : t(lang, 'notAcknowledged'),
    );
    this.actions.update();
    this.button.hidden = item.acknowledged || item.cancelled || !canAcknowledge(this.ctx.claims, item.wing);
  }

  private say(text: string, error = false): void {
    this.message.classList.toggle('msg-error', error);
    setAttr(this.message, 'role', error ? 'alert' : 'status');
    setText(this.message, text);
  }

  /** Acknowledging depends on the duty still being the wing's: that is what a 412 is judged by. */
  private async acknowledge(): Promise<void> {
    const { lang, api, outbox, wings } = this.ctx;
    const item = this.item as ResponsibilityItem & { programmeId?: string };
    const change = {
      key: newKey(),
      path: `/api/responsibilities/${encodeURIComponent(item.id)}/acknowledge`,
      body: {},
      ifMatch: item.version,
      aspect: { field: 'wing' as const, seen: item.wing },
      target: targetOf(this.board, 'duty', item, item.duty),
      at: new Date().toISOString(),
    };
    this.button.disabled = true;
    this.say(t(lang, 'sending'));
    const result = await sendOrQueue(api, outbox, change, () => this.say(t(lang, 'retrying'))).finally(() => (this.button.disabled = false));
    if (result.kind === 'ok') {
      this.say(t(lang, 'acknowledgedOk'));
      void this.ctx.refresh(this.board, result.answer.position).catch(() => undefined);
      return;
    }
    const words = sentWords(lang, wings, result);
    this.say(words.text, words.error);
    if (result.kind === 'conflict' || result.kind === 'settled') void this.ctx.refresh(this.board).catch(() => undefined);
  }
}
