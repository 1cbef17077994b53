import { statusesReachable } from '@tayari/shared/contract/domain';
import { assigneeName } from '@tayari/shared/contract/assignee';
import { h, setAttr, setText } from '../dom';
import { t, type MessageKey } from '../i18n';
import type { Aspect } from '../outbox/QueuedChange';
import { targetOf } from '../outbox/targetOf';
import { hrefOf } from '../route';
import { canWorkOn } from '../token';
import type { Card, LastChange, TaskStatus } from '../types';
import { CardSender } from './CardSender';
import { CardNotes } from './changes/CardNotes';
import { TaskActions } from './forms/TaskActions';
import type { PageContext } from './PageContext';

export const statusKey = (status: TaskStatus): MessageKey => `status_${status}`;

/** Where a card sits, for the lines that place it (the wing view shows cards of many programmes). */
export interface CardPlace {
  stopName?: string;
  programme?: { id: string; title: string };
  /** Off the programme board no column tells the status, so the card says it. */
  showStatus?: boolean;
  /** On a wing's own view every card is that wing's: no need to say so on each. */
  hideWing?: boolean;
  /** The programme's time zone, for due and note times. */
  timeZone?: string;
  /** Someone else's change since the person last looked at the board (issue 14): marked with who and when. */
  changed?: LastChange | undefined;
}

/** What a person most likely wants next, offered first in the select. */
const NEXT: Record<TaskStatus, TaskStatus> = { todo: 'in_progress', in_progress: 'done', blocked: 'in_progress', done: 'todo' };

let serial = 0;

/**
 * A task card. It lives as long as the task is on the board and is updated in place, so a note
 * being typed or a focused control survives live updates. Edit controls only for people who may
 * work on the task's wing; observers see none. Its owner calls update() right after making it.
 */
export class TaskCardView {
  readonly el: HTMLElement;
  private card: Card;
  private readonly uid = `card-${++serial}`;
  private readonly title = h('h5', { className: 'card-title' });
  private readonly programmeLine = h('p', { className: 'card-programme', hidden: true });
  private readonly wingLink = h('a', { className: 'chip chip-wing' });
  private readonly wingItem = h('li', {}, this.wingLink);
  private readonly statusChip = h('span', { className: 'chip chip-status' });
  private readonly statusItem = h('li', { hidden: true }, this.statusChip);
  private readonly stopItem = h('li', { className: 'card-stop', hidden: true });
  private readonly stopCancelledBadge = h('span', { className: 'badge badge-muted' });
  private readonly stopCancelledItem = h('li', { hidden: true }, this.stopCancelledBadge);
  private readonly assigneeItem = h('li', { className: 'card-assignee' });
  private readonly dueItem = h('li', { className: 'card-due' });
  private readonly blocked = h('p', { className: 'card-blocked', hidden: true });
  private readonly lastNote = h('p', { className: 'card-note', hidden: true });
  private readonly lastChange = h('p', { className: 'card-changed muted', hidden: true });
  private readonly news = h('p', { className: 'card-new', hidden: true });
  private readonly notes: CardNotes;
  private readonly message = h('p', { className: 'card-msg', role: 'status', 'aria-live': 'polite' });
  private readonly waiting = h('p', { className: 'card-waiting', hidden: true });
  private readonly statusSelect?: HTMLSelectElement;
  private readonly reasonRow?: HTMLElement;
  private readonly reasonInput?: HTMLInputElement;
  private readonly moveButton?: HTMLButtonElement;
  private readonly noteText?: HTMLTextAreaElement;
  private readonly noteButton?: HTMLButtonElement;
  private readonly noteDetails?: HTMLDetailsElement;
  private readonly actions: TaskActions;
  private timeZone: string | undefined;
  private shownStatus: TaskStatus | undefined;
  private readonly sender: CardSender;
  private busy = false;

