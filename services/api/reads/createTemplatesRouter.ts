import { Router } from 'express';
import type { ReadSide } from '@tayari/projections/ReadSide';
import { sendJson } from '../http/sendJson';
import { awaitPosition } from './awaitPosition';
import { parseQuery } from './parseQuery';
import { PlainQuery } from './querySchemas';

/** GET /api/templates: the checklist templates a person picks from to plan a stop or meeting. */
export function createTemplatesRouter(options: { readSide: ReadSide; minPositionTimeoutMs?: number }): Router {
  const { readSide } = options;
  const router = Router();
  router.get('/templates', async (req, res) => {
    const { minPosition } = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, minPosition, options.minPositionTimeoutMs ?? 5000);
    await sendJson(req, res, await readSide.templates());
  });
  return router;
}
