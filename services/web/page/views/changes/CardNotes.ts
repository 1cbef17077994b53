import { h, setText } from '../../dom';
import { t } from '../../i18n';
import { historyOf, type ProgrammeHistory } from '../../history/ProgrammeHistory';
import { taskNotes } from '../../history/taskNotes';
import type { Card } from '../../types';
import type { PageContext } from '../PageContext';

/**
 * A card's notes as a list, newest first (issue 14): the card shows only its last note, and the
 * list comes from its programme's history (no read serves one task's notes), read when first opened
 * and again when the card changes while open.
 */
export class CardNotes {
  readonly el: HTMLDetailsElement;
  private readonly list = h('ul', { className: 'note-list' });
  private readonly state = h('p', { className: 'muted note-list-state', role: 'status' });
  private history: ProgrammeHistory | undefined;
  private stop: (() => void) | undefined;
  private version: number | undefined;

  constructor(
    private readonly ctx: PageContext,
    programmeId: string,
    private readonly taskId: string,
    private readonly timeZone: () => string | undefined,
  ) {
    this.el = h('details', { className: 'card-notes' }, h('summary', {}, t(ctx.lang, 'notes')), this.state, this.list);
    this.el.addEventListener('toggle', () => {
      if (!this.el.open) return;
      const history = (this.history ??= historyOf(ctx.api, programmeId));
      this.stop ??= history.onChange(() => {
        if (!this.el.isConnected) this.stop?.();
        else this.draw();
      });
      void history.catchUp();
      this.draw();
    });
  }

  /** The card changed: an open list reads what came since (a note just added). */
  update(card: Card): void {
    if (card.version === this.version) return;
    this.version = card.version;
    if (this.el.open && this.history?.complete) void this.history.catchUp();
  }

  private draw(): void {
    const history = this.history;
    if (!history) return;
    const { lang, fmt } = this.ctx;
    const notes = history.complete ? taskNotes(history.events, this.taskId) : [];
    setText(
      this.state,
      history.failed ? t(lang, 'activityFailed') : !history.complete ? t(lang, 'activityLoading') : notes.length === 0 ? t(lang, 'notesEmpty') : '',
    );
    this.state.hidden = this.state.textContent === '';
    const now = this.ctx.now();
    this.list.replaceChildren(
      ...notes.map((note) =>
        h(
          'li',
          { className: 'note-item', 'data-position': note.position },
          h('span', { className: 'note-text' }, note.text),
          h('span', { className: 'note-by' }, ` — ${note.by}, `, h('time', { datetime: note.at }, fmt.when(note.at, now, this.timeZone()))),
        ),
      ),
    );
  }
}
