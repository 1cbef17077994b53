import { UnitEventSchema, UnitSchema } from '@tayari/shared/units/events';
import type { BoardName } from '../../BoardSource';
import { defineRows } from '../../registry/RowModel';

/** A registered unit as a row, keyed by its code (the default units are not stored: they ship with the code). */
export const UnitRowSchema = UnitSchema.extend({ id: UnitSchema.shape.code });

/** The units registered beyond the default catalogue, one row each. */
export const unitsModel = defineRows({
  name: 'units',
  schema: UnitRowSchema,
  events: [UnitEventSchema],
  key: (event) => event.data.code,
  // One row per code, registered once: a row that exists has seen its event.
  seen: () => true,
  evolve: (row, event) => row ?? { id: event.data.code, ...event.data },
  // No live board shows units yet; GET /api/units reads the rows.
  *boards(): Iterable<BoardName> {},
});
