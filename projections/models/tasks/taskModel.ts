import { TaskEventSchema } from '@tayari/shared/task/events';
import { assigneePersonId } from '@tayari/shared/contract/assignee';
import type { BoardName } from '../../BoardSource';
import { mineBoardName } from '../../boards/mineBoard';
import { defineRows } from '../../registry/RowModel';
import { programmeModel } from '../programme/programmeModel';
import { TaskRowSchema, type TaskRow } from '../programme/ProgrammeDoc';
import { evolveTaskCard } from './taskCard';

/** Task events that cannot change any readiness figure. */
const COUNT_NEUTRAL: ReadonlySet<string> = new Set(['TaskNoteAdded', 'TaskAssigned']);

/** A row per task: its card and its programme, stored in its programme's group. */
export const taskModel = defineRows({
  name: 'tasks',
  schema: TaskRowSchema,
  events: [TaskEventSchema],
  grouped: true,
  key: (event) => event.data.taskId,
  evolve(row, event, view): TaskRow | undefined {
    const { programmeId } = event.data;
    // A task of a programme we never saw (its creation refused) shows nowhere.
    if (view.row(programmeModel, programmeId) === undefined) return row;
    const card = evolveTaskCard(row, event);
    return card === undefined || card === row ? row : { ...card, programmeId };
  },
  *boards(before, after, event): Iterable<BoardName> {
    yield `programme:${after.programmeId}`;
    yield `wing:${after.wing}`;
    // The board of the person it is given to, and of the one it was taken from.
    const person = assigneePersonId(after.assignee);
    const previous = assigneePersonId(before?.assignee);
    if (person !== undefined) yield mineBoardName(person);
    if (previous !== undefined && previous !== person) yield mineBoardName(previous);
    if (!COUNT_NEUTRAL.has(event.type)) {
      yield 'readiness';
      yield 'attention';
    }
  },
  programmeOf: (row) => row.programmeId,
});
