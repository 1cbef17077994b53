import { Router } from 'express';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadSide } from '@tayari/projections/ReadSide';

export interface HealthRouterOptions {
  events: Pick<EventStore, 'kind' | 'headPosition'>;
  readSide: Pick<ReadSide, 'readStoreKind' | 'projections' | 'healthy'>;
  /** The position of an empty event store. Default "0". */
  zeroPosition?: string;
}

export interface HealthPayload {
  status: 'ok' | 'degraded';
  eventStore: string;
  readStore: string;
  /** The event store's head; null when it could not be asked. */
  position: string | null;
  projections: Record<string, { position: string | null }>;
}

/**
 * `GET /api/health`, open to all: ok (200) while the event store answers and the projections run;
 * degraded (503, for load balancers) when either does not.
 */
export function createHealthRouter(options: HealthRouterOptions): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    let position: string | null = null;
    let reachable = true;
    try {
      position = (await options.events.headPosition()) ?? options.zeroPosition ?? '0';
    } catch {
      reachable = false;
    }
    let projections: HealthPayload['projections'] = {};
    let projectionsKnown = true;
    try {
      projections = await options.readSide.projections();
    } catch {
      projectionsKnown = false;
    }
    const ok = reachable && projectionsKnown && options.readSide.healthy();
    const body: HealthPayload = {
      status: ok ? 'ok' : 'degraded',
      eventStore: options.events.kind,
      readStore: options.readSide.readStoreKind,
      position,
      projections,
    };
    res
      .status(ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(body);
  });
  return router;
}
