import { assigneeName } from '@tayari/shared/contract/assignee';
import { columnsOf } from '../columnsOf';
import type { Card, TaskStatus } from '../types';

export interface GroupedCards {
  columns: Record<TaskStatus, Card[]>;
  all: Card[];
  assignees: string[];
}

/**
 * A board's cards grouped into columns and listed, worked out once per cards object (a patch makes a
 * new one when a card changes): a redraw that changes no card (the clock, "show more", the rest of a
 * first page) does not sort 5,000 cards again.
 */
export class CardGroups {
  private held: (GroupedCards & { cards: Readonly<Record<string, Card>> }) | undefined;

  of(cards: Readonly<Record<string, Card>>): GroupedCards {
    if (this.held?.cards === cards) return this.held;
    const all = Object.values(cards);
    this.held = { cards, columns: columnsOf(cards), all, assignees: all.flatMap((card) => (card.assignee ? [assigneeName(card.assignee)] : [])) };
    return this.held;
  }
}
