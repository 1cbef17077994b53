import { TASK_STATUSES } from '@tayari/shared/contract/domain';
import { columnsOf } from '@tayari/shared/contract/columnsOf';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { ModelCache } from '../runner/ModelCache';
import { Projector } from '../runner/Projector';
import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { indexOf, registerIndex } from './programmeIndex';
import { programmeBoard } from './programmeBoard';
import { programmePreview } from './programmePreview';
import type { BoardFilter, Card, ProgrammeBoardPayload, ProgrammeBoardPreview, TaskStatus } from './types';

const NOW = new Date('2018-06-24T12:00:00.000Z');
const LATER = new Date('2018-06-27T00:00:00.000Z');
const WINGS = ['youth', 'adivasi', 'mahila'] as const;

/** What the preview must be: the whole board, each column cut to its first `perColumn` cards, counted whole. */
function cutOf(board: ProgrammeBoardPayload, perColumn: number): ProgrammeBoardPreview {
  const columns = columnsOf(board.cards);
  const cards: Record<string, Card> = {};
  const columnTotals = { todo: 0, in_progress: 0, blocked: 0, done: 0 } as Record<TaskStatus, number>;
  for (const status of TASK_STATUSES) {
    columnTotals[status] = columns[status].length;
    for (const card of columns[status].slice(0, perColumn)) cards[card.id] = card;
  }
  return { ...board, cards, columnTotals };
}

/**
 * A tour of 40 tasks whose due times, statuses and wings move about, as the runner sees it: one batch
 * per event; `between` is called after each batch.
 */
function busyTour(between: (cache: ModelCache, at: number) => void = () => undefined): ModelCache {
  const events: Parameters<EventLog['all']>[0] = [
    ev.tourPlanned('t1', { region: 'Bastar' }),
    ev.stopAdded('t1', 's1', '2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z'),
    ev.stopAdded('t1', 's2', '2018-06-27T05:30:00.000Z', '2018-06-27T08:30:00.000Z'),
    ev.responsibilityAssigned('r1', 't1', 'adivasi'),
  ];
  for (let i = 0; i < 40; i++) {
    const wing = WINGS[i % 3] as string;
    const id = `k${i}`;
    const stop = i % 3 === 0 ? {} : { stopId: i % 2 === 0 ? 's1' : 's2' };
    events.push(ev.taskLogged(id, 't1', wing, i % 4 === 0 ? stop : { ...stop, dueAt: `2018-06-2${3 + (i % 5)}T0${i % 10}:00:00.000Z` }));
    if (i % 3 === 1) events.push(ev.taskStarted(id, 't1', wing));
    if (i % 5 === 2) events.push(ev.taskBlocked(id, 't1', wing));
    if (i % 7 === 3) events.push(ev.taskCompleted(id, 't1', wing));
    if (i % 9 === 4) events.push(ev.taskCancelled(id, 't1', wing));
    if (i % 6 === 5) events.push(ev.taskDueChanged(id, 't1', wing, `2018-06-2${8 - (i % 4)}T05:00:00.000Z`));
    if (i % 7 === 3 && i % 2 === 1) events.push(ev.taskReopened(id, 't1', wing));
  }
  // A cancelled stop: its tasks' cards say so, in the preview as on the whole board.
  events.push(ev.stopCancelled('t1', 's2'));
  const cache = ModelCache.empty();
  const compare = (a: string, b: string) => Number(a) - Number(b);
  for (const [at, event] of (new EventLog().all(events) as StoredEvent[]).entries()) {
    cache.merge(new Projector(cache, compare).project([event], {}).rows);
    between(cache, at);
  }
  return cache;
}

describe('programmePreview (past SPEC perColumn)', () => {
  const filters: BoardFilter[] = [
    {},
    { wing: 'youth' },
    { status: ['todo', 'blocked'] },
    { blocked: true },
    { stop: 's1' },
    { overdue: true },
    { q: 'task k1' },
    { wing: 'adivasi', status: ['done'] },
  ];

  it.each(filters)('is the whole board cut to each column\u2019s first cards, counted whole (filter %j), however many per column', (filter) => {
    const doc = busyTour().programme('t1');
    if (!doc) throw new Error('no programme');
    // Two clocks: what is overdue (a card's flag, the overdue filter) moves with the time of the read.
    for (const now of [NOW, LATER]) {
      const whole = programmeBoard(doc, now, '9', filter);
      for (const perColumn of [1, 3, 10, 100]) expect(programmePreview(doc, now, '9', filter, perColumn)).toEqual(cutOf(whole, perColumn));
    }
    expect(Object.values(programmeBoard(doc, NOW, '9', {}).cards).some((card) => card.stopCancelled)).toBe(true);
    // A programme folded elsewhere (a test's reference) has its columns indexed once, the same way.
    const plain = { ...doc, tasks: { ...doc.tasks } };
    expect(programmePreview(plain, NOW, '9', filter, 3)).toEqual(cutOf(programmeBoard(plain, NOW, '9', filter), 3));
  });

  it('keeps its column index once made: a preview read midway, then after every later change, is the whole board cut', () => {
    let checked = 0;
    busyTour((cache, at) => {
      // The index is made by the first preview (event 20), then kept up to date change by change.
      const doc = at >= 20 ? cache.programme('t1') : undefined;
      if (!doc) return;
      expect(programmePreview(doc, NOW, '9', {}, 3)).toEqual(cutOf(programmeBoard(doc, NOW, '9', {}), 3));
      checked += 1;
    });
    expect(checked).toBeGreaterThan(60);
  });

  it('unfiltered, reads its cards off the column index, not the programme’s tasks', () => {
    const doc = busyTour().programme('t1');
    if (!doc) throw new Error('no programme');
    let tasksRead = 0;
    const watched = new Proxy(doc, {
      get(target, key, receiver) {
        if (key === 'tasks') tasksRead += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    registerIndex(watched, indexOf(doc));
    expect(Object.keys(programmePreview(watched, NOW, '9', {}, 2).cards)).toHaveLength(8);
    expect(tasksRead).toBe(0);
    // The whole board walks them (the watch works).
    programmeBoard(watched, NOW, '9', {});
    expect(tasksRead).toBeGreaterThan(0);
  });
});
