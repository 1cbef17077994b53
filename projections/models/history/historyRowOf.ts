import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { HistoryEntry } from '@tayari/shared/readstore/ReadStore';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import { programmeIdOf } from '../programme/programmeIdOf';

/** The history row of an event that belongs to a programme (its own, its tasks', its responsibilities'). */
export function historyRowOf(event: StoredEvent): HistoryEntry | undefined {
  const programmeId = programmeIdOf(event);
  if (programmeId === undefined) return undefined;
  return {
    programmeId,
    position: event.position,
    sortKey: positionKey(event.position),
    type: event.type,
    at: event.metadata.at,
    actor: event.metadata.actor,
    data: event.data,
  };
}
