import { z } from 'zod';
import { TASK_STATUSES as STATUSES } from '@tayari/shared/contract/domain';
import { NOMINATION_STAGES as STAGES } from '@tayari/shared/contract/nominationStages';
import { UnitCodeSchema } from '@tayari/shared/units/events';
import type { BoardFilter } from './types';

const text = z.string().min(1).max(200);
const statusList = z
  .array(z.enum(STATUSES, { message: `each status must be one of ${STATUSES.join(', ')}` }))
  .min(1)
  .max(STATUSES.length);
const commaSeparated = z.string().transform((s) => s.split(',').map((part) => part.trim()));
/** `status=todo,blocked` in a query string (a repeated parameter is an array, refused)… */
const queryStatus = commaSeparated.pipe(statusList);
/** …or, in a websocket message, that text or an array of statuses. */
const messageStatus = z.union([commaSeparated, z.array(z.string())]).pipe(statusList);
const stageList = z
  .array(z.enum(STAGES, { message: `each stage must be one of ${STAGES.join(', ')}` }))
  .min(1)
  .max(STAGES.length);
/** `true`/`false` in a query string, a boolean in a websocket message. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);

/** The facets of SPEC v2's board filters, as a query string gives them. */
export const boardFilterShape = {
  wing: text.optional(),
  stop: text.optional(),
  status: queryStatus.optional(),
  assignee: text.optional(),
  assigneeId: text.optional(),
  q: text.optional(),
  overdue: flag.optional(),
  blocked: flag.optional(),
  unit: UnitCodeSchema.optional(),
  /** The posts board: `stage=proposed,recommended`. */
  stage: commaSeparated.pipe(stageList).optional(),
};

/** A subscription's `filter`: the same facets, with JSON's arrays and booleans allowed. */
export const BoardFilterSchema = z.strictObject({
  ...boardFilterShape,
  status: messageStatus.optional(),
  stage: z
    .union([commaSeparated, z.array(z.string())])
    .pipe(stageList)
    .optional(),
});

/** Drops facets that were not given, so that equal filters compare and key alike. */
export function compactFilter(parsed: z.output<typeof BoardFilterSchema>): BoardFilter {
  const filter: BoardFilter = {};
  if (parsed.wing !== undefined) filter.wing = parsed.wing;
  if (parsed.stop !== undefined) filter.stop = parsed.stop;
  if (parsed.status !== undefined) filter.status = [...new Set(parsed.status)].sort();
  if (parsed.assignee !== undefined) filter.assignee = parsed.assignee;
  if (parsed.assigneeId !== undefined) filter.assigneeId = parsed.assigneeId;
  if (parsed.q !== undefined) filter.q = parsed.q;
  // `false` asks for nothing: the same board as no facet at all.
  if (parsed.overdue === true) filter.overdue = true;
  if (parsed.blocked === true) filter.blocked = true;
  if (parsed.unit !== undefined) filter.unit = parsed.unit;
  if (parsed.stage !== undefined) filter.stage = [...new Set(parsed.stage)].sort();
  return filter;
}
