import type { Logger } from 'pino';
import type { Clock } from '@tayari/shared/common/clock';
import { LateEventCompensator } from '@tayari/shared/compensation/LateEventCompensator';
import { readStoreCheckpoint } from '@tayari/shared/compensation/readStoreCheckpoint';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';

export interface CompensatorDeps {
  events: EventStore;
  /** Where its checkpoint is kept, beside the read models' checkpoints. */
  readStore: ReadStore;
  clock: Clock;
  logger: Logger;
}

/**
 * Only EventStoreDB checks other streams outside the append, so only there can a task or duty event
 * land after its programme or stop was cancelled. On the embedded store the compensator would find
 * nothing to do and cost a read of every event at each start: it runs when asked (tests do).
 */
export const needsCompensator = (events: EventStore): boolean => events.kind !== 'sqlite';

/** The late-event compensator (docs/production.md), logging what it does. */
export function startCompensator(deps: CompensatorDeps): Promise<LateEventCompensator> {
  const { logger } = deps;
  return LateEventCompensator.start({
    events: deps.events,
    checkpoint: readStoreCheckpoint(deps.readStore),
    clock: deps.clock,
    onCompensated: (compensation, result) =>
      logger.warn(
        { stream: compensation.streamId, late: compensation.cause, compensation: compensation.event, position: result.position },
        'a late event was compensated',
      ),
    onError: (error, retrying) =>
      retrying
        ? logger.warn({ err: error }, 'late-event compensator: retrying')
        : logger.error({ err: error }, 'late-event compensator stopped at an event it cannot read'),
  });
}
