import type { RequestHandler } from 'express';
import type { Application } from '@tayari/shared/application/Application';
import { commandAtPath } from '@tayari/shared/application/commandAtPath';
import type { Actor } from '@tayari/shared/common/actor';
import { BatchRequestSchema, type BatchItem, type BatchResult } from '@tayari/shared/contract/batchRequest';
import { InvalidBody } from '@tayari/shared/application/InvalidBody';
import { actorOf, originOf, requestIdOf } from './locals';
import { parseIdempotencyKey, parseIfMatch } from './preconditions';
import { HttpProblem, problem } from './Problem';
import { toProblem } from './toProblem';

export const BATCH_PATH = '/commands/batch';

/**
 * POST /api/commands/batch: the commands in order, each through the same application call as its
 * own route (rules, permissions, idempotency, If-Match), each answered as it would have been alone.
 * 200 when every item succeeded, 207 otherwise. An unexpected failure of one item is reported in
 * its result and logged; the others still run. Consecutive items of a command with a `batchLane`
 * (enrolments) run side by side, one lane (a phone) in order, so that a district's burst shares its
 * commits; every other item waits for the ones before it. Within such a run the events may be
 * appended out of item order (the answers stay in order); two items of one id or idempotency key never
 * share a run.
 */
export function batchHandler(app: Application, logError: (error: unknown) => void): RequestHandler {
  return async (req, res) => {
    const parsed = BatchRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new InvalidBody(parsed.error);
    const caller = { actor: actorOf(res), correlationId: req.get('X-Correlation-Id')?.slice(0, 200) || requestIdOf(res), origin: originOf(req) };
    const items = parsed.data.commands;
    const results: BatchResult[] = [];
    let stopped = false;
    for (let i = 0; i < items.length; ) {
      const item = items[i];
      if (item === undefined) break;
      if (stopped) {
        results[i++] = { status: 424, body: problem(424, 'not-attempted', 'an earlier item with stopOnError was refused'), headers: {} };
        continue;
      }
      const run = laneRun(items, i);
      if (run.length === 0) {
        const result = await runItem(app, item, caller, logError);
        results[i++] = result;
        if (result.status >= 300 && item.stopOnError === true) stopped = true;
        continue;
      }
      i += run.length;
      const lanes = new Map<string, Promise<void>>();
      for (const { index, item: laned, lane } of run) {
        const go = async () => {
          results[index] = await runItem(app, laned, caller, logError);
        };
        lanes.set(lane, (lanes.get(lane) ?? Promise.resolve()).then(go));
      }
      await Promise.all(lanes.values());
    }
    res.status(results.every((result) => result.status < 300) ? 200 : 207).json({ results });
  };
}

/**
 * The items from `from` on that may run side by side (a lane each); an item with stopOnError runs alone.
 * The run ends at an item whose body `id` or idempotencyKey an item before it in the run has: in two
 * lanes (two phones) they would race, and SPEC's "in order" says the first one wins.
 */
function laneRun(items: readonly BatchItem[], from: number): { index: number; item: BatchItem; lane: string }[] {
  const run: { index: number; item: BatchItem; lane: string }[] = [];
  const ids = new Set<string>();
  const idempotencyKeys = new Set<string>();
  for (let index = from; index < items.length; index++) {
    const item = items[index];
    const route = item && item.stopOnError !== true && item.path.startsWith('/api/') ? commandAtPath(item.path.slice('/api'.length)) : undefined;
    const lane = route?.command.batchLane?.(route.params, item?.body);
    if (item === undefined || lane === undefined) break;
    const id = bodyId(item.body);
    if ((id !== undefined && ids.has(id)) || (item.idempotencyKey !== undefined && idempotencyKeys.has(item.idempotencyKey))) break;
    if (id !== undefined) ids.add(id);
    if (item.idempotencyKey !== undefined) idempotencyKeys.add(item.idempotencyKey);
    run.push({ index, item, lane });
  }
  return run;
}

/** The client's id of what an item creates, when its body names one. */
function bodyId(body: unknown): string | undefined {
  const id = typeof body === 'object' && body !== null && 'id' in body ? body.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

async function runItem(
  app: Application,
  item: BatchItem,
  caller: { actor: Actor; correlationId: string; origin: string },
  logError: (error: unknown) => void,
): Promise<BatchResult> {
  const { actor, correlationId, origin } = caller;
  try {
    const route = item.path.startsWith('/api/') ? commandAtPath(item.path.slice('/api'.length)) : undefined;
    if (!route) throw new HttpProblem(problem(404, 'not-found', `no command route ${item.path}`));
    const handled = await app.handle(
      { name: route.command.name, params: route.params, body: item.body ?? {} },
      { actor, ifMatch: parseIfMatch(item.ifMatch), idempotencyKey: parseIdempotencyKey(item.idempotencyKey), correlationId, origin },
    );
    return {
      status: handled.status,
      body: { ...handled.answer, ...handled.revealed },
      headers: { etag: `"${handled.answer.version}"`, ...(handled.replayed ? { idempotentReplayed: true } : {}) },
    };
  } catch (error) {
    const { problem: refused, headers, unexpected } = toProblem(error);
    if (unexpected) logError(error);
    return { status: refused.status, body: refused, headers: headers.ETag === undefined ? {} : { etag: headers.ETag } };
  }
}
