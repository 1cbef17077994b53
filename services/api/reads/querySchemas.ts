import { z } from 'zod';
import { UnitCodeSchema } from '@tayari/shared/units/events';
import { InstantSchema } from '@tayari/shared/common/time';
import { boardFilterShape } from '@tayari/projections/boards/BoardFilterSchema';

/** Every read takes `?minPosition=P` (checked against the event store's position format later). */
const minPosition = z.string().min(1).max(64).optional();

export const PlainQuery = z.strictObject({ minPosition });

/** The attention board: `minPosition` and the `wing` filter. */
export const AttentionQuery = z.strictObject({ minPosition, wing: boardFilterShape.wing, unit: boardFilterShape.unit });

export const ReadinessQuery = z.strictObject({ minPosition, unit: boardFilterShape.unit });

const { unit: _unit, stage: _stage, ...cardFacets } = boardFilterShape;
/** Past SPEC: at most this many cards per column in a first read (`perColumn`). */
const PER_COLUMN_MAX = 500;

/** A whole number from 1 to `max`, given as query text. */
const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(1).max(max));

/** A page's cursor (its `next`, a position). */
const cursor = z.string().min(1).max(64);

/**
 * The programme board: `minPosition` and SPEC v2's card filters; past SPEC, `perColumn` cuts each
 * column to its first cards and adds `columnTotals` (a phone's first read of a long board).
 */
export const BoardQuery = z.strictObject({
  minPosition,
  ...cardFacets,
  perColumn: wholeNumber(PER_COLUMN_MAX)
    .optional()
    .describe('Past SPEC: only the first cards of each column (by `order`), with `columnTotals` counting each whole column'),
});
/** A wing's board spans programmes: the card filters and `unit` (its programmes of that unit and below). */
export const WingBoardQuery = z.strictObject({ minPosition, ...cardFacets, unit: boardFilterShape.unit });

/** The posts board: `unit` (and the units under it), `wing`, `stage`. */
export const PostsBoardQuery = z.strictObject({ minPosition, unit: boardFilterShape.unit, wing: boardFilterShape.wing, stage: boardFilterShape.stage });

/** The directory: `wing`, `unit` (and the units under it), `q` (text in the name, or a phone's digits for in-charges). */
export const PeopleQuery = z.strictObject({
  minPosition,
  wing: boardFilterShape.wing,
  unit: boardFilterShape.unit,
  q: z.string().trim().min(1).max(100).optional(),
});

export const ProgrammeListQuery = z
  .strictObject({
    minPosition,
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
    kind: z.enum(['tour', 'meeting']).optional(),
    /** SPEC v2: the programmes of this unit and the units under it. */
    unit: UnitCodeSchema.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to > q.from, { message: 'must be after from', path: ['to'] });

export const HISTORY_DEFAULT_LIMIT = 100;
export const HISTORY_MAX_LIMIT = 1000;

/** A page read: `after` (a page's `next`) and `limit`, a whole number from 1 to `max`. */
const pageQuery = (max: number) =>
  z.strictObject({
    minPosition,
    after: cursor.optional(),
    limit: wholeNumber(max).optional(),
  });

export const HistoryQuery = pageQuery(HISTORY_MAX_LIMIT);

/**
 * A programme's history: oldest first by `after` (SPEC), or past SPEC newest first with `order=desc`,
 * paged back by `before` (a newest-first page's `next`). Each cursor goes with its own order only.
 */
export const ProgrammeHistoryQuery = HistoryQuery.extend({
  order: z.enum(['asc', 'desc']).optional().describe('`desc`: newest first (default `asc`, oldest first)'),
  before: cursor.optional().describe('With `order=desc`: events strictly older than this position (a page’s `next`)'),
})
  .refine((q) => q.before === undefined || q.order === 'desc', { message: 'only with order=desc', path: ['before'] })
  .refine((q) => q.after === undefined || q.order !== 'desc', { message: 'not with order=desc (page back with before)', path: ['after'] });

export const ENROLMENTS_MAX_LIMIT = 5000;

/** GET /api/drives/{id}/enrolments: a page after `after` (a page's `next`) of at most `limit`; all without. */
export const EnrolmentsQuery = pageQuery(ENROLMENTS_MAX_LIMIT);
