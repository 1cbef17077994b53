import { Router } from 'express';
import type { ReadSide } from '@tayari/projections/ReadSide';
import { sendJson } from '../http/sendJson';
import { awaitPosition } from './awaitPosition';
import { parseQuery } from './parseQuery';
import { PlainQuery } from './querySchemas';

/**
 * GET /api/drives: the drives there are (SPEC names only each drive's board; a page needs the ids to
 * offer them). Counts only, so open to every token like the boards.
 */
export function createDriveListRouter(options: { readSide: ReadSide; minPositionTimeoutMs?: number }): Router {
  const { readSide } = options;
  const timeoutMs = options.minPositionTimeoutMs ?? 5000;
  const router = Router();
  router.get('/drives', async (req, res) => {
    const { minPosition } = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, minPosition, timeoutMs);
    await sendJson(req, res, await readSide.drives());
  });
  return router;
}
