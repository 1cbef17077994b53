import { Router } from 'express';
import type { ReadSide } from '@tayari/projections/ReadSide';
import { directoryEntry } from '@tayari/projections/boards/directory';
import { actorOf } from '../http/locals';
import { sendJson } from '../http/sendJson';
import { awaitPosition } from './awaitPosition';
import { parseQuery } from './parseQuery';
import { PeopleQuery, PlainQuery } from './querySchemas';
import { ReadScope } from './ReadScope';
import { byUrgency } from '@tayari/projections/boards/mineBoard';

export interface PeopleRouterOptions {
  readSide: ReadSide;
  clock: { now(): Date };
  minPositionTimeoutMs?: number;
}

/** GET /api/people (the directory), GET /api/me and GET /api/boards/mine (SPEC v2 "people and access"), after authentication. */
export function createPeopleRouter(options: PeopleRouterOptions): Router {
  const { readSide } = options;
  const timeoutMs = options.minPositionTimeoutMs ?? 5000;
  const router = Router();

  router.get('/people', async (req, res) => {
    const { minPosition, ...filter } = parseQuery(req, PeopleQuery);
    // A person acting for a unit sees the people of that unit and those under it.
    const unit = new ReadScope(actorOf(res), readSide).unit(filter.unit);
    await awaitPosition(readSide, minPosition, timeoutMs);
    // Phones are personal data: only in-charges see them (and search by them).
    await sendJson(req, res, await readSide.people({ ...filter, unit }, actorOf(res).role === 'incharge'));
  });

  router.get('/me', async (req, res) => {
    const { minPosition } = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, minPosition, timeoutMs);
    const actor = actorOf(res);
    const row = readSide.person(actor.sub);
    const mine = await readSide.mineBoard(actor.sub);
    // A token signed by other means (an integration) speaks for someone the directory may not know.
    const person = row
      ? { ...directoryEntry(row, true, options.clock.now()), known: true }
      : { id: actor.sub, name: actor.name, role: actor.role, ...(actor.wing === undefined ? {} : { wing: actor.wing }), known: false };
    // Their open tasks: the mine board's without the done ones, as a list, the most urgent first.
    const tasks = byUrgency(Object.values(mine.tasks)).filter((task) => task.status !== 'done');
    await sendJson(req, res, { position: mine.position, person, tasks });
  });

  router.get('/boards/mine', async (req, res) => {
    const { minPosition } = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, minPosition, timeoutMs);
    await sendJson(req, res, await readSide.mineBoard(actorOf(res).sub));
  });
  return router;
}
