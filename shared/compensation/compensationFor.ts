import type { ResponsibilityCancelled } from '../responsibility/events';
import type { TaskCancelled } from '../task/events';
import type { z } from 'zod';
import type { PlanCancellations, PlanStoredEvent } from './PlanCancellations';

/** The cancel that undoes a task or duty event which landed on a cancelled programme or stop. */
export interface Compensation {
  /** The late event's stream (`task-<id>` or `responsibility-<id>`). */
  streamId: string;
  /** The late event's version: the compensation must follow it directly, or the stream moved on. */
  expectedVersion: number;
  /** The late event: the compensation's id and correlation derive from it. */
  cause: { id: string; correlationId: string; type: string; position: string };
  event: z.infer<typeof TaskCancelled> | z.infer<typeof ResponsibilityCancelled>;
}

/** Why, in words that history shows. */
export const lateReason = (what: 'tour' | 'meeting' | 'stop') => `landed after its ${what} was cancelled`;

/**
 * Pure: given what was cancelled before `event` (in `$all` order), the compensation it needs, if
 * any. Any task or duty event but its own cancel is late once its programme or stop is cancelled:
 * the deciders refuse every such command (409), so only a race with the cancel on a store that checks
 * other streams outside the append (EventStoreDB) lets one land. The whole task or duty is cancelled,
 * since no single change can be reverted faithfully (a note, an assignment) and all of it now hangs
 * off something cancelled.
 */
export function compensationFor(state: PlanCancellations, event: PlanStoredEvent, eventId: string): Compensation | undefined {
  if (event.type === 'TaskCancelled' || event.type === 'ResponsibilityCancelled') return undefined;
  if (!('programmeId' in event.data)) return undefined;
  const { programmeId } = event.data;
  const stopId = 'stopId' in event.data ? event.data.stopId : state.stopOf(event.streamId);
  const programme = state.programmeCancelled(programmeId);
  const what = programme ?? (stopId !== undefined && state.stopCancelled(programmeId, stopId) ? 'stop' : undefined);
  if (what === undefined) return undefined;
  const reason = lateReason(what);
  const base = {
    streamId: event.streamId,
    expectedVersion: event.version,
    cause: { id: eventId, correlationId: event.metadata.correlationId, type: event.type, position: event.position },
  };
  if ('taskId' in event.data) {
    const { taskId, wing } = event.data;
    return { ...base, event: { type: 'TaskCancelled', data: { taskId, programmeId, wing, reason } } };
  }
  const { responsibilityId, wing } = event.data;
  return { ...base, event: { type: 'ResponsibilityCancelled', data: { responsibilityId, programmeId, wing, reason } } };
}
