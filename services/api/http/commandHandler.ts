import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Clock } from '@tayari/shared/common/clock';
import { IdSchema, type IdGenerator } from '@tayari/shared/common/ids';
import type { KeyedLock } from '@tayari/shared/common/KeyedLock';
import type { IdempotencyStore } from '@tayari/shared/eventstore/EventStore';
import { requireRole } from '../auth/policy';
import { CommandAnswerSchema, type CommandBus, type CommandAnswer, type Outcome } from '../commands/CommandBus';
import type { CommandRoute } from '../commands/CommandRoute';
import type { CommandFacts } from '../commands/CommandFacts';
import { actorOf, requestIdOf } from './locals';
import { parseIdempotencyKey, parseIfMatch } from './preconditions';
import { HttpProblem, problem } from './Problem';
import { stableJson } from './stableJson';

const DAY_MS = 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface CommandHandlerDeps {
  bus: CommandBus;
  facts: CommandFacts;
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
    // Parsed once, before anything else reads the body: a hostile body (20,000 nested arrays) is a
    // 400 here, before stableJson below recurses into it to hash it.
    const accepted = route.accept(rawBody);
    const correlationId = req.get('X-Correlation-Id')?.slice(0, 200) || requestIdOf(res);

    /** An idempotency record lives 24 hours (SPEC). */
    const expiresAt = () => new Date(deps.clock.now().getTime() + DAY_MS).toISOString();
    const send = (status: number, body: CommandAnswer, replayed: boolean) => {
      res.status(status).set('ETag', `"${body.version}"`);
      if (replayed) res.set('Idempotent-Replayed', 'true');
      res.json(body);
    };

    const execute = async (idempotency?: { scoped: string; requestHash: string }): Promise<Outcome> => {
      // With a key, event ids and a created id derive from the key *and* the request: a retry racing
      // its original names the same things, while the key, once expired (24 h), can name a new request.
      const scopedRequest = idempotency && `${idempotency.scoped}\n${idempotency.requestHash}`;
      const commandId = scopedRequest ? `idem-${sha256(scopedRequest).slice(0, 32)}` : `cmd-${deps.ids()}`;
      const newId = scopedRequest ? () => sha256(`id:${scopedRequest}`).slice(0, 20) : deps.ids;
      return accepted({
        params,
        actor,
        newId,
        bus: deps.bus,
        facts: deps.facts,
        envelope: {
          ifMatch,
          meta: { actor, commandId, idempotencyKey: key, correlationId },
          idempotency: idempotency && { key: idempotency.scoped, requestHash: idempotency.requestHash, expiresAt: expiresAt() },
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
        // A stored record is outside data like any other: checked before it is sent again.
        return send(previous.status, CommandAnswerSchema.parse(previous.body), true);
      }
      const outcome = await execute({ scoped, requestHash });
      if (!outcome.appended) {
        // Nothing was appended, so nothing stored the answer with the events: keep it now.
        await deps.idempotency.put({ key: scoped, requestHash, status: outcome.status, body: outcome.body, expiresAt: expiresAt() });
      }
      send(outcome.status, outcome.body, false);
    });
  };
}
