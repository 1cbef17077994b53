import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { BoardName } from '../BoardSource';
import { mineBoard } from '../boards/mineBoard';
import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { ModelCache } from './ModelCache';
import { Projector } from './Projector';

/** The model cache's person index: person → programmes → live tasks, kept per changed row (the `mine` boards). */

const kamla = { personId: 'kamla', name: 'Kamla Dhruw' };
const ravi = { personId: 'ravi', name: 'Ravi Korram' };
const NOW = new Date('2018-06-20T00:00:00.000Z');

function setUp() {
  const log = new EventLog();
  const cache = ModelCache.empty();
  const projector = new Projector(cache, (a, b) => Number(a) - Number(b));
  /** Projects and merges the events; answers the boards they changed. */
  const apply = (...events: DomainEvent[]): Set<BoardName> => {
    const batch = projector.project(log.all(events), {});
    cache.merge(batch.rows);
    return new Set(batch.boards);
  };
  const board = (personId: string, now: Date) =>
    mineBoard(
      { id: personId },
      cache.programmesOfPerson(personId),
      (id) => cache.programme(id),
      (id) => cache.tasksOfPerson(id, personId),
      now,
      '0',
    ).tasks;
  /** The ids of a person's board, sorted (it is keyed by id), each key its task's id. */
  const mine = (personId: string, now = NOW) => {
    const tasks = board(personId, now);
    for (const [key, task] of Object.entries(tasks)) expect(task.id).toBe(key);
    return Object.keys(tasks).sort();
  };
  apply(
    ev.tourPlanned('t1'),
    ev.stopAdded('t1', 's1', '2018-06-25T04:30:00.000Z', '2018-06-25T08:30:00.000Z'),
    ev.tourPlanned('t2'),
    ev.stopAdded('t2', 's2', '2018-06-26T04:30:00.000Z', '2018-06-26T08:30:00.000Z'),
  );
  return { cache, apply, mine };
}

test('a task given to a person is on their board; reassigning moves it and changes both boards', () => {
  const { cache, apply, mine } = setUp();
  expect(apply(ev.taskLogged('k1', 't1', 'adivasi', { assignee: kamla }), ev.taskLogged('k2', 't2', 'youth', { assignee: kamla }))).toContain('mine:kamla');
  expect(apply(ev.taskLogged('k3', 't1', 'adivasi', { assignee: 'Kamla Dhruw' })).has('mine:kamla')).toBe(false);
  expect([...cache.programmesOfPerson('kamla')].sort()).toEqual(['t1', 't2']);
  expect(mine('kamla')).toEqual(['k1', 'k2']);

  const boards = apply(ev.taskAssigned('k1', 't1', 'adivasi', ravi));
  expect(boards).toContain('mine:kamla');
  expect(boards).toContain('mine:ravi');
  expect(mine('kamla')).toEqual(['k2']);
  expect(mine('ravi')).toEqual(['k1']);
  expect([...cache.programmesOfPerson('kamla')]).toEqual(['t2']);
  expect(cache.peopleOf('t1')).toEqual(['ravi']);
});

test('a cancelled task leaves the index; a programme’s own change reaches the boards of the people on it', () => {
  const { cache, apply, mine } = setUp();
  apply(ev.taskLogged('k1', 't1', 'adivasi', { assignee: kamla }), ev.taskLogged('k2', 't2', 'youth', { assignee: ravi }));
  expect(apply(ev.taskCancelled('k1', 't1', 'adivasi'))).toContain('mine:kamla');
  expect([...cache.programmesOfPerson('kamla')]).toEqual([]);
  expect(mine('kamla')).toEqual([]);

  const boards = apply(ev.tourCancelled('t2'));
  expect(boards).toContain('mine:ravi');
  expect(boards.has('mine:kamla')).toBe(false);
  expect(mine('ravi')).toEqual([]);
});

test('an ended programme’s tasks leave the board, like the wing board’s', () => {
  const { apply, mine } = setUp();
  apply(ev.taskLogged('k1', 't1', 'adivasi', { assignee: kamla }), ev.taskLogged('k2', 't2', 'youth', { assignee: kamla }));
  expect(mine('kamla', new Date('2018-06-25T09:00:00.000Z'))).toEqual(['k2']);
});

test('the board clock names the person’s board when their task falls due, and when its programme ends', () => {
  const { cache, apply } = setUp();
  apply(ev.taskLogged('k1', 't1', 'adivasi', { assignee: kamla, dueAt: '2018-06-21T00:00:00.000Z' }));
  const due = cache.nextChange('t1', NOW.getTime());
  expect(due?.at).toBe(Date.parse('2018-06-21T00:00:00.001Z'));
  expect(due?.boards).toContain('mine:kamla');
  let next = due;
  while (next && next.at < Date.parse('2018-06-25T08:30:00.000Z')) next = cache.nextChange('t1', next.at);
  expect(next?.boards).toContain('mine:kamla');
});
