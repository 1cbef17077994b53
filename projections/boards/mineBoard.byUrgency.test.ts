import { cardFixture } from '../testing/cardFixture';
import { byUrgency, type MineTask } from './mineBoard';

/** A task on a person's board; `order` sorts by due time then logging order, as the board builds it. */
const task = (id: string, status: MineTask['status'], overdue: boolean, order: string, programmeId = 'p'): MineTask => ({
  ...cardFixture(id, status, order, { title: `Task ${id}`, wing: 'adivasi', overdue }),
  programmeId,
  programmeTitle: `Programme ${programmeId}`,
});

describe('byUrgency: the order of a person’s tasks', () => {
  it('puts overdue first, then the rest not done by order, done last whatever its order', () => {
    const tasks = [
      task('finished', 'done', false, '0 early'),
      task('someday', 'todo', false, '~ no due time'),
      task('soon', 'in_progress', false, '2026-06-27'),
      task('late', 'blocked', true, '2026-06-25'),
      task('later-late', 'todo', true, '2026-06-26'),
    ];
    expect(byUrgency(tasks).map((t) => t.id)).toEqual(['late', 'later-late', 'soon', 'someday', 'finished']);
  });

  it('breaks a tie in order by programme, and leaves its input alone', () => {
    const tasks = [task('b', 'todo', false, 'same', 'p2'), task('a', 'todo', false, 'same', 'p1')];
    expect(byUrgency(tasks).map((t) => t.id)).toEqual(['a', 'b']);
    expect(tasks.map((t) => t.id)).toEqual(['b', 'a']);
  });
});
