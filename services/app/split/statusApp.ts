import express, { type Router } from 'express';
import { problem } from '@tayari/api/http/Problem';
import type { Metrics } from '../metrics';

/**
 * The small HTTP face of a process without the API (projector, live gateway): `/api/health` from
 * `health`, `/metrics`, and a problem+json 404 for anything else.
 */
export function statusApp(health: Router, metrics: Metrics): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', health);
  app.use(metrics.handler());
  app.use((req, res) => {
    res.status(404).type('application/problem+json').send(JSON.stringify(problem(404, 'not-found', `nothing at ${req.method} ${req.path}`)));
  });
  return app;
}
