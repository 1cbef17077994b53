import { z } from 'zod';
import { MeetingEventSchema } from '../meeting/events';
import { ResponsibilityEventSchema } from '../responsibility/events';
import { TaskEventSchema } from '../task/events';
import { TourEventSchema } from '../tour/events';
import { WingEventSchema } from '../wings/events';

/** Every event Tayari writes; parsed on write (before append) and on read (projections, history). */
export const DomainEventSchema = z.discriminatedUnion('type', [
  ...TourEventSchema.options,
  ...MeetingEventSchema.options,
  ...ResponsibilityEventSchema.options,
  ...TaskEventSchema.options,
  ...WingEventSchema.options,
]);
export type DomainEvent = z.infer<typeof DomainEventSchema>;