  constructor(
    private readonly ctx: PageContext,
    /** The board the card is on: read again after a conflict. */
    board: string,
    card: Card,
  ) {
    this.card = card;
    const { lang } = ctx;
    this.el = h(
      'article',
      { className: 'card', 'data-task-id': card.id, 'aria-labelledby': `${this.uid}-title` },
      this.programmeLine,
      this.title,
      h('ul', { className: 'card-meta' }, this.statusItem, this.wingItem, this.stopItem, this.stopCancelledItem, this.assigneeItem, this.dueItem),
      this.blocked,
      this.lastNote,
      this.lastChange,
      this.news,
    );
    this.notes = new CardNotes(ctx, targetOf(board, 'task', card, card.title).programmeId, card.id, () => this.timeZone);
    this.el.append(this.notes.el);
    this.title.id = `${this.uid}-title`;
    if (canWorkOn(ctx.claims, card.wing)) {
      this.statusSelect = h('select', { id: `${this.uid}-status`, name: 'status' });
      this.reasonInput = h('input', { id: `${this.uid}-reason`, name: 'reason', type: 'text', maxlength: 500, autocomplete: 'off' });
      this.reasonRow = h(
        'div',
        { className: 'field field-reason', hidden: true },
        h('label', { for: `${this.uid}-reason` }, t(lang, 'reason')),
        this.reasonInput,
      );
      this.moveButton = h('button', { type: 'submit', className: 'btn' }, t(lang, 'move'));
      const moveForm = h(
        'form',
        { className: 'card-move', novalidate: true },
        h('div', { className: 'field field-status' }, h('label', { for: `${this.uid}-status` }, t(lang, 'moveTo')), this.statusSelect),
        this.reasonRow,
        this.moveButton,
      );
      this.statusSelect.addEventListener('change', () => this.showReason());
      moveForm.addEventListener('submit', (event) => {
        event.preventDefault();
        void this.move();
      });
      this.noteText = h('textarea', { id: `${this.uid}-note`, name: 'note', rows: 2, maxlength: 2000 });
      this.noteButton = h('button', { type: 'submit', className: 'btn btn-quiet' }, t(lang, 'saveNote'));
      const noteForm = h(
        'form',
        { className: 'card-note-form', novalidate: true },
        h('label', { for: `${this.uid}-note` }, t(lang, 'note')),
        this.noteText,
        this.noteButton,
      );
      noteForm.addEventListener('submit', (event) => {
        event.preventDefault();
        void this.addNote();
      });
      this.noteDetails = h('details', { className: 'card-add-note' }, h('summary', {}, t(lang, 'addNote')), noteForm);
      this.el.append(moveForm, this.noteDetails);
    }
    this.actions = new TaskActions(
      ctx,
      board,
      () => this.card,
      () => this.timeZone,
    );
    this.sender = new CardSender(
      ctx,
      board,
      () => this.card,
      this.el,
      this.waiting,
      (text, kind) => this.say(text, kind),
    );
    this.el.append(this.waiting, this.message);
    if (this.actions.el) this.el.append(this.actions.el);
  }

  get id(): string {
    return this.card.id;
  }

  update(card: Card, place: CardPlace): void {
    const { lang, fmt } = this.ctx;
    const now = this.ctx.now();
    this.card = card;
    this.timeZone = place.timeZone;
    this.actions.update();
    this.el.dataset.status = card.status;
    this.el.classList.toggle('card-overdue', card.overdue);
    // Its stop was cancelled: the card stays, muted, but no longer counts towards readiness.
    this.el.classList.toggle('card-stop-cancelled', card.stopCancelled);
    this.stopCancelledItem.hidden = !card.stopCancelled;
    setText(this.stopCancelledBadge, t(lang, 'stopCancelled'));
    setText(this.title, card.title);
    this.programmeLine.hidden = !place.programme;
    if (place.programme) {
      const link = this.programmeLine.querySelector('a') ?? this.programmeLine.appendChild(h('a'));
      setAttr(link, 'href', hrefOf({ view: 'programme', id: place.programme.id }));
      setText(link, place.programme.title);
    }
    this.statusItem.hidden = !place.showStatus;
    setText(this.statusChip, t(lang, statusKey(card.status)));
    this.wingItem.hidden = place.hideWing === true;
    setAttr(this.wingLink, 'href', hrefOf({ view: 'wing', code: card.wing }));
    setText(this.wingLink, this.ctx.wings.name(card.wing, lang));
    this.stopItem.hidden = !place.stopName;
    setText(this.stopItem, place.stopName ? `${t(lang, 'stop')}: ${place.stopName}` : '');
    setText(this.assigneeItem, card.assignee ? `${t(lang, 'assignee')}: ${assigneeName(card.assignee)}` : t(lang, 'unassigned'));
    this.assigneeItem.classList.toggle('muted', !card.assignee);
    this.dueItem.replaceChildren();
    this.dueItem.hidden = !card.dueAt;
    if (card.dueAt) {
      this.dueItem.append(`${t(lang, 'due')}: `, h('time', { datetime: card.dueAt }, fmt.when(card.dueAt, now, place.timeZone)));
      if (card.overdue) this.dueItem.append(' ', h('span', { className: 'badge badge-overdue' }, t(lang, 'overdue')));
    }
    this.blocked.hidden = !(card.status === 'blocked' && card.blockedReason);
    setText(this.blocked, card.blockedReason ? t(lang, 'blockedBecause', { reason: card.blockedReason }) : '');
    this.lastNote.hidden = !card.lastNote;
    if (card.lastNote) {
      this.lastNote.replaceChildren(
        h('span', { className: 'note-text' }, card.lastNote.text),
        h(
          'span',
          { className: 'note-by' },
          ` — ${card.lastNote.by}, `,
          h('time', { datetime: card.lastNote.at }, fmt.when(card.lastNote.at, now, place.timeZone)),
        ),
      );
    }
    // Who last changed the card; left out when that was the note shown just above (same who and when).
    const change = card.lastChange && card.lastChange.at !== card.lastNote?.at && !place.changed ? card.lastChange : undefined;
    this.lastChange.hidden = !change;
    setText(this.lastChange, change ? t(lang, 'lastChange', { name: change.by, time: fmt.when(change.at, now, place.timeZone) }) : '');
    // Someone else's change since the last look takes the place of that line, marked.
    this.el.classList.toggle('card-is-new', !!place.changed);
    this.news.hidden = !place.changed;
    setText(this.news, place.changed ? t(lang, 'changedSince', { name: place.changed.by, time: fmt.when(place.changed.at, now, place.timeZone) }) : '');
    this.notes.update(card);
    this.fillStatuses();
    this.sender.showOutbox();
  }

