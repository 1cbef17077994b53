import { assigneeName } from '@tayari/shared/contract/assignee';
import { orderBound, orderIndex } from '@tayari/shared/contract/orderBound';
import { columnsOf } from '@tayari/shared/contract/columnsOf';
import type { CardLog } from '../patchBoard';
import type { Card, TaskStatus } from '../types';

export interface GroupedCards {
  /** Each column's cards in `order`. */
  readonly columns: Readonly<Record<TaskStatus, readonly Card[]>>;
  readonly byId: ReadonlyMap<string, Card>;
  /** The assignees' names, with how many cards each. */
  readonly assignees: ReadonlyMap<string, number>;
  /** Bumped when the groups were made afresh (another board, or its log started again): every card may have changed. */
  readonly epoch: number;
  /** Otherwise, the ids of the cards changed by the last `of` (in the order they changed; may repeat). */
  readonly changed: readonly string[];
}

interface Held {
  cards: Readonly<Record<string, Card>>;
  columns: Record<TaskStatus, Card[]>;
  byId: Map<string, Card>;
  assignees: Map<string, number>;
  /** The board's log (patchBoard) the groups follow, and how many of its ids they applied. */
  log: CardLog | undefined;
  seen: number;
}

let epochs = 0;

const orderOfCard = (card: Card): string => card.order;

/** Where `card` (that very object) is in a column in `order`; -1 when it is not. */
function indexIn(column: readonly Card[], card: Card): number {
  const at = orderIndex(column, card.order, orderOfCard, (held) => held === card);
  return at >= 0 ? at : column.indexOf(card);
}

/**
 * A board's cards grouped into columns, by id and by assignee. Made once per cards object, then moved
 * on by the ids its log says changed (a socket patch changes the cards in place, patchBoard): a patch
 * costs the cards it names, not a sort of 5,000 cards; a redraw that changed no card costs nothing.
 */
export class CardGroups {
  private held: Held | undefined;
  private epoch = 0;
  private changed: string[] = [];

  of(cards: Readonly<Record<string, Card>>, log?: CardLog): GroupedCards {
    const following = log?.cards === cards ? log : undefined;
    let held = this.held;
    // Another cards object, or another log of the same one: what changed is not known, so group afresh.
    if (held?.cards !== cards || (held.log !== undefined && following !== held.log)) {
      const byId = new Map(Object.entries(cards));
      held = this.held = { cards, columns: columnsOf(cards), byId, assignees: new Map(), log: following, seen: following?.ids.length ?? 0 };
      for (const card of byId.values()) this.count(card, 1);
      this.epoch = ++epochs;
      this.changed = [];
    } else if (following && following.ids.length > held.seen) {
      // Grouped before the cards had a log (a GET's copy the socket's chain went on from): its ids all came after.
      held.log = following;
      this.changed = following.ids.slice(held.seen);
      for (const id of this.changed) this.move(id, cards[id]);
      held.seen = following.ids.length;
    } else {
      this.changed = [];
    }
    const { columns, byId, assignees } = held;
    return { columns, byId, assignees, epoch: this.epoch, changed: this.changed };
  }

  /** A card changed (or left: `now` undefined): out of its old column, into its new one. */
  private move(id: string, now: Card | undefined): void {
    const held = this.held;
    if (!held) return;
    const before = held.byId.get(id);
    if (before === now) return;
    if (before) {
      const column = held.columns[before.status];
      const at = column ? indexIn(column, before) : -1;
      if (column && at >= 0) column.splice(at, 1);
      this.count(before, -1);
      held.byId.delete(id);
    }
    if (now) {
      held.byId.set(id, now);
      this.count(now, 1);
      // A status this page does not know yet is left off rather than breaking the board (as columnsOf).
      const column = Object.hasOwn(held.columns, now.status) ? held.columns[now.status] : undefined;
      column?.splice(orderBound(column, now.order, orderOfCard, true), 0, now);
    }
  }

  private count(card: Card, by: 1 | -1): void {
    const assignees = this.held?.assignees;
    if (!assignees || !card.assignee) return;
    const name = assigneeName(card.assignee);
    const n = (assignees.get(name) ?? 0) + by;
    if (n > 0) assignees.set(name, n);
    else assignees.delete(name);
  }
}
