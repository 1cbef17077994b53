import { ResponsibilityEventSchema } from '@tayari/shared/responsibility/events';
import type { BoardName } from '../../BoardSource';
import { defineRows } from '../../registry/RowModel';
import { programmeModel } from '../programme/programmeModel';
import { ResponsibilityRowSchema, type ResponsibilityRow } from '../programme/ProgrammeDoc';
import { evolveResponsibility } from './responsibilityView';

/** A row per duty given to a wing, stored in its programme's group. */
export const responsibilityModel = defineRows({
  name: 'responsibilities',
  schema: ResponsibilityRowSchema,
  events: [ResponsibilityEventSchema],
  grouped: true,
  key: (event) => event.data.responsibilityId,
  evolve(row, event, view): ResponsibilityRow | undefined {
    const { programmeId } = event.data;
    if (view.row(programmeModel, programmeId) === undefined) return row;
    const next = evolveResponsibility(row, event);
    return next === undefined || next === row ? row : { ...next, programmeId };
  },
  *boards(before, after, event): Iterable<BoardName> {
    yield `programme:${after.programmeId}`;
    yield `wing:${after.wing}`;
    if (before && before.wing !== after.wing) yield `wing:${before.wing}`;
    // Every duty event may change the unacknowledged list; assigning, moving or cancelling one may
    // change the wings a programme lists.
    yield 'attention';
    if (event.type !== 'ResponsibilityAcknowledged') yield 'readiness';
  },
  programmeOf: (row) => row.programmeId,
});
