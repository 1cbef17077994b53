import { Router, type Response } from 'express';
import { actorOf } from '../http/locals';
import { ReadScope } from './ReadScope';
import type { ReadSide } from '@tayari/projections/ReadSide';
import { HttpProblem, problem } from '../http/Problem';
import { sendJson } from '../http/sendJson';
import { awaitPosition, requirePosition } from './awaitPosition';
import { parseQuery } from './parseQuery';
import { compactFilter } from '@tayari/projections/boards/BoardFilterSchema';
import {
  AttentionQuery,
  BoardQuery,
  HISTORY_DEFAULT_LIMIT,
  HistoryQuery,
  PlainQuery,
  PostsBoardQuery,
  ProgrammeHistoryQuery,
  WingBoardQuery,
  ProgrammeListQuery,
  ReadinessQuery,
} from './querySchemas';

export interface ReadRouterOptions {
  readSide: ReadSide;
  /** How long `?minPosition` waits before 504. Default 5000 ms (SPEC). */
  minPositionTimeoutMs?: number;
}

const notFound = (rule: string, detail: string) => new HttpProblem(problem(404, rule, detail));

function found<T>(value: T | undefined, rule: string, detail: string): T {
  if (value === undefined) throw notFound(rule, detail);
  return value;
}

/**
 * Every GET of SPEC.md "Reads" but health, mounted under /api after authentication. Each answers
 * `position`; `?minPosition` waits first, so that a programme created just before is found.
 */
export function createReadRouter(options: ReadRouterOptions): Router {
  const { readSide } = options;
  const timeoutMs = options.minPositionTimeoutMs ?? 5000;
  const router = Router();
  const scopeOf = (res: Response) => new ReadScope(actorOf(res), readSide);

  router.get('/wings', async (req, res) => {
    const query = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, query.minPosition, timeoutMs);
    await sendJson(req, res, await readSide.wings());
  });

  router.get('/units', async (req, res) => {
    const query = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, query.minPosition, timeoutMs);
    await sendJson(req, res, await readSide.units());
  });

  router.get('/programmes', async (req, res) => {
    const { minPosition, unit, ...filter } = parseQuery(req, ProgrammeListQuery);
    const scoped = scopeOf(res).unit(unit);
    await awaitPosition(readSide, minPosition, timeoutMs);
    await sendJson(req, res, await readSide.programmes({ ...filter, ...(scoped === undefined ? {} : { unit: scoped }) }));
  });

  router.get('/programmes/:id', async (req, res) => {
    const query = parseQuery(req, PlainQuery);
    await awaitPosition(readSide, query.minPosition, timeoutMs);
    const id = req.params.id;
    const programme = found(await readSide.programme(id), 'programme-not-found', `programme ${id} does not exist`);
    scopeOf(res).require(programme.unit, `programme ${id}`);
    const etag = `"${programme.version}"`;
    res.set('ETag', etag);
    if (matches(req.get('If-None-Match'), etag)) {
      res.status(304).end();
      return;
    }
    await sendJson(req, res, programme);
  });

  router.get('/programmes/:id/history', async (req, res) => {
    const query = parseQuery(req, ProgrammeHistoryQuery);
    const after = query.after === undefined ? undefined : requirePosition(readSide, 'after', query.after);
    const before = query.before === undefined ? undefined : requirePosition(readSide, 'before', query.before);
    await awaitPosition(readSide, query.minPosition, timeoutMs);
    const id = req.params.id;
    scopeOf(res).require((await readSide.programme(id))?.unit, `programme ${id}`);
    const limit = query.limit ?? HISTORY_DEFAULT_LIMIT;
    // Past SPEC: newest first, so a phone opens on the latest page without reading the rest.
    const page = await readSide.history(id, query.order === 'desc' ? { newestFirst: true, before } : { after }, limit);
    await sendJson(req, res, found(page, 'programme-not-found', `programme ${id} does not exist`));
  });

  router.get('/boards/programme/:id', async (req, res) => {
    const { minPosition, perColumn, ...filter } = parseQuery(req, BoardQuery);
    await awaitPosition(readSide, minPosition, timeoutMs);
    const id = req.params.id;
    const narrowed = compactFilter(filter);
    const read = perColumn === undefined ? readSide.programmeBoard(id, narrowed) : readSide.programmePreview(id, narrowed, perColumn);
    const board = found(await read, 'programme-not-found', `programme ${id} does not exist`);
    scopeOf(res).require(board.programme.unit, `programme ${id}`);
    await sendJson(req, res, board);
  });

  router.get('/boards/readiness', async (req, res) => {
    const { minPosition, ...filter } = parseQuery(req, ReadinessQuery);
    const unit = scopeOf(res).unit(filter.unit);
    await awaitPosition(readSide, minPosition, timeoutMs);
    await sendJson(req, res, await readSide.readinessBoard(compactFilter({ ...filter, unit })));
  });

  router.get('/boards/attention', async (req, res) => {
    const { minPosition, ...filter } = parseQuery(req, AttentionQuery);
    const unit = scopeOf(res).unit(filter.unit);
    await awaitPosition(readSide, minPosition, timeoutMs);
    await sendJson(req, res, await readSide.attentionBoard(compactFilter({ ...filter, unit })));
  });

  router.get('/boards/wing/:wing', async (req, res) => {
    const { minPosition, ...filter } = parseQuery(req, WingBoardQuery);
    // A person acting for a district sees the wing's work in that district (and the units under it).
    const unit = scopeOf(res).unit(filter.unit);
    await awaitPosition(readSide, minPosition, timeoutMs);
    const code = req.params.wing;
    await sendJson(
      req,
      res,
      found(await readSide.wingBoard(code, compactFilter({ ...filter, unit })), 'wing-not-found', `wing ${code} is not in the catalogue`),
    );
  });

  router.get('/boards/posts', async (req, res) => {
    const { minPosition, ...filter } = parseQuery(req, PostsBoardQuery);
    const unit = scopeOf(res).unit(filter.unit);
    await awaitPosition(readSide, minPosition, timeoutMs);
    await sendJson(req, res, await readSide.postsBoard(compactFilter({ ...filter, unit })));
  });

  router.get('/posts/:id/history', async (req, res) => {
    const query = parseQuery(req, HistoryQuery);
    const after = query.after === undefined ? undefined : requirePosition(readSide, 'after', query.after);
    await awaitPosition(readSide, query.minPosition, timeoutMs);
    const id = req.params.id;
    const page = found(await readSide.postHistory(id, after, query.limit ?? HISTORY_DEFAULT_LIMIT), 'post-not-found', `post ${id} does not exist`);
    scopeOf(res).require(readSide.postUnit(id), `post ${id}`);
    await sendJson(req, res, page);
  });

  return router;
}

/** If-None-Match: `*` or a list of (weak or strong) tags. */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