  /** The select offers the statuses the task can move to; rebuilt only when its status changed. */
  private fillStatuses(): void {
    const select = this.statusSelect;
    if (!select || this.shownStatus === this.card.status) return;
    this.shownStatus = this.card.status;
    const targets = statusesReachable(this.card.status);
    const first = NEXT[this.card.status];
    select.replaceChildren(...[first, ...targets.filter((s) => s !== first)].map((s) => h('option', { value: s }, t(this.ctx.lang, statusKey(s)))));
    select.value = first;
    this.showReason();
  }

  private showReason(): void {
    if (!this.reasonRow || !this.reasonInput || !this.statusSelect) return;
    const blocked = this.statusSelect.value === 'blocked';
    this.reasonRow.hidden = !blocked;
    this.reasonInput.required = blocked;
  }

  private say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.message.classList.toggle('msg-error', kind === 'error');
    setAttr(this.message, 'role', kind === 'error' ? 'alert' : 'status');
    setText(this.message, text);
  }

  private async move(): Promise<void> {
    if (this.busy || !this.statusSelect || !this.reasonInput) return;
    const status = this.statusSelect.value as TaskStatus;
    const reason = this.reasonInput.value.trim();
    if (status === 'blocked' && reason === '') {
      this.say(t(this.ctx.lang, 'reasonRequired'), 'error');
      this.reasonInput.setAttribute('aria-invalid', 'true');
      this.reasonInput.focus();
      return;
    }
    this.reasonInput.removeAttribute('aria-invalid');
    const body = status === 'blocked' ? { status, reason } : { status };
    const seen: Aspect = { field: 'status', seen: this.card.status };
    const sent = await this.send(`/api/tasks/${encodeURIComponent(this.card.id)}/status`, body, seen);
    if (sent) this.reasonInput.value = '';
    if (sent === 'ok') {
      this.say(t(this.ctx.lang, 'moved', { status: t(this.ctx.lang, statusKey(status)) }));
    }
  }

  private async addNote(): Promise<void> {
    if (this.busy || !this.noteText) return;
    const text = this.noteText.value.trim();
    if (text === '') {
      this.say(t(this.ctx.lang, 'noteRequired'), 'error');
      this.noteText.focus();
      return;
    }
    // A note never conflicts: it goes without If-Match (README "Offline changes and conflicts").
    const sent = await this.send(`/api/tasks/${encodeURIComponent(this.card.id)}/notes`, { text });
    if (sent) {
      this.noteText.value = '';
      if (this.noteDetails) this.noteDetails.open = false;
    }
    if (sent === 'ok') this.say(t(this.ctx.lang, 'noteSaved'));
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.el.classList.toggle('card-busy', busy);
    for (const button of [this.moveButton, this.noteButton]) if (button) button.disabled = busy;
  }

  /** Sends one change through the card's sender (or keeps it offline); answers how it went. */
  private async send(path: string, body: object, aspect?: Aspect): Promise<'ok' | 'queued' | undefined> {
    this.setBusy(true);
    return this.sender.send(path, body, aspect).finally(() => this.setBusy(false));
  }
}
