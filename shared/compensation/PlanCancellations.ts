import type { StoredEvent } from '../events/StoredEvent';
import { MeetingEventSchema, type MeetingEvent } from '../meeting/events';
import { ResponsibilityEventSchema, type ResponsibilityEvent } from '../responsibility/events';
import { TaskEventSchema, type TaskEvent } from '../task/events';
import { TourEventSchema, type TourEvent } from '../tour/events';

type PlanEvent = TourEvent | MeetingEvent | TaskEvent | ResponsibilityEvent;
/** The events the compensator reads: programmes, their stops, tasks and duties. */
export type PlanStoredEvent = Extract<StoredEvent, { type: PlanEvent['type'] }>;

/** Their types, read off the schemas (events of other aggregates are never parsed). */
export const PLAN_EVENT_TYPES: ReadonlySet<string> = new Set(
  [TourEventSchema, MeetingEventSchema, TaskEventSchema, ResponsibilityEventSchema].flatMap((union) => union.options.map((option) => option.shape.type.value)),
);

export const isPlanEvent = (event: StoredEvent): event is PlanStoredEvent => PLAN_EVENT_TYPES.has(event.type);

export type ProgrammeKind = 'tour' | 'meeting';

/**
 * What the compensator remembers, built from the events in `$all` order: which programmes and stops
 * are cancelled, and the stop of each live task or duty given for one (their later events do not
 * name it). Only cancellations and stop links are kept, so memory grows with those, not with events.
 * Mutable for O(1) per event; `compensationFor` only reads it.
 */
export class PlanCancellations {
  private readonly programmes = new Map<string, ProgrammeKind>();
  private readonly stops = new Set<string>();
  private readonly stopOfStream = new Map<string, string>();

  /** How the programme was cancelled (its kind), or undefined while it is live. */
  programmeCancelled(programmeId: string): ProgrammeKind | undefined {
    return this.programmes.get(programmeId);
  }

  stopCancelled(programmeId: string, stopId: string): boolean {
    return this.stops.has(stopKey(programmeId, stopId));
  }

  /** The stop a live task or duty (by stream) was given for, if any. */
  stopOf(streamId: string): string | undefined {
    return this.stopOfStream.get(streamId);
  }

  evolve(event: PlanStoredEvent): void {
    switch (event.type) {
      case 'TourCancelled':
        this.programmes.set(event.data.tourId, 'tour');
        return;
      case 'MeetingCancelled':
        this.programmes.set(event.data.meetingId, 'meeting');
        return;
      case 'StopCancelled':
        this.stops.add(stopKey(event.data.tourId, event.data.stopId));
        return;
      case 'TaskLogged':
      case 'ResponsibilityAssigned':
        if (event.data.stopId !== undefined) this.stopOfStream.set(event.streamId, event.data.stopId);
        return;
      case 'TaskCancelled':
      case 'ResponsibilityCancelled':
        // Nothing lands on a cancelled task or duty (its own stream's version guards that).
        this.stopOfStream.delete(event.streamId);
        return;
      default:
        return;
    }
  }
}

const stopKey = (programmeId: string, stopId: string) => `${programmeId}\u0000${stopId}`;
