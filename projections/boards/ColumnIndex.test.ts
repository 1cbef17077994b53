import { compareOrder } from '@tayari/shared/contract/compareOrder';
import { TASK_STATUSES } from '@tayari/shared/contract/domain';
import { seededRandom } from '@tayari/shared/testing/seededRandom';
import type { TaskCard } from '../models/programme/ProgrammeDoc';
import { ColumnIndex, type ColumnTask } from './ColumnIndex';
import { cardOrder } from './items';

const STATUSES = [...TASK_STATUSES, 'cancelled'] as const;

/** The columns as sorting every task would make them. */
function sorted(tasks: Iterable<ColumnTask>): Record<string, string[]> {
  const all = [...tasks]
    .map((task) => ({ task, order: cardOrder(task) }))
    .sort(compareOrder)
    .map(({ task }) => task);
  return Object.fromEntries(TASK_STATUSES.map((status) => [status, all.filter((task) => task.status === status).map((task) => task.id)]));
}

function columns(index: ColumnIndex<ColumnTask>): Record<string, string[]> {
  return Object.fromEntries(TASK_STATUSES.map((status) => [status, [...index.column(status)].map((task) => task.id)]));
}

describe('ColumnIndex', () => {
  it('keeps every column in board order through 2,000 random changes, as sorting the tasks afresh would', () => {
    const next = seededRandom(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const tasks = new Map<string, ColumnTask>();
    const index = new ColumnIndex<ColumnTask>();
    let logged = 0;
    for (let step = 0; step < 2000; step++) {
      const old = tasks.size > 0 && next() < 0.7 ? pick([...tasks.values()]) : undefined;
      // Due times from a few values, so many tasks share one and the logging key decides.
      const dueAt = next() < 0.2 ? undefined : `2026-12-0${1 + Math.floor(next() * 4)}T10:00:00.000Z`;
      const row: ColumnTask = old
        ? { ...old, status: pick(STATUSES) as TaskCard['status'], ...(next() < 0.3 ? { dueAt } : {}) }
        : { id: `t${logged}`, status: 'todo', loggedKey: String(logged++).padStart(8, '0'), ...(dueAt === undefined ? {} : { dueAt }) };
      index.set(old, row);
      tasks.set(row.id, row);
      if (step % 50 === 0 || step === 1999) {
        const expected = sorted(tasks.values());
        expect(columns(index)).toEqual(expected);
        for (const status of TASK_STATUSES) expect(index.size(status)).toBe(expected[status]?.length);
        // The rows held are the latest ones (a change that keeps a task's place still replaces its row).
        for (const status of TASK_STATUSES) for (const task of index.column(status)) expect(task).toBe(tasks.get(task.id));
      }
    }
  });

  it('built from a programme\u2019s tasks at once, holds what the same tasks set one by one hold; cancelled tasks are in no column', () => {
    const tasks: ColumnTask[] = [
      { id: 'b', status: 'todo', loggedKey: '2', dueAt: '2026-12-02T10:00:00.000Z' },
      { id: 'a', status: 'todo', loggedKey: '1' },
      { id: 'c', status: 'todo', loggedKey: '3', dueAt: '2026-12-01T10:00:00.000Z' },
      { id: 'x', status: 'cancelled', loggedKey: '4' },
      { id: 'd', status: 'done', loggedKey: '5' },
    ];
    const one = new ColumnIndex<ColumnTask>();
    for (const task of tasks) one.set(undefined, task);
    expect(columns(ColumnIndex.of(tasks))).toEqual(columns(one));
    expect(columns(one)).toEqual({ todo: ['c', 'b', 'a'], in_progress: [], blocked: [], done: ['d'] });
  });
});
