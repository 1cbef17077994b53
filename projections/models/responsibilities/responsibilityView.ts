import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import type { ResponsibilityEvent } from '@tayari/shared/responsibility/events';
import type { ResponsibilityView } from '../programme/ProgrammeDoc';

export type ResponsibilityStoredEvent = Extract<StoredEvent, { type: ResponsibilityEvent['type'] }>;

const RESPONSIBILITY_EVENT_TYPES: ReadonlySet<string> = new Set<ResponsibilityEvent['type']>([
  'ResponsibilityAssigned',
  'ResponsibilityAcknowledged',
  'ResponsibilityReassigned',
  'ResponsibilityCancelled',
]);

export function isResponsibilityEvent(event: StoredEvent): event is ResponsibilityStoredEvent {
  return RESPONSIBILITY_EVENT_TYPES.has(event.type);
}

/** One responsibility, evolved by its own events; undefined until it is assigned. */
export function evolveResponsibility(view: ResponsibilityView | undefined, event: ResponsibilityStoredEvent): ResponsibilityView | undefined {
  if (event.type === 'ResponsibilityAssigned') {
    if (view) return view;
    const { responsibilityId, wing, duty, stopId, lead } = event.data;
    return {
      id: responsibilityId,
      wing,
      duty,
      ...(stopId === undefined ? {} : { stopId }),
      ...(lead === undefined ? {} : { lead }),
      acknowledged: false,
      givenAt: event.metadata.at,
      cancelled: false,
      version: event.version,
      assignedKey: positionKey(event.position),
    };
  }
  if (!view) return view;
  switch (event.type) {
    case 'ResponsibilityAcknowledged':
      return { ...view, acknowledged: true, acknowledgedBy: { name: event.metadata.actor.name, at: event.metadata.at }, version: event.version };
    case 'ResponsibilityReassigned': {
      // The new wing has not acknowledged the duty yet (as the decider says).
      const { acknowledgedBy: _gone, ...rest } = view;
      return { ...rest, wing: event.data.wing, acknowledged: false, givenAt: event.metadata.at, version: event.version };
    }
    case 'ResponsibilityCancelled':
      return { ...view, cancelled: true, cancelReason: event.data.reason, version: event.version };
  }
}
