import express, { type Router } from 'express';
import { problem } from '@tayari/api/http/Problem';
import type { Metrics } from '../metrics';
import type { MetricsAccess } from '../metricsAccess';

/**
 * The small HTTP face of a process without the API (projector, live gateway): `/api/health` from
 * `health`, `/metrics` (for those `access` lets in), and a problem+json 404 for anything else.
 */
export function statusApp(health: Router, metrics: Metrics, access: MetricsAccess): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', health);
  app.use(metrics.handler(access));
  app.use((req, res) => {
    res
      .status(404)
      .type('application/problem+json')
      .send(JSON.stringify(problem(404, 'not-found', `nothing at ${req.method} ${req.path}`)));
  });
  return app;
}
