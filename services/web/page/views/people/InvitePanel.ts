import { h, setText } from '../../dom';
import { t } from '../../i18n';
import { newKey } from '../../newKey';
import type { PageContext } from '../PageContext';
import { invitationOf, type Person } from './directory';

/**
 * "Invite": makes a one-time sign-in link for a person (SPEC v2: `POST /api/people/{id}/invite`,
 * answered once with the link) and shows it with a Copy button and a WhatsApp share link. It is sent
 * at once, never kept for later: a link made while the person waits is what they need. A retry of the
 * same press (same Idempotency-Key) gets the same link.
 */
export class InvitePanel {
  readonly el: HTMLElement;
  readonly button: HTMLButtonElement;
  private readonly message = h('p', { className: 'form-msg', role: 'status', 'aria-live': 'polite' });
  private readonly shown = h('div', { className: 'invite-link', hidden: true });
  private busy = false;

  constructor(
    private readonly ctx: PageContext,
    private readonly person: () => Person,
    private readonly reload: (position: string) => void,
  ) {
    this.button = h('button', { type: 'button', className: 'btn invite' });
    this.button.addEventListener('click', () => void this.invite());
    this.el = h('div', { className: 'invite-box' }, this.button, this.message, this.shown);
    this.update();
  }

  update(): void {
    const invited = this.person().signIn !== 'not-invited';
    setText(this.button, t(this.ctx.lang, invited ? 'inviteAgain' : 'invite'));
  }

  private say(text: string, error = false): void {
    this.message.classList.toggle('msg-error', error);
    setText(this.message, text);
  }

  private async invite(): Promise<void> {
    if (this.busy) return;
    const { ctx } = this;
    const { lang, api, fmt } = ctx;
    const person = this.person();
    this.busy = true;
    this.button.disabled = true;
    this.say(t(lang, 'inviteMaking'));
    const sent = await api
      .send(`/api/people/${encodeURIComponent(person.id)}/invite`, {}, { key: newKey(), onRetry: () => this.say(t(lang, 'retrying')) })
      .finally(() => {
        this.busy = false;
        this.button.disabled = false;
      });
    const invitation = sent.kind === 'ok' ? invitationOf(sent.answer) : undefined;
    if (sent.kind !== 'ok' || !invitation) {
      const detail = sent.kind === 'refused' || sent.kind === 'forbidden' ? sent.detail : t(lang, 'sendFailed');
      this.say(t(lang, 'inviteFailed', { detail }), true);
      return;
    }
    this.say('');
    this.reload(sent.answer.position);
    const link = h('input', { type: 'text', readonly: true, className: 'invite-url', value: invitation.link, 'aria-label': person.name });
    const copy = h('button', { type: 'button', className: 'btn copy-link' }, t(lang, 'copy'));
    const copied = h('span', { className: 'copied', role: 'status' });
    copy.addEventListener('click', () => void this.copy(link, copied));
    const text = t(lang, 'inviteMessage', { link: invitation.link });
    const share = h(
      'a',
      { className: 'btn share-whatsapp', href: `https://wa.me/?text=${encodeURIComponent(text)}`, target: '_blank', rel: 'noopener noreferrer' },
      t(lang, 'shareWhatsApp'),
    );
    const until = fmt.when(invitation.expiresAt, ctx.now());
    this.shown.replaceChildren(h('p', {}, t(lang, 'inviteFor', { name: person.name, time: until })), link, h('div', { className: 'row' }, copy, share, copied));
    this.shown.hidden = false;
    link.focus();
    link.select();
  }

  /** The clipboard where the page may write to it (https, localhost); else the link is selected for copying by hand. */
  private async copy(link: HTMLInputElement, copied: HTMLElement): Promise<void> {
    const { lang } = this.ctx;
    try {
      await navigator.clipboard.writeText(link.value);
      setText(copied, t(lang, 'copied'));
    } catch {
      link.focus();
      link.select();
      setText(copied, t(lang, 'copyByHand'));
    }
  }
}
