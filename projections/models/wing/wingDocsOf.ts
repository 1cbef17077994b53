import type { StoredEvent } from '@tayari/shared/events/StoredEvent';

/** The wing documents (wing, programme) an event may change: a reassignment changes two. */
export function wingDocsOf(event: StoredEvent): { code: string; programmeId: string }[] {
  switch (event.type) {
    case 'ResponsibilityReassigned':
      return [
        { code: event.data.from, programmeId: event.data.programmeId },
        { code: event.data.wing, programmeId: event.data.programmeId },
      ];
    case 'ResponsibilityAssigned':
    case 'ResponsibilityAcknowledged':
    case 'ResponsibilityCancelled':
    case 'TaskLogged':
    case 'TaskStarted':
    case 'TaskBlocked':
    case 'TaskUnblocked':
    case 'TaskCompleted':
    case 'TaskReopened':
    case 'TaskAssigned':
    case 'TaskDueChanged':
    case 'TaskNoteAdded':
    case 'TaskCancelled':
      return [{ code: event.data.wing, programmeId: event.data.programmeId }];
    default:
      return [];
  }
}
