import { z } from 'zod';
import { IdSchema } from '@tayari/shared/common/ids';
import { StoredInstantSchema } from '@tayari/shared/common/time';

const Count = z.number().int().nonnegative();

/** A drive with its counters: an enrolment adds to three of them, never recounts. */
export const DriveRowSchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  startsAt: StoredInstantSchema,
  endsAt: StoredInstantSchema,
  closed: z.boolean(),
  targets: z.record(z.string(), Count),
  total: Count,
  byUnit: z.record(z.string(), Count),
  /** Enrolments per day (YYYY-MM-DD in the deployment's zone). */
  perDay: z.record(z.string(), Count),
  /** The drive stream's version (If-Match for its commands). */
  version: z.number().int().positive(),
  /** The position key of the last event applied: events of many streams change this row. */
  applied: z.string(),
});
export type DriveRow = z.infer<typeof DriveRowSchema>;

/** How many one person (token `sub`) enrolled in one drive. */
export const EnrollerRowSchema = z.strictObject({
  id: z.string(),
  driveId: IdSchema,
  sub: z.string(),
  name: z.string(),
  enrolled: Count,
  applied: z.string(),
});
export type EnrollerRow = z.infer<typeof EnrollerRowSchema>;

/**
 * One enrolment. The name and phone are held only sealed (with the key's id), never in clear, and
 * both are dropped when it is forgotten: a rebuild replays the forget too, so they never come back.
 */
export const EnrolmentRowSchema = z.strictObject({
  id: z.string(),
  driveId: IdSchema,
  enrolmentId: IdSchema,
  unit: z.string(),
  wing: z.string().optional(),
  booth: z.string().optional(),
  enrolledAt: StoredInstantSchema,
  /** The position key of the enrolment: the list's order. */
  order: z.string(),
  enrolledBy: z.strictObject({ sub: z.string(), name: z.string() }),
  keyId: z.string().optional(),
  sealed: z.string().optional(),
  forgotten: z.literal(true).optional(),
  version: z.number().int().positive(),
});
export type EnrolmentRow = z.infer<typeof EnrolmentRowSchema>;
