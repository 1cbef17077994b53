import { MeetingEventSchema } from '@tayari/shared/meeting/events';
import { TourEventSchema } from '@tayari/shared/tour/events';
import type { BoardName } from '../../BoardSource';
import { mineBoardName } from '../../boards/mineBoard';
import { defineRows } from '../../registry/RowModel';
import { evolveHeader } from './evolveHeader';
import { ProgrammeHeaderSchema } from './ProgrammeDoc';
import { programmeIdOf } from './programmeIdOf';

/** A programme's own row: the tour (with its stops) or the meeting, from the events of its own stream. */
export const programmeModel = defineRows({
  name: 'programmes',
  schema: ProgrammeHeaderSchema,
  events: [TourEventSchema, MeetingEventSchema],
  key: programmeIdOf,
  evolve: (header, event) => evolveHeader(header, event),
  *boards(_before, after, _event, view): Iterable<BoardName> {
    // Its title, times or status show on its board, the readiness board and every wing board that lists it.
    yield `programme:${after.id}`;
    yield 'readiness';
    yield 'attention';
    for (const wing of view.wingsOf(after.id)) yield `wing:${wing}`;
    // Its title, a cancelled stop or the programme's cancellation show on the boards of its assignees.
    for (const person of view.peopleOf(after.id)) yield mineBoardName(person);
  },
  programmeOf: (header) => header.id,
});
