import { Router } from 'express';
import type { HealthPayload } from '@tayari/api/reads/createHealthRouter';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadSide } from '@tayari/projections/ReadSide';
import type { CheckpointWatch, CheckpointWatchStatus } from './CheckpointWatch';
import { probe } from './probe';
import type { StoreProblem } from './StoreProblem';

export interface ApiHealthOptions {
  events: Pick<EventStore, 'kind' | 'headPosition'>;
  readSide: Pick<ReadSide, 'readStoreKind' | 'projections' | 'healthy'>;
  zeroPosition: string;
  /** Longest wait for each store. */
  timeoutMs: number;
  /** The checkpoints' change stream, when the process follows one (MongoDB). */
  checkpointWatch?: Pick<CheckpointWatch, 'status' | 'problem'> | undefined;
}

export interface ApiHealthPayload extends HealthPayload {
  /** Present when degraded: which store failed, and how. */
  unavailable?: StoreProblem[];
  checkpointWatch?: CheckpointWatchStatus | undefined;
}

/**
 * `GET /api/health` of the split API: SPEC's body, 200 `ok` while both stores answer (each asked
 * now, within the timeout) and the read side follows the read store; otherwise 503 `degraded`, with
 * `unavailable` naming the store that failed. Both stores are asked at once, so it answers within
 * one timeout even when both are gone.
 */
export function apiHealthRouter(options: ApiHealthOptions): Router {
  const { events, readSide, timeoutMs } = options;
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [head, projections] = await Promise.all([
      probe(() => events.headPosition(), timeoutMs, `the ${events.kind} event store`),
      probe(() => readSide.projections(), timeoutMs, `the ${readSide.readStoreKind} read store`),
    ]);
    const unavailable: StoreProblem[] = [];
    if (!head.ok) unavailable.push({ store: events.kind, error: head.error });
    if (!projections.ok) unavailable.push({ store: readSide.readStoreKind, error: projections.error });
    else if (!readSide.healthy()) unavailable.push({ store: readSide.readStoreKind, error: 'the read side could not catch up with the read store; retrying' });
    const watchProblem = options.checkpointWatch?.problem();
    if (watchProblem !== undefined) unavailable.push({ store: readSide.readStoreKind, error: watchProblem });
    const ok = unavailable.length === 0;
    const body: ApiHealthPayload = {
      status: ok ? 'ok' : 'degraded',
      eventStore: events.kind,
      readStore: readSide.readStoreKind,
      position: head.ok ? (head.value ?? options.zeroPosition) : null,
      projections: projections.ok ? projections.value : {},
      ...(options.checkpointWatch ? { checkpointWatch: options.checkpointWatch.status() } : {}),
      ...(ok ? {} : { unavailable }),
    };
    res
      .status(ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(body);
  });
  return router;
}
