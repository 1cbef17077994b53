import { setText } from '../dom';
import { t } from '../i18n';
import { newKey } from '../newKey';
import type { Aspect } from '../outbox/QueuedChange';
import type { Settled } from '../outbox/Report';
import { reportText } from '../outbox/reportText';
import { sendOrQueue } from '../outbox/sendOrQueue';
import { sentWords } from '../outbox/sentWords';
import { targetOf } from '../outbox/targetOf';
import { sayIfGone } from './changes/GoneNotice';
import type { Card } from '../types';
import type { PageContext } from './PageContext';

/**
 * A card's changes on their way: sent now, or kept in the offline queue; marks the card while some
 * wait, and says what became of the last one the queue sent.
 */
export class CardSender {
  /** The outbox's last word on this card that the card has said. */
  private told: Settled | undefined;

  constructor(
    private readonly ctx: PageContext,
    private readonly board: string,
    private readonly card: () => Card & { programmeId?: string },
    private readonly el: HTMLElement,
    private readonly waiting: HTMLElement,
    private readonly say: (text: string, kind: 'info' | 'error') => void,
  ) {}

  /**
   * One change made now, with a key of its own. With an aspect it goes with If-Match (the version the
   * person saw) and is judged by meaning on a 412; a note has none and goes without.
   */
  async send(path: string, body: object, aspect?: Aspect): Promise<'ok' | 'queued' | undefined> {
    const { lang, wings } = this.ctx;
    const card = this.card();
    const change = {
      key: newKey(),
      path,
      body,
      ...(aspect ? { aspect, ifMatch: card.version } : {}),
      target: targetOf(this.board, 'task', card, card.title),
      at: new Date().toISOString(),
    };
    this.say(t(lang, 'sending'), 'info');
    const sent = await sendOrQueue(this.ctx.api, this.ctx.outbox, change, () => this.say(t(lang, 'retrying'), 'info'));
    if (sent.kind === 'ok') {
      // The live board brings the change; reading it too covers a socket that is down right now.
      void this.ctx.refresh(this.board, sent.answer.position).catch(() => undefined);
      return 'ok';
    }
    const words = sentWords(lang, wings, sent);
    this.say(words.text, words.error ? 'error' : 'info');
    sayIfGone(lang, card.title, sent, words.text);
    if (sent.kind === 'settled' || sent.kind === 'conflict') void this.ctx.refresh(this.board).catch(() => undefined);
    return sent.kind === 'queued' ? 'queued' : undefined;
  }

  showOutbox(): void {
    const { lang, outbox, wings } = this.ctx;
    const id = this.card().id;
    const waiting = outbox.pendingFor(id);
    this.el.classList.toggle('card-pending', waiting > 0);
    this.waiting.hidden = waiting === 0;
    setText(this.waiting, waiting > 0 ? `${t(lang, 'cardWaiting')} (${waiting})` : '');
    const settled = outbox.settledFor(id);
    if (settled && settled !== this.told) {
      this.told = settled;
      this.say(reportText(lang, wings, settled.report), settled.report.kind === 'saved' ? 'info' : 'error');
    }
  }
}
