import type { RecordedEvent } from '@tayari/shared/eventstore/EventStore';

/** An event the projections cannot apply: the runner stops here rather than skip it. */
export class ProjectionFailed extends Error {
  constructor(
    readonly event: Pick<RecordedEvent, 'position' | 'type' | 'streamId'>,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`projections stopped at position ${event.position} (${event.type} in ${event.streamId}): ${reason}`, { cause });
    this.name = 'ProjectionFailed';
  }
}
