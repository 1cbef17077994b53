import { h, setText } from '../../dom';
import { t } from '../../i18n';
import { historyOf, type ProgrammeHistory } from '../../history/ProgrammeHistory';
import { taskNotes } from '../../history/taskNotes';
import type { Card } from '../../types';
import type { PageContext } from '../PageContext';

/**
 * Older history pages read on their own, per opening or per "Show earlier notes", while the card
 * says it has notes not found yet: a note from long ago costs a tap, not a read of the whole history.
 */
export const SEEK_PAGES = 4;

/**
 * A card's notes as a list, newest first (issue 14): the card shows only its last note, and the
 * list comes from its programme's history (no read serves one task's notes), read newest first when
 * first opened, older pages until the card's count of notes is found (a few at most), and again when
 * the card changes while open.
 */
export class CardNotes {
  readonly el: HTMLDetailsElement;
  private readonly list = h('ul', { className: 'note-list' });
  private readonly state = h('p', { className: 'muted note-list-state', role: 'status' });
  /** Made when first needed: most cards never offer it, and a long board holds thousands of cards. */
  private earlier: HTMLButtonElement | undefined;
  private history: ProgrammeHistory | undefined;
  private stop: (() => void) | undefined;
  private version: number | undefined;
  /** How many notes the board says the card has. */
  private count = 0;
  private seeking = false;

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
        if (!this.el.isConnected) {
          this.stop?.();
          this.stop = undefined;
        } else this.draw();
      });
      void this.seek();
      this.draw();
    });
  }

  /** The card changed: an open list reads what came since (a note just added). */
  update(card: Card): void {
    this.count = card.notes;
    if (card.version === this.version) return;
    this.version = card.version;
    if (this.el.open && this.history?.ready) void this.history.catchUp();
  }

  /** Reads what came since, then older pages while notes the card counts are missing (a few pages at most). */
  private async seek(): Promise<void> {
    const history = this.history;
    if (!history || this.seeking) return;
    this.seeking = true;
    this.draw();
    try {
      await history.catchUp();
      for (let pages = 0; pages < SEEK_PAGES && this.missing(history) && !history.failed; pages++) await history.readEarlier();
    } finally {
      this.seeking = false;
      this.draw();
    }
  }

  /** Whether the card has notes older than the history held. */
  private missing(history: ProgrammeHistory): boolean {
    return !history.reachedStart && taskNotes(history.events, this.taskId).length < this.count;
  }

  private draw(): void {
    const history = this.history;
    if (!history) return;
    const { lang, fmt } = this.ctx;
    const notes = history.ready ? taskNotes(history.events, this.taskId) : [];
    const more = history.ready && this.missing(history);
    setText(
      this.state,
      history.failed
        ? t(lang, 'activityFailed')
        : !history.ready || (notes.length === 0 && this.seeking)
          ? t(lang, 'activityLoading')
          : notes.length === 0 && !more
            ? t(lang, 'notesEmpty')
            : '',
    );
    this.state.hidden = this.state.textContent === '';
    if (more && !this.earlier) {
      this.earlier = h('button', { type: 'button', className: 'btn btn-quiet note-earlier' }, t(lang, 'showEarlierNotes'));
      this.earlier.addEventListener('click', () => void this.seek());
      this.el.append(this.earlier);
    }
    if (this.earlier) this.earlier.hidden = !more || this.seeking;
    // Screen readers (and tests) can tell when the list is still being read.
    this.list.setAttribute('aria-busy', String(this.seeking || !history.ready));
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
