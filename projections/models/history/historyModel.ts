import { z } from 'zod';
import { MeetingEventSchema } from '@tayari/shared/meeting/events';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import { ResponsibilityEventSchema } from '@tayari/shared/responsibility/events';
import { TaskEventSchema } from '@tayari/shared/task/events';
import { TourEventSchema } from '@tayari/shared/tour/events';
import { defineLog } from '../../registry/LogModel';
import { programmeIdOf } from '../programme/programmeIdOf';

/** One row of a programme's history (SPEC.md: `{position, type, at, actor, data}`). */
export const HistoryEntrySchema = z.strictObject({
  position: z.string(),
  type: z.string(),
  at: z.string(),
  actor: z.unknown(),
  data: z.unknown(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A programme's history: its own events and those of its tasks and duties, by position. */
export const historyModel = defineLog({
  name: 'history',
  schema: HistoryEntrySchema,
  events: [TourEventSchema, MeetingEventSchema, ResponsibilityEventSchema, TaskEventSchema],
  entry(event) {
    const group = programmeIdOf(event);
    if (group === undefined) return undefined;
    return {
      group,
      key: positionKey(event.position),
      entry: { position: event.position, type: event.type, at: event.metadata.at, actor: event.metadata.actor, data: event.data },
    };
  },
});
