import { Router } from 'express';
import type { CompensatorStatus, LateEventCompensator } from '@tayari/shared/compensation/LateEventCompensator';
import type { EventStore, Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { probe } from './probe';
import type { RunnerSupervisor, SupervisorState } from './RunnerSupervisor';
import type { StoreProblem } from './StoreProblem';
import { subscriptionState } from './subscriptionState';

export interface ProjectorHealthOptions {
  events: EventStore;
  readStore: Pick<ReadStore, 'kind' | 'checkpoints'>;
  supervisor: Pick<RunnerSupervisor, 'state' | 'position' | 'failure' | 'restarts'>;
  /** The late-event compensator: one that stopped leaves late events in place, so health says so. */
  compensator?: Pick<LateEventCompensator, 'status'> | undefined;
  timeoutMs: number;
}

export interface ProjectorHealthPayload {
  status: 'ok' | 'degraded';
  service: 'projector';
  eventStore: string;
  readStore: string;
  runner: SupervisorState;
  /** The $all subscription: catchingUp, caughtUp, fellBehind, reconnecting (EventStoreDB); null for stores that do not say. */
  subscription: string | null;
  /** The position the read models reflect. */
  position: Position;
  /** The event store's head; null when it could not be asked. */
  head: Position | null;
  /** True when the models reflect the head. */
  caughtUp: boolean | null;
  restarts: number;
  /** The late-event compensator's state; null where it does not run. */
  compensator: CompensatorStatus | null;
  failure?: string;
  unavailable?: StoreProblem[];
}

/**
 * `GET /api/health` of the projector: 200 while the runner runs, its subscription is not
 * reconnecting, the late-event compensator has not stopped on an event and both stores answer; 503
 * otherwise (restarting after a store failure, stopped on an
 * event it cannot project, a store unreachable), saying which.
 */
export function projectorHealthRouter(options: ProjectorHealthOptions): Router {
  const { events, readStore, supervisor, timeoutMs } = options;
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [head, checkpoints] = await Promise.all([
      probe(() => events.headPosition(), timeoutMs, `the ${events.kind} event store`),
      probe(() => readStore.checkpoints(), timeoutMs, `the ${readStore.kind} read store`),
    ]);
    const unavailable: StoreProblem[] = [];
    if (!head.ok) unavailable.push({ store: events.kind, error: head.error });
    if (!checkpoints.ok) unavailable.push({ store: readStore.kind, error: checkpoints.error });
    const subscription = subscriptionState(events);
    const position = supervisor.position();
    const headPosition = head.ok ? (head.value ?? null) : null;
    const compensator = options.compensator?.status ?? null;
    const ok = unavailable.length === 0 && supervisor.state === 'running' && subscription?.state !== 'reconnecting' && compensator !== 'failed';
    const body: ProjectorHealthPayload = {
      status: ok ? 'ok' : 'degraded',
      service: 'projector',
      eventStore: events.kind,
      readStore: readStore.kind,
      runner: supervisor.state,
      subscription: subscription?.state ?? null,
      position,
      head: headPosition,
      caughtUp: !head.ok ? null : headPosition === null || events.comparePositions(position, headPosition) >= 0,
      restarts: supervisor.restarts,
      compensator,
      ...(supervisor.failure && supervisor.state !== 'running' ? { failure: supervisor.failure.message } : {}),
      ...(unavailable.length > 0 ? { unavailable } : {}),
    };
    res
      .status(ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(body);
  });
  return router;
}
