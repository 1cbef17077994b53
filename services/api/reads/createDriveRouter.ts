import { requireRole } from '@tayari/shared/access/policy';
import { Router } from 'express';
import type { ReadSide } from '@tayari/projections/ReadSide';
import type { EnrolmentRow } from '@tayari/projections/models/drives/DriveRows';
import { sealContext, unseal } from '@tayari/shared/drives/sealing';
import type { KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import { HttpProblem, problem } from '../http/Problem';
import { actorOf } from '../http/locals';
import { sendJson } from '../http/sendJson';
import { awaitPosition } from './awaitPosition';
import { parseQuery } from './parseQuery';
import { EnrolmentsQuery, PlainQuery } from './querySchemas';
import { ReadScope } from './ReadScope';

export interface DriveRouterOptions {
  readSide: ReadSide;
  /** Where the enrolments' keys are: names and phones are opened here, per request, never stored open. */
  vault: KeyVault;
  minPositionTimeoutMs?: number;
}

/** One enrolment as an in-charge reads it: the person only while their key exists. */
async function opened(rows: readonly EnrolmentRow[], vault: KeyVault) {
  const keys = await vault.get(rows.flatMap((row) => (row.keyId === undefined ? [] : [row.keyId])));
  return rows.map(({ id: _id, order: _order, driveId, enrolmentId, keyId, sealed, forgotten, ...row }) => {
    const key = keyId === undefined ? undefined : keys.get(keyId);
    const person = key === undefined || sealed === undefined ? undefined : unseal(key, sealContext(driveId, enrolmentId), sealed);
    // A key deleted before its forget event was read (forget deletes it first) shows as forgotten already.
    return { id: enrolmentId, ...row, ...(person ?? { forgotten: true as const }), ...(forgotten ? { forgotten } : {}) };
  });
}

/** GET /api/drives/{id}/board (counts, for everyone) and /enrolments (names and phones, in-charges only). */
export function createDriveRouter(options: DriveRouterOptions): Router {
  const { readSide, vault } = options;
  const timeoutMs = options.minPositionTimeoutMs ?? 5000;
  const router = Router();
  const notFound = (id: string) => new HttpProblem(problem(404, 'drive-not-found', `drive ${id} does not exist`));

  router.get('/drives/:id/board', async (req, res) => {
    const { minPosition } = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, minPosition, timeoutMs);
    const board = await readSide.driveBoard(req.params.id);
    if (board === undefined) throw notFound(req.params.id);
    await sendJson(req, res, board);
  });

  router.get('/drives/:id/enrolments', async (req, res) => {
    const { minPosition, after, limit } = parseQuery(req, EnrolmentsQuery);
    // Personal data: only in-charges read it (SPEC); everyone else reads the board's counts.
    requireRole(actorOf(res), 'incharge');
    await awaitPosition(readSide, minPosition, timeoutMs);
    // SPEC: in-charges *of the unit* read names: one acting for a district reads that district's.
    const scope = new ReadScope(actorOf(res), readSide);
    const list = await readSide.driveEnrolments(req.params.id, { after, limit, keep: (row) => scope.covers(row.unit) });
    if (list === undefined) throw notFound(req.params.id);
    res.set('Cache-Control', 'no-store');
    const { position, rows, next } = list;
    await sendJson(req, res, { position, enrolments: await opened(rows, vault), ...(next === undefined ? {} : { next }) });
  });
  return router;
}
