import { HttpError } from '../../api';
import { h, setText } from '../../dom';
import { t, type MessageKey } from '../../i18n';
import { en } from '../../messagesEn';
import type { PageContext } from '../PageContext';
import { stringField } from '../../stringField';
import type { PostItem } from '../../types';

interface HistoryEvent {
  position: string;
  type: string;
  at: string;
  actor: unknown;
  data: unknown;
}

/** The label of an event type (`ev_<Type>`), or the type itself for one the page has no words for. */
function eventKey(type: string): MessageKey | undefined {
  const key = `ev_${type}`;
  return Object.keys(en).find((k): k is MessageKey => k === key);
}

/**
 * A post's history on demand (GET /api/posts/{id}/history): every change, when, by whom and to whom,
 * oldest first; read each time it is opened.
 */
export class PostHistory {
  readonly el: HTMLElement;
  private readonly list = h('ol', { className: 'post-history' });
  private readonly toggle: HTMLButtonElement;
  private open = false;

  constructor(
    private readonly ctx: PageContext,
    private readonly post: () => PostItem,
  ) {
    this.toggle = h('button', { type: 'button', className: 'btn btn-quiet post-history-toggle', 'aria-expanded': 'false' }, t(ctx.lang, 'postHistory'));
    this.toggle.addEventListener('click', () => void this.flip());
    this.list.hidden = true;
    this.el = h('div', { className: 'post-history-box' }, this.toggle, this.list);
  }

  private async flip(): Promise<void> {
    const { lang } = this.ctx;
    this.open = !this.open;
    this.toggle.setAttribute('aria-expanded', String(this.open));
    setText(this.toggle, t(lang, this.open ? 'postHistoryHide' : 'postHistory'));
    this.list.hidden = !this.open;
    if (!this.open) return;
    this.list.replaceChildren(h('li', { className: 'muted' }, t(lang, 'loading')));
    const post = this.post();
    try {
      const events: HistoryEvent[] = [];
      let after: string | undefined;
      // Pages of 200, following `next` (a post rarely has more than a page).
      for (let page = 0; page < 10; page++) {
        const query = after === undefined ? '' : `&after=${encodeURIComponent(after)}`;
        const answer = await this.ctx.api.get<{ events: HistoryEvent[]; next?: string }>(`/api/posts/${encodeURIComponent(post.id)}/history?limit=200${query}`);
        events.push(...answer.events);
        if (answer.next === undefined || answer.events.length === 0) break;
        after = answer.next;
      }
      this.list.replaceChildren(...(events.length > 0 ? events.map((e) => this.item(post, e)) : [h('li', { className: 'muted' }, t(lang, 'postHistoryNone'))]));
    } catch (error) {
      this.list.replaceChildren(h('li', { className: 'muted' }, error instanceof HttpError ? error.detail : t(lang, 'loadFailed')));
    }
  }

  private item(post: PostItem, event: HistoryEvent): HTMLElement {
    const { lang, fmt } = this.ctx;
    const key = eventKey(event.type);
    const nominationId = stringField(event.data, 'nominationId');
    // Most events name the nomination only: its name is on the board.
    const named = Object.values(post.nominations)
      .flatMap((group) => Object.values(group ?? {}))
      .find((n) => n.id === nominationId);
    const nominee = stringField(event.data, 'nominee') ?? named?.nominee;
    const words = stringField(event.data, 'reason') ?? stringField(event.data, 'note');
    return h(
      'li',
      { className: 'post-event', 'data-type': event.type },
      h('span', { className: 'muted' }, fmt.when(event.at, this.ctx.now())),
      ' · ',
      h('strong', {}, key ? t(lang, key) : event.type),
      nominee ? ` · ${nominee}` : undefined,
      words ? ` (${words})` : undefined,
      stringField(event.actor, 'name') ? h('span', { className: 'muted' }, ` — ${stringField(event.actor, 'name')}`) : undefined,
    );
  }
}
