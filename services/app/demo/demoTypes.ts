import type { z } from 'zod';
import type { AssignResponsibilityBody } from '@tayari/shared/responsibility/commands';
import type { RecordMinutesBody, ScheduleMeetingBody } from '@tayari/shared/meeting/commands';
import type { AddStopBody, PlanTourBody } from '@tayari/shared/tour/commands';
import type { Window } from './demoTimes';

/** The demo as data: what exists in the end and a little of how it got there. */
export interface DemoPlan {
  tour: z.input<typeof PlanTourBody> & { id: string };
  stops: (z.input<typeof AddStopBody> & { stopId: string; movedTo?: Window })[];
  /** `followUpsDone`: the decisions (by place in the minutes) whose tasks the wing has finished since. */
  meetings: (z.input<typeof ScheduleMeetingBody> & { id: string; minutes?: z.input<typeof RecordMinutesBody>; followUpsDone?: number[] })[];
  responsibilities: DemoResponsibility[];
  tasks: DemoTask[];
}

export type DemoResponsibility = z.input<typeof AssignResponsibilityBody> & {
  id: string;
  programmeId: string;
  acknowledged: boolean;
};

/** Where a task ends up; `cancelled` leaves boards and readiness. */
export type DemoStatus = 'todo' | 'in_progress' | 'blocked' | 'done' | 'cancelled';

export interface DemoTask {
  id: string;
  programmeId: string;
  wing: string;
  title: string;
  status: DemoStatus;
  stopId?: string;
  responsibilityId?: string;
  assignee?: string;
  dueAt?: string;
  /** Why it is blocked, or why it was cancelled. */
  reason?: string;
  notes?: string[];
  /** Blocked or done straight from todo, without being started first. */
  direct?: boolean;
  /** Handed to someone else after it was logged. */
  reassignTo?: string;
  /** Due time moved after it was logged. */
  dueMovedTo?: string;
}
