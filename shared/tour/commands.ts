import { z } from 'zod';
import { UnitCodeSchema } from '../units/events';
import { IdSchema } from '../common/ids';
import { NameSchema, NoteSchema, ReasonSchema, TitleSchema, text } from '../common/text';
import { InstantSchema } from '../common/time';
import { endsAfterStart } from '../common/window';
import { WingCodeSchema } from '../wings/events';

/** POST /api/tours */
export const PlanTourBody = z.strictObject({
  id: IdSchema.optional(),
  title: TitleSchema,
  leader: NameSchema,
  region: text(120).optional(),
  notes: NoteSchema.optional(),
  unit: UnitCodeSchema.optional(),
});
/** POST /api/tours/{tourId}/stops */
export const AddStopBody = endsAfterStart(
  z.strictObject({
    stopId: IdSchema.optional(),
    place: text(120),
    district: text(120),
    venue: text(200),
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    hostWing: WingCodeSchema.optional(),
  }),
);
/** POST /api/tours/{tourId}/stops/{stopId}/reschedule */
export const RescheduleStopBody = endsAfterStart(z.strictObject({ startsAt: InstantSchema, endsAt: InstantSchema }));
/** POST /api/tours/{tourId}/stops/{stopId}/cancel and POST /api/tours/{tourId}/cancel */
export const CancelBody = z.strictObject({ reason: ReasonSchema });

type Body<S extends z.ZodType> = z.output<S>;
export type PlanTour = { type: 'PlanTour'; tourId: string } & Omit<Body<typeof PlanTourBody>, 'id'>;
export type AddStop = { type: 'AddStop'; tourId: string; stopId: string } & Omit<Body<typeof AddStopBody>, 'stopId'>;
export type RescheduleStop = { type: 'RescheduleStop'; tourId: string; stopId: string } & Body<typeof RescheduleStopBody>;
export type CancelStop = { type: 'CancelStop'; tourId: string; stopId: string } & Body<typeof CancelBody>;
export type CancelTour = { type: 'CancelTour'; tourId: string } & Body<typeof CancelBody>;
export type TourCommand = PlanTour | AddStop | RescheduleStop | CancelStop | CancelTour;
