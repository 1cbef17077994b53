import { z } from 'zod';
import { eventSchema as event } from '../common/event';
import { IdSchema } from '../common/ids';
import { NameSchema, ReasonSchema, text } from '../common/text';
import { WingCodeSchema } from '../wings/events';

const ProgrammeKindSchema = z.enum(['tour', 'meeting']);

export const ResponsibilityAssigned = event('ResponsibilityAssigned', {
  responsibilityId: IdSchema,
  programmeId: IdSchema,
  programmeKind: ProgrammeKindSchema,
  wing: WingCodeSchema,
  duty: text(500),
  stopId: IdSchema.optional(),
  lead: NameSchema.optional(),
});
export const ResponsibilityAcknowledged = event('ResponsibilityAcknowledged', {
  responsibilityId: IdSchema,
  programmeId: IdSchema,
  wing: WingCodeSchema,
});
export const ResponsibilityReassigned = event('ResponsibilityReassigned', {
  responsibilityId: IdSchema,
  programmeId: IdSchema,
  from: WingCodeSchema,
  wing: WingCodeSchema,
});
export const ResponsibilityCancelled = event('ResponsibilityCancelled', {
  responsibilityId: IdSchema,
  programmeId: IdSchema,
  wing: WingCodeSchema,
  reason: ReasonSchema,
});

export const ResponsibilityEventSchema = z.discriminatedUnion('type', [
  ResponsibilityAssigned,
  ResponsibilityAcknowledged,
  ResponsibilityReassigned,
  ResponsibilityCancelled,
]);
export type ResponsibilityEvent = z.infer<typeof ResponsibilityEventSchema>;
