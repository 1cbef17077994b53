import type { StoredEvent } from '@tayari/shared/events/StoredEvent';

/** The programme an event belongs to (its own stream, or the one its task or responsibility names). */
export function programmeIdOf(event: StoredEvent): string | undefined {
  const data = event.data;
  if ('tourId' in data) return data.tourId;
  if ('meetingId' in data) return data.meetingId;
  if ('programmeId' in data) return data.programmeId;
  return undefined;
}

/** The programmes some events belong to. */
export function programmeIdsOf(events: readonly StoredEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    const id = programmeIdOf(event);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

const PROGRAMME_LEVEL: ReadonlySet<string> = new Set([
  'TourPlanned',
  'StopAdded',
  'StopRescheduled',
  'StopCancelled',
  'TourCancelled',
  'MeetingScheduled',
  'MeetingRescheduled',
  'MeetingCancelled',
  'MinutesRecorded',
]);

/** An event of the programme's own stream: it changes what every board showing the programme shows. */
export function isProgrammeLevel(event: StoredEvent): boolean {
  return PROGRAMME_LEVEL.has(event.type);
}
