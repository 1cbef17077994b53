import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Clock } from '@tayari/shared/common/clock';
import { IdSchema, type IdGenerator } from '@tayari/shared/common/ids';
import type { IdempotencyStore } from '@tayari/shared/eventstore/EventStore';
import { requireRole } from '../auth/policy';
import type { CommandBus, CommandAnswer, Outcome } from '../commands/CommandBus';
import type { CommandRoute } from '../commands/CommandRoute';
import type { KeyedLock } from './KeyedLock';
import { actorOf, requestIdOf } from './locals';
import { parseIdempotencyKey, parseIfMatch } from './preconditions';
import { HttpProblem, problem } from './Problem';
import { stableJson } from './stableJson';

const DAY_MS = 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface CommandHandlerDeps {
  bus: CommandBus;
  idempotency: IdempotencyStore;
  clock: Clock;
  ids: IdGenerator;
  lock: KeyedLock;
  observe?: CommandObserver;
}

/** Told of every command's outcome (status) and duration, for metrics. */
export type CommandObserver = (command: string, status: number, seconds: number) => void;

/** The HTTP side of one command: permission, preconditions, idempotency, then the command bus. */
export function commandHandler(route: CommandRoute, deps: CommandHandlerDeps): RequestHandler {
  return async (req, res) => {
    if (deps.observe) {
      const started = process.hrtime.bigint();
      res.on('finish', () => deps.observe?.(route.name, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    }
    const actor = actorOf(res);
    requireRole(actor, route.permission);
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.params as Record<string, string>)) {
      // An id that could never have been created names nothing.
      if (!IdSchema.safeParse(value).success) throw new HttpProblem(problem(404, 'not-found', `no ${name} ${value}`));
      params[name] = value;
    }
    const rawBody: unknown = req.body ?? {};
    const key = parseIdempotencyKey(req.get('Idempotency-Key'));
    const ifMatch = parseIfMatch(req.get('If-Match'));
    const correlationId = req.get('X-Correlation-Id')?.slice(0, 200) || requestIdOf(res);

    const send = (status: number, body: CommandAnswer, replayed: boolean) => {
      res.status(status).set('ETag', `"${body.version}"`);
      if (replayed) res.set('Idempotent-Replayed', 'true');
      res.json(body);
    };

    const execute = async (idempotency?: { scoped: string; requestHash: string }): Promise<Outcome> => {
      const commandId = idempotency ? `idem-${sha256(idempotency.scoped).slice(0, 32)}` : `cmd-${deps.ids()}`;
      // With a key, a created id derives from it: a retry racing its original names the same thing.
      const newId = idempotency ? () => sha256(`id:${idempotency.scoped}`).slice(0, 20) : deps.ids;
      const expiresAt = new Date(deps.clock.now().getTime() + DAY_MS).toISOString();
      return route.run({
        params,
        body: rawBody,
        actor,
        newId,
        bus: deps.bus,
        envelope: {
          ifMatch,
          meta: { actor, commandId, idempotencyKey: key, correlationId },
          idempotency: idempotency && { key: idempotency.scoped, requestHash: idempotency.requestHash, expiresAt },
        },
      });
    };

    if (key === undefined) {
      const outcome = await execute();
      return send(outcome.status, outcome.body, false);
    }
    const scoped = `${actor.sub}:${key}`;
    const requestHash = sha256(`${route.name}\n${stableJson(params)}\n${stableJson(rawBody)}`);
    await deps.lock.run(scoped, async () => {
      const previous = await deps.idempotency.get(scoped, deps.clock.now());
      if (previous) {
        if (previous.requestHash !== requestHash) {
          throw new HttpProblem(problem(422, 'idempotency-key-reused', 'this Idempotency-Key was used with another request'));
        }
        return send(previous.status, previous.body as CommandAnswer, true);
      }
      const outcome = await execute({ scoped, requestHash });
      if (!outcome.appended) {
        // Nothing was appended, so nothing stored the answer with the events: keep it now.
        await deps.idempotency.put({ key: scoped, requestHash, status: outcome.status, body: outcome.body, expiresAt: new Date(deps.clock.now().getTime() + DAY_MS).toISOString() });
      }
      send(outcome.status, outcome.body, false);
    });
  };
}
