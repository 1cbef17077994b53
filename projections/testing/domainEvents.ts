import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;
type Data<T extends DomainEvent['type']> = Of<T>['data'];

/** Terse builders of domain events for tests (the shapes the deciders emit). */
export const ev = {
  tourPlanned: (tourId: string, extra: Partial<Data<'TourPlanned'>> = {}): Of<'TourPlanned'> => ({
    type: 'TourPlanned',
    data: { tourId, title: `Tour ${tourId}`, leader: 'नेता जी', ...extra },
  }),
  stopAdded: (tourId: string, stopId: string, startsAt: string, endsAt: string, extra: Partial<Data<'StopAdded'>> = {}): Of<'StopAdded'> => ({
    type: 'StopAdded',
    data: { tourId, stopId, place: 'Jagdalpur', district: 'Bastar', venue: 'Lalbagh ground', startsAt, endsAt, ...extra },
  }),
  stopRescheduled: (tourId: string, stopId: string, startsAt: string, endsAt: string): Of<'StopRescheduled'> => ({
    type: 'StopRescheduled',
    data: { tourId, stopId, startsAt, endsAt },
  }),
  stopCancelled: (tourId: string, stopId: string): Of<'StopCancelled'> => ({ type: 'StopCancelled', data: { tourId, stopId, reason: 'rain' } }),
  tourCancelled: (tourId: string): Of<'TourCancelled'> => ({ type: 'TourCancelled', data: { tourId, reason: 'postponed' } }),
  meetingScheduled: (meetingId: string, startsAt: string, endsAt?: string): Of<'MeetingScheduled'> => ({
    type: 'MeetingScheduled',
    data: { meetingId, title: `Meeting ${meetingId}`, venue: 'Rajiv Bhawan', startsAt, ...(endsAt ? { endsAt } : {}), chairs: ['अध्यक्ष'], agenda: ['booths'] },
  }),
  meetingRescheduled: (meetingId: string, startsAt: string, endsAt?: string, venue?: string): Of<'MeetingRescheduled'> => ({
    type: 'MeetingRescheduled',
    data: { meetingId, startsAt, ...(endsAt ? { endsAt } : {}), ...(venue ? { venue } : {}) },
  }),
  meetingCancelled: (meetingId: string): Of<'MeetingCancelled'> => ({ type: 'MeetingCancelled', data: { meetingId, reason: 'clash' } }),
  minutesRecorded: (meetingId: string): Of<'MinutesRecorded'> => ({
    type: 'MinutesRecorded',
    data: { meetingId, decisions: ['booth committees by Friday'], attendance: 40 },
  }),
  responsibilityAssigned: (
    responsibilityId: string,
    programmeId: string,
    wing: string,
    extra: Partial<Data<'ResponsibilityAssigned'>> = {},
  ): Of<'ResponsibilityAssigned'> => ({
    type: 'ResponsibilityAssigned',
    data: { responsibilityId, programmeId, programmeKind: 'tour', wing, duty: 'crowd mobilisation', ...extra },
  }),
  responsibilityAcknowledged: (responsibilityId: string, programmeId: string, wing: string): Of<'ResponsibilityAcknowledged'> => ({
    type: 'ResponsibilityAcknowledged',
    data: { responsibilityId, programmeId, wing },
  }),
  responsibilityReassigned: (responsibilityId: string, programmeId: string, from: string, wing: string): Of<'ResponsibilityReassigned'> => ({
    type: 'ResponsibilityReassigned',
    data: { responsibilityId, programmeId, from, wing },
  }),
  responsibilityCancelled: (responsibilityId: string, programmeId: string, wing: string): Of<'ResponsibilityCancelled'> => ({
    type: 'ResponsibilityCancelled',
    data: { responsibilityId, programmeId, wing, reason: 'not needed' },
  }),
  taskLogged: (taskId: string, programmeId: string, wing: string, extra: Partial<Data<'TaskLogged'>> = {}): Of<'TaskLogged'> => ({
    type: 'TaskLogged',
    data: { taskId, programmeId, wing, programmeKind: 'tour', title: `Task ${taskId}`, ...extra },
  }),
  taskStarted: (taskId: string, programmeId: string, wing: string, note?: string): Of<'TaskStarted'> => ({
    type: 'TaskStarted',
    data: { taskId, programmeId, wing, from: 'todo', ...(note ? { note } : {}) },
  }),
  taskBlocked: (taskId: string, programmeId: string, wing: string, reason = 'no permission yet'): Of<'TaskBlocked'> => ({
    type: 'TaskBlocked',
    data: { taskId, programmeId, wing, from: 'in_progress', reason },
  }),
  taskUnblocked: (taskId: string, programmeId: string, wing: string, to: 'todo' | 'in_progress' = 'in_progress'): Of<'TaskUnblocked'> => ({
    type: 'TaskUnblocked',
    data: { taskId, programmeId, wing, to },
  }),
  taskCompleted: (taskId: string, programmeId: string, wing: string, note?: string): Of<'TaskCompleted'> => ({
    type: 'TaskCompleted',
    data: { taskId, programmeId, wing, from: 'in_progress', ...(note ? { note } : {}) },
  }),
  taskReopened: (taskId: string, programmeId: string, wing: string): Of<'TaskReopened'> => ({
    type: 'TaskReopened',
    data: { taskId, programmeId, wing, from: 'done' },
  }),
  taskAssigned: (taskId: string, programmeId: string, wing: string, assignee: Data<'TaskAssigned'>['assignee']): Of<'TaskAssigned'> => ({
    type: 'TaskAssigned',
    data: { taskId, programmeId, wing, assignee },
  }),
  taskDueChanged: (taskId: string, programmeId: string, wing: string, dueAt: string): Of<'TaskDueChanged'> => ({
    type: 'TaskDueChanged',
    data: { taskId, programmeId, wing, dueAt },
  }),
  taskNoteAdded: (taskId: string, programmeId: string, wing: string, text: string): Of<'TaskNoteAdded'> => ({
    type: 'TaskNoteAdded',
    data: { taskId, programmeId, wing, text },
  }),
  taskCancelled: (taskId: string, programmeId: string, wing: string): Of<'TaskCancelled'> => ({
    type: 'TaskCancelled',
    data: { taskId, programmeId, wing, reason: 'duplicate' },
  }),
  wingRegistered: (code: string): Of<'WingRegistered'> => ({
    type: 'WingRegistered',
    data: { code, name: { en: `Wing ${code}`, hi: 'प्रकोष्ठ' }, kind: 'cell' },
  }),
};
