import { z } from 'zod';
import { UnitCodeSchema } from '../units/events';
import { eventSchema as event } from '../common/event';
import { IdSchema } from '../common/ids';
import { NameSchema, NoteSchema, ReasonSchema, TitleSchema, text } from '../common/text';
import { StoredInstantSchema } from '../common/time';
import { WingCodeSchema } from '../wings/events';

export const TourPlanned = event('TourPlanned', {
  tourId: IdSchema,
  title: TitleSchema,
  leader: NameSchema,
  region: text(120).optional(),
  notes: NoteSchema.optional(),
  /** The organisation unit the tour belongs to (SPEC v2). */
  unit: UnitCodeSchema.optional(),
});
export const StopAdded = event('StopAdded', {
  tourId: IdSchema,
  stopId: IdSchema,
  place: text(120),
  district: text(120),
  venue: text(200),
  startsAt: StoredInstantSchema,
  endsAt: StoredInstantSchema,
  hostWing: WingCodeSchema.optional(),
});
export const StopRescheduled = event('StopRescheduled', {
  tourId: IdSchema,
  stopId: IdSchema,
  startsAt: StoredInstantSchema,
  endsAt: StoredInstantSchema,
});
export const StopCancelled = event('StopCancelled', { tourId: IdSchema, stopId: IdSchema, reason: ReasonSchema });
export const TourCancelled = event('TourCancelled', { tourId: IdSchema, reason: ReasonSchema });

export const TourEventSchema = z.discriminatedUnion('type', [TourPlanned, StopAdded, StopRescheduled, StopCancelled, TourCancelled]);
export type TourEvent = z.infer<typeof TourEventSchema>;
