import { h, setText } from '../../dom';
import { t } from '../../i18n';
import type { Card, LastChange } from '../../types';
import type { GroupedCards } from '../CardGroups';
import type { PageContext } from '../PageContext';

/** localStorage: per person and programme, the newest change their board showed them (ISO). */
const KEY = 'tayari.seen';
/** Programmes remembered per browser; the least recently looked at are forgotten first. */
const KEEP = 200;

const later = (a: string, b: string) => Date.parse(a) > Date.parse(b);

function readSeen(): Map<string, string> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return new Map();
    return new Map(raw.filter((entry): entry is [string, string] => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string'));
  } catch {
    return new Map();
  }
}

function writeSeen(key: string, at: string): void {
  const seen = readSeen();
  seen.delete(key);
  seen.set(key, at);
  try {
    localStorage.setItem(KEY, JSON.stringify([...seen].slice(-KEEP)));
  } catch {
    // Storage full or refused: marks only start over next time.
  }
}

/**
 * A visit's start: kept while the same programme is shown in another form (a filter, the language),
 * ended by navigating (a hashchange; a filter replaces the address without one).
 */
let visit: { key: string; since: string | undefined } | undefined;
addEventListener('hashchange', () => {
  visit = undefined;
});

/**
 * "What changed" on a programme board (issue 14): cards someone else changed since this person last
 * looked at the board on this browser are marked with who and when. "Last looked" is the newest
 * change the board showed them (server times, so a phone's clock does not matter), saved as they
 * look; the marks of a visit are against where the previous visit left off, until "mark all seen".
 */
export class SeenMarks {
  readonly el: HTMLElement;
  private readonly count = h('span', { className: 'seen-count' });
  private readonly key: string;
  private newest: string | undefined;
  /** The cards marked as changed, by id. */
  private readonly marked = new Set<string>();
  /** What the marks were last worked out against. */
  private looked: { epoch: number; since: string | undefined } | undefined;

  constructor(
    private readonly ctx: PageContext,
    programmeId: string,
    redraw: () => void,
  ) {
    this.key = `${ctx.claims.sub} ${programmeId}`;
    if (visit?.key !== this.key) visit = { key: this.key, since: readSeen().get(this.key) };
    const button = h('button', { type: 'button', className: 'btn btn-quiet seen-all', 'data-focus-key': 'seen-all' }, t(ctx.lang, 'markAllSeen'));
    button.addEventListener('click', () => {
      if (visit?.key === this.key) visit.since = this.newest;
      redraw();
    });
    this.el = h('p', { className: 'seen-bar', role: 'status', hidden: true }, this.count, ' ', button);
  }

  private get since(): string | undefined {
    return visit?.key === this.key ? visit.since : undefined;
  }

  /**
   * The board as shown now: saved as seen, and the bar counts the cards changed since the visit's
   * start. Only the cards changed since the last look are looked at, unless the board was grouped
   * afresh or the visit's start moved (then every card is).
   */
  look(groups: GroupedCards): void {
    const cardsOf = (ids: readonly string[]) => ids.flatMap((id) => groups.byId.get(id) ?? []);
    const whole = groups.epoch !== this.looked?.epoch;
    let newest = this.newest;
    for (const card of whole ? groups.byId.values() : cardsOf(groups.changed)) {
      const at = card.lastChange?.at;
      if (at !== undefined && (newest === undefined || later(at, newest))) newest = at;
    }
    // A first look at a board marks nothing of what was there before.
    if (visit?.key === this.key && visit.since === undefined) visit.since = newest;
    if (newest !== undefined && newest !== this.newest) writeSeen(this.key, newest);
    this.newest = newest;
    const since = this.since;
    if (whole || since !== this.looked?.since) {
      this.marked.clear();
      for (const card of groups.byId.values()) if (this.changeOf(card)) this.marked.add(card.id);
    } else {
      for (const id of groups.changed) {
        const card = groups.byId.get(id);
        if (card && this.changeOf(card)) this.marked.add(id);
        else this.marked.delete(id);
      }
    }
    this.looked = { epoch: groups.epoch, since };
    this.el.hidden = this.marked.size === 0;
    setText(this.count, t(this.ctx.lang, 'changedCount', { n: this.marked.size }));
  }

  /** The change to mark a card with: someone else's, after the visit's start. */
  changeOf(card: Card): LastChange | undefined {
    const change = card.lastChange;
    const since = this.since;
    return change && since !== undefined && later(change.at, since) && change.by !== this.ctx.claims.name ? change : undefined;
  }
}
