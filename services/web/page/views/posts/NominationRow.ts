import type { NominationStage } from '@tayari/shared/contract/nominationStages';
import { h, setAttr, setText } from '../../dom';
import { t } from '../../i18n';
import { newKey } from '../../newKey';
import { sendOrQueue } from '../../outbox/sendOrQueue';
import { sentWords } from '../../outbox/sentWords';
import { CommandForm, Field } from '../forms/CommandForm';
import { textBox } from '../forms/controls';
import type { PageContext } from '../PageContext';
import type { NominationItem, PostItem } from '../../types';
import { movesOf, type NominationMove } from './nominationMoves';

/** What the posts screen shares with its rows: reading the board again up to one's own change. */
export type Reload = (position: string) => void;

/**
 * One nomination: the name, who proposed it, its note or reason, and the moves the person may make.
 * Recommend, approve and appoint are one press; decline and withdraw ask for a reason first. Moves
 * go without If-Match: stages only go forward, so the server refuses a move that no longer fits.
 */
export class NominationRow {
  readonly el: HTMLElement;
  private readonly name = h('strong', { className: 'nominee' });
  private readonly by = h('span', { className: 'muted nomination-by' });
  private readonly text = h('p', { className: 'muted nomination-text' });
  private readonly actions = h('div', { className: 'row nomination-actions' });
  private readonly message = h('p', { className: 'form-msg', role: 'status', 'aria-live': 'polite' });
  private readonly buttons = new Map<string, HTMLElement>();
  private shown = '';

  constructor(
    private readonly ctx: PageContext,
    private readonly nomination: NominationItem,
    private readonly reload: Reload,
  ) {
    this.el = h(
      'li',
      { className: 'nomination', 'data-nomination-id': nomination.id },
      h('p', {}, this.name, ' ', this.by),
      this.text,
      this.actions,
      this.message,
    );
  }

  update(post: PostItem, stage: NominationStage, nomination: NominationItem): void {
    const { lang, claims } = this.ctx;
    this.el.dataset.stage = stage;
    setText(this.name, nomination.nominee);
    setText(this.by, t(lang, 'proposedBy', { name: nomination.proposedBy }));
    const words = nomination.reason ?? nomination.note ?? '';
    setText(this.text, words);
    this.text.hidden = words === '';
    const moves = movesOf(claims, post, stage);
    const signature = `${post.id}|${moves.join(',')}`;
    if (signature === this.shown) return;
    this.shown = signature;
    this.actions.replaceChildren(...moves.map((move) => this.control(post, move)));
  }

  /** A button for a one-press move, or a folded form for one that needs a reason; kept across updates. */
  private control(post: PostItem, move: NominationMove): HTMLElement {
    const made = this.buttons.get(move);
    if (made) return made;
    const { lang } = this.ctx;
    const id = encodeURIComponent(this.nomination.id);
    let el: HTMLElement;
    if (move === 'decline' || move === 'withdraw') {
      const required = move === 'decline';
      const reason = new Field('reason', t(lang, move === 'decline' ? 'declineReason' : 'withdrawReason'), textBox(500), required);
      const form = new CommandForm(this.ctx, {
        className: `nomination-${move}`,
        fields: [reason],
        submit: move,
        danger: true,
        command: () => ({ path: `/api/nominations/${id}/${move}`, body: reason.value ? { reason: reason.value } : {} }),
        done: (answer) => {
          this.reload(answer.position);
          return t(lang, 'stageMoved');
        },
      });
      el = h('details', { className: `form-box form-${move}` }, h('summary', {}, t(lang, move)), form.el);
    } else {
      const button = h('button', { type: 'button', className: `btn btn-${move}` }, t(lang, move));
      const path = move === 'appoint' ? `/api/posts/${encodeURIComponent(post.id)}/appoint` : `/api/nominations/${id}/${move}`;
      const body = move === 'appoint' ? { nominationId: this.nomination.id } : {};
      button.addEventListener('click', () => void this.press(button, path, body));
      el = button;
    }
    this.buttons.set(move, el);
    return el;
  }

  private async press(button: HTMLButtonElement, path: string, body: object): Promise<void> {
    const { lang } = this.ctx;
    button.disabled = true;
    this.say(t(lang, 'sending'));
    const change = { path, body, key: newKey(), at: new Date().toISOString() };
    const result = await sendOrQueue(this.ctx.api, this.ctx.outbox, change, () => this.say(t(lang, 'retrying'))).finally(() => {
      button.disabled = false;
    });
    if (result.kind === 'ok') {
      this.say(t(lang, 'stageMoved'));
      this.reload(result.answer.position);
      return;
    }
    const words = sentWords(lang, this.ctx.wings, result);
    this.say(words.text, words.error);
  }

  private say(text: string, error = false): void {
    this.message.classList.toggle('msg-error', error);
    setAttr(this.message, 'role', error ? 'alert' : 'status');
    setText(this.message, text);
  }
}
