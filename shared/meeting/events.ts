import { z } from 'zod';
import { UnitCodeSchema } from '../units/events';
import { eventSchema as event } from '../common/event';
import { IdSchema } from '../common/ids';
import { NameSchema, ReasonSchema, TitleSchema, text } from '../common/text';
import { StoredInstantSchema } from '../common/time';
import { StoredDecisionSchema } from './decisions';

export const MeetingScheduled = event('MeetingScheduled', {
  meetingId: IdSchema,
  title: TitleSchema,
  venue: text(200),
  startsAt: StoredInstantSchema,
  endsAt: StoredInstantSchema.optional(),
  chairs: z.array(NameSchema).min(1).max(50),
  agenda: z.array(text(500)).max(100),
  /** The organisation unit the meeting belongs to (SPEC v2). */
  unit: UnitCodeSchema.optional(),
  /** The series it belongs to (SPEC v2 "meeting follow-ups"). */
  series: IdSchema.optional(),
});
export const MeetingRescheduled = event('MeetingRescheduled', {
  meetingId: IdSchema,
  startsAt: StoredInstantSchema,
  endsAt: StoredInstantSchema.optional(),
  venue: text(200).optional(),
});
export const MeetingCancelled = event('MeetingCancelled', { meetingId: IdSchema, reason: ReasonSchema });
export const MinutesRecorded = event('MinutesRecorded', {
  meetingId: IdSchema,
  decisions: z.array(StoredDecisionSchema).min(1).max(200),
  attendance: z.number().int().min(0).max(1_000_000).optional(),
});

export const MeetingEventSchema = z.discriminatedUnion('type', [MeetingScheduled, MeetingRescheduled, MeetingCancelled, MinutesRecorded]);
export type MeetingEvent = z.infer<typeof MeetingEventSchema>;
