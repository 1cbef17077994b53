import type { RequestHandler } from 'express';
import type { Application } from '@tayari/shared/application/Application';
import type { CommandDefinition } from '@tayari/shared/application/CommandDefinition';
import { actorOf, originOf, requestIdOf } from './locals';
import { parseIdempotencyKey, parseIfMatch } from './preconditions';

/** Told of every command's outcome (status) and duration, for metrics. */
export type CommandObserver = (command: string, status: number, seconds: number) => void;

/** The HTTP side of one command: its headers and path in, the application's answer out (ETag, replay flag). */
export function commandHandler(command: CommandDefinition, app: Application, observe?: CommandObserver): RequestHandler {
  return async (req, res) => {
    if (observe) {
      const started = process.hrtime.bigint();
      res.on('finish', () => observe(command.name, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    }
    const handled = await app.handle(
      { name: command.name, params: { ...(req.params as Record<string, string>) }, body: req.body ?? {} },
      {
        actor: actorOf(res),
        ifMatch: parseIfMatch(req.get('If-Match')),
        idempotencyKey: parseIdempotencyKey(req.get('Idempotency-Key')),
        correlationId: req.get('X-Correlation-Id')?.slice(0, 200) || requestIdOf(res),
        origin: originOf(req),
      },
    );
    res.status(handled.status).set('ETag', `"${handled.answer.version}"`);
    if (handled.replayed) res.set('Idempotent-Replayed', 'true');
    res.json({ ...handled.answer, ...handled.revealed });
  };
}
