import { applyMergePatch } from '../../shared/contract/mergePatch';
import { assigneeName } from '../../shared/contract/assignee';
import { BoardStore } from '../../services/web/page/BoardStore';
import { columnsOf } from '../../shared/contract/columnsOf';
import { patchBoard } from '../../services/web/page/patchBoard';
import type { Card } from '../../services/web/page/types';
import { CardGroups } from '../../services/web/page/views/CardGroups';
import { testCard } from './testCard';

const STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;

const card = (n: number, status: Card['status'], order: string, assignee?: string): Card => testCard(`c${n}`, status, order, assignee);

/** A small deterministic generator: the same patches every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const cardsOf = (data: unknown) => (data as { cards: Record<string, Card> }).cards;

function assigneeCounts(cards: Record<string, Card>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of Object.values(cards)) if (c.assignee) counts.set(assigneeName(c.assignee), (counts.get(assigneeName(c.assignee)) ?? 0) + 1);
  return counts;
}

describe('a long board on a phone: a patch costs the cards it names (issue 14)', () => {
  it('patches cards in place with the ids logged, the rest of the board as a new object; the same board as applyMergePatch', () => {
    const before = { position: '10', readiness: { done: 0 }, cards: { c1: card(1, 'todo', '001'), c2: card(2, 'todo', '002') } };
    const expected = applyMergePatch(before, {
      position: '11',
      readiness: { done: 1 },
      cards: { c1: { status: 'done' }, c2: null, c3: card(3, 'todo', '003') },
    });
    const cards = before.cards;
    const first = patchBoard(
      before,
      { position: '11', readiness: { done: 1 }, cards: { c1: { status: 'done' }, c2: null, c3: card(3, 'todo', '003') } },
      undefined,
    );
    expect(first.data).toEqual(expected);
    expect(first.data).not.toBe(before);
    // The cards object is the same one, changed in place; the changed card is a new object.
    expect(cardsOf(first.data)).toBe(cards);
    expect(first.log?.ids).toEqual(['c1', 'c2', 'c3']);
    const second = patchBoard(first.data, { cards: { c3: { title: 'Stage' } } }, first.log);
    expect(second.log).toBe(first.log);
    expect(second.log?.ids).toEqual(['c1', 'c2', 'c3', 'c3']);
    // A patch that leaves the cards alone keeps their object, and so their log: the next card change goes on it.
    const third = patchBoard(second.data, { position: '13', readiness: { done: 2 } }, second.log);
    expect(third).toEqual({ data: { ...(second.data as object), position: '13', readiness: { done: 2 } }, log: second.log });
    expect(patchBoard(third.data, { cards: { c1: null } }, third.log).log?.ids).toEqual(['c1', 'c2', 'c3', 'c3', 'c1']);
    // One that replaces them, or a board without cards, is applied as any merge patch, with no log.
    expect(patchBoard(third.data, { cards: null }, third.log)).toEqual({ data: { position: '13', readiness: { done: 2 } } });
    expect(patchBoard({ position: '1' }, { position: '2' }, undefined)).toEqual({ data: { position: '2' } });
  });

  it('starts its log again on a copy once it holds as many ids as the board has cards (at least 1,000)', () => {
    let data: unknown = { position: '1', cards: { c1: card(1, 'todo', '001') } };
    let log = patchBoard(data, { cards: { c1: { notes: 1 } } }, undefined).log;
    const first = log?.cards;
    for (let i = 2; i <= 1_001; i++) ({ data, log } = patchBoard(data, { cards: { c1: { notes: i } } }, log));
    expect(log?.cards).not.toBe(first);
    expect(log?.ids).toEqual(['c1']);
    expect(cardsOf(data).c1?.notes).toBe(1_001);
  });

  it('groups the same columns and assignees, patch after patch, as grouping the whole board afresh', () => {
    const next = random(7);
    const names = ['Asha', 'Bhupesh', 'Chandra', undefined];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const order = () => String(Math.floor(next() * 500)).padStart(4, '0');
    const start = Array.from({ length: 300 }, (_, n) => card(n, pick(STATUSES), order(), pick(names)));
    const store = new BoardStore();
    store.read('programme:p', '1', { position: '1', cards: Object.fromEntries(start.map((c) => [c.id, c])) });
    store.subscribeFrom('programme:p');
    const groups = new CardGroups();
    let reference: unknown = store.get('programme:p')?.data;
    let made = groups.of(cardsOf(reference), store.get('programme:p')?.log);
    let id = 300;
    let pending: string[] = [];
    for (let position = 2; position < 300; position++) {
      const changes: Record<string, unknown> = {};
      // As the server sends them: a new card whole, a change to a card held, a card leaving.
      const ids = Object.keys(cardsOf(reference));
      for (let k = Math.floor(next() * 4); k >= 0; k--) {
        const roll = next();
        const some = pick(ids);
        if (roll < 0.15) changes[`c${id}`] = card(id++, pick(STATUSES), order(), pick(names));
        else if (roll < 0.25) changes[some] = null;
        else if (roll < 0.6) changes[some] = { status: pick(STATUSES) };
        else if (roll < 0.8) changes[some] = { order: order() };
        else changes[some] = { assignee: pick(names) === undefined ? null : pick(['Asha', 'Devi']) };
      }
      // Some patches leave the cards alone (readiness, duties, the programme changed).
      const patch = next() < 0.2 ? { position: String(position), readiness: { done: position } } : { position: String(position), cards: changes };
      expect(store.patch('programme:p', String(position - 1), String(position), patch)).toBe('applied');
      reference = applyMergePatch(reference, patch);
      if ('cards' in patch) pending.push(...Object.keys(changes));
      // A view draws after some patches only (it is not shown, or several came in one frame).
      if (next() < 0.3) continue;
      const held = store.get('programme:p');
      const epoch = made.epoch;
      made = groups.of(cardsOf(held?.data), held?.log);
      expect(made.epoch).toBe(epoch);
      expect(made.changed).toEqual(pending);
      pending = [];
      const want = cardsOf(reference);
      expect(Object.fromEntries(made.byId)).toEqual(want);
      const columns = columnsOf(want);
      // In order; cards of equal order may stand either way round.
      for (const status of STATUSES) {
        expect(made.columns[status].map((c) => c.order)).toEqual(columns[status].map((c) => c.order));
        expect(new Set(made.columns[status].map((c) => c.id))).toEqual(new Set(columns[status].map((c) => c.id)));
      }
      expect(made.assignees).toEqual(assigneeCounts(want));
    }
    // A redraw with no change in between changes nothing.
    const held = store.get('programme:p');
    expect(groups.of(cardsOf(held?.data), held?.log).changed).toEqual(pending);
    expect(groups.of(cardsOf(held?.data), held?.log).changed).toEqual([]);
  });

  it('groups afresh (a new epoch) for another cards object (a snapshot, a GET, a log started on a copy) or another log', () => {
    const groups = new CardGroups();
    const a = groups.of({ c1: card(1, 'todo', '1') });
    const b = groups.of({ c1: card(1, 'done', '1') });
    expect(b.epoch).not.toBe(a.epoch);
    expect(b.columns.done.map((c) => c.id)).toEqual(['c1']);
    expect(b.columns.todo).toEqual([]);
    // A log its groups did not follow from the start: what changed before it is unknown.
    const cards: Record<string, Card> = { c1: card(1, 'todo', '1'), c2: card(2, 'todo', '2') };
    const first = patchBoard({ cards }, { cards: { c1: { status: 'done' } } }, undefined);
    const c = groups.of(cards, first.log);
    const other = { cards, ids: ['c2'], limit: 1_000 };
    cards.c2 = card(2, 'blocked', '2');
    const d = groups.of(cards, other);
    expect(d.epoch).not.toBe(c.epoch);
    expect(d.columns.blocked.map((x) => x.id)).toEqual(['c2']);
  });
});
