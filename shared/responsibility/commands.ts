import { z } from 'zod';
import { IdSchema } from '../common/ids';
import { NameSchema, text } from '../common/text';
import { CancelBody } from '../tour/commands';
import { WingCodeSchema } from '../wings/events';

/** POST /api/programmes/{programmeId}/responsibilities */
export const AssignResponsibilityBody = z.strictObject({
  id: IdSchema.optional(),
  wing: WingCodeSchema,
  duty: text(500),
  stopId: IdSchema.optional(),
  lead: NameSchema.optional(),
});
/** POST /api/responsibilities/{id}/acknowledge */
export const AcknowledgeResponsibilityBody = z.strictObject({});
/** POST /api/responsibilities/{id}/reassign */
export const ReassignResponsibilityBody = z.strictObject({ wing: WingCodeSchema });
export { CancelBody as CancelResponsibilityBody };

export type AssignResponsibility = { type: 'AssignResponsibility'; responsibilityId: string; programmeId: string } & Omit<
  z.output<typeof AssignResponsibilityBody>,
  'id'
>;
export type AcknowledgeResponsibility = { type: 'AcknowledgeResponsibility'; responsibilityId: string };
export type ReassignResponsibility = { type: 'ReassignResponsibility'; responsibilityId: string } & z.output<typeof ReassignResponsibilityBody>;
export type CancelResponsibility = { type: 'CancelResponsibility'; responsibilityId: string } & z.output<typeof CancelBody>;
export type ResponsibilityCommand = AssignResponsibility | AcknowledgeResponsibility | ReassignResponsibility | CancelResponsibility;
