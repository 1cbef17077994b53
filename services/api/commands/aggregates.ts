import { meetingDecider } from '@tayari/shared/meeting/decider';
import { MeetingEventSchema } from '@tayari/shared/meeting/events';
import { responsibilityDecider } from '@tayari/shared/responsibility/decider';
import { ResponsibilityEventSchema } from '@tayari/shared/responsibility/events';
import { taskDecider } from '@tayari/shared/task/decider';
import { TaskEventSchema } from '@tayari/shared/task/events';
import { tourDecider } from '@tayari/shared/tour/decider';
import { TourEventSchema } from '@tayari/shared/tour/events';
import { wingsDecider } from '@tayari/shared/wings/decider';
import { WingEventSchema } from '@tayari/shared/wings/events';

export const aggregates = {
  tour: { decider: tourDecider, events: TourEventSchema },
  meeting: { decider: meetingDecider, events: MeetingEventSchema },
  responsibility: { decider: responsibilityDecider, events: ResponsibilityEventSchema },
  task: { decider: taskDecider, events: TaskEventSchema },
  wings: { decider: wingsDecider, events: WingEventSchema },
} as const;
