import { z } from 'zod';
import { UnitCodeSchema } from '../units/events';
import { IdSchema } from '../common/ids';
import { NameSchema, TitleSchema, text } from '../common/text';
import { InstantSchema } from '../common/time';
import { endsAfterStart } from '../common/window';
import { CancelBody } from '../tour/commands';
import { DecisionBody } from './decisions';

/** POST /api/meetings */
export const ScheduleMeetingBody = endsAfterStart(
  z.strictObject({
    id: IdSchema.optional(),
    title: TitleSchema,
    venue: text(200),
    startsAt: InstantSchema,
    endsAt: InstantSchema.optional(),
    chairs: z.array(NameSchema).min(1).max(50),
    agenda: z.array(text(500)).max(100).optional(),
    unit: UnitCodeSchema.optional(),
    /** A series of meetings (e.g. `monthly-review`): each carries the open follow-ups of the earlier ones (SPEC v2). */
    series: IdSchema.optional(),
  }),
);
/** POST /api/meetings/{id}/reschedule */
export const RescheduleMeetingBody = endsAfterStart(z.strictObject({ startsAt: InstantSchema, endsAt: InstantSchema.optional(), venue: text(200).optional() }));
/** POST /api/meetings/{id}/minutes; attendance is a head count. */
export const RecordMinutesBody = z.strictObject({
  /** Text, or `{text, wing?, assignee?, dueAt?}`: a decision with a wing becomes that wing's task. */
  decisions: z.array(DecisionBody).min(1).max(200),
  attendance: z.number().int().min(0).max(1_000_000).optional(),
});
export { CancelBody as CancelMeetingBody };

export type ScheduleMeeting = { type: 'ScheduleMeeting'; meetingId: string } & Omit<z.output<typeof ScheduleMeetingBody>, 'id'>;
export type RescheduleMeeting = { type: 'RescheduleMeeting'; meetingId: string } & z.output<typeof RescheduleMeetingBody>;
export type CancelMeeting = { type: 'CancelMeeting'; meetingId: string } & z.output<typeof CancelBody>;
export type RecordMinutes = { type: 'RecordMinutes'; meetingId: string } & z.output<typeof RecordMinutesBody>;
export type MeetingCommand = ScheduleMeeting | RescheduleMeeting | CancelMeeting | RecordMinutes;
