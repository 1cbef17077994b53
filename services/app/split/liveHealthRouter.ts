import { Router } from 'express';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadSide } from '@tayari/projections/ReadSide';
import type { CheckpointWatch, CheckpointWatchStatus } from './CheckpointWatch';
import { probe } from './probe';
import type { StoreProblem } from './StoreProblem';

export interface LiveHealthOptions {
  readSide: Pick<ReadSide, 'readStoreKind' | 'projections' | 'healthy' | 'position'>;
  connections: () => number;
  timeoutMs: number;
  /** The checkpoints' change stream, when the process follows one (MongoDB). */
  checkpointWatch?: Pick<CheckpointWatch, 'status' | 'problem'> | undefined;
}

export interface LiveHealthPayload {
  status: 'ok' | 'degraded';
  service: 'live';
  readStore: string;
  /** The position the boards it pushes reflect. */
  position: Position;
  projections: Record<string, { position: Position | null }>;
  connections: number;
  checkpointWatch?: CheckpointWatchStatus | undefined;
  unavailable?: StoreProblem[];
}

/** `GET /api/health` of the live gateway: 200 while the read store answers and is followed, else 503. */
export function liveHealthRouter(options: LiveHealthOptions): Router {
  const { readSide, timeoutMs } = options;
  const router = Router();
  router.get('/health', async (_req, res) => {
    const projections = await probe(() => readSide.projections(), timeoutMs, `the ${readSide.readStoreKind} read store`);
    const unavailable: StoreProblem[] = [];
    if (!projections.ok) unavailable.push({ store: readSide.readStoreKind, error: projections.error });
    else if (!readSide.healthy()) unavailable.push({ store: readSide.readStoreKind, error: 'the boards could not catch up with the read store; retrying' });
    const watchProblem = options.checkpointWatch?.problem();
    if (watchProblem !== undefined) unavailable.push({ store: readSide.readStoreKind, error: watchProblem });
    const ok = unavailable.length === 0;
    const body: LiveHealthPayload = {
      status: ok ? 'ok' : 'degraded',
      service: 'live',
      readStore: readSide.readStoreKind,
      position: readSide.position(),
      projections: projections.ok ? projections.value : {},
      connections: options.connections(),
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
