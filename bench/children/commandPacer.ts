import { Agent, request as httpRequest } from 'node:http';
import { nth } from '@tayari/shared/testing/nth';
import { nextStatus } from '../generate/nextStatus';
import type { TrackedTask } from '../generate/TaskTracker';
import { serveParent } from '../support/serveParent';
import { wallMs } from '../support/wallMs';

export type CommandPacerRequest =
  | { type: 'tasks'; tasks: TrackedTask[] }
  /** Sends `rate` commands a second for `seconds` (open loop: on schedule, whether answers came or not). */
  | { type: 'run'; url: string; tokens: string[]; rate: number; seconds: number };

/** One entry per command sent, in sending order. */
export interface PacedCommands {
  /** Index into the tasks sent with `tasks`. */
  task: Int32Array;
  sentAt: Float64Array;
  /** wallMs() when the whole answer had arrived; NaN when it failed. */
  answeredAt: Float64Array;
  /** The answer's position; NaN when it failed. */
  position: Float64Array;
  status: Int32Array;
}

export type CommandPacerReply = { type: 'ready' } | { type: 'done'; commands: PacedCommands; failures: string[] };

let tasks: TrackedTask[] = [];
let turn = 0;

/**
 * Commands at a steady rate, each changing the next task's status, recording when each was answered
 * and the position it answered: the other half of the lag measurement.
 */
serveParent<CommandPacerRequest, CommandPacerReply>(async (request, reply) => {
  if (request.type === 'tasks') {
    tasks = request.tasks.map((t) => ({ ...t }));
    turn = 0;
    return reply({ type: 'ready' });
  }
  const total = Math.round(request.rate * request.seconds);
  const commands: PacedCommands = {
    task: new Int32Array(total),
    sentAt: new Float64Array(total),
    answeredAt: new Float64Array(total).fill(Number.NaN),
    position: new Float64Array(total).fill(Number.NaN),
    status: new Int32Array(total),
  };
  const failures: string[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const target = new URL(request.url);
  let sent = 0;
  let settled = 0;
  const inFlight = new Set<number>();
  await new Promise<void>((resolve) => {
    const send = () => {
      const i = sent++;
      // The next task whose previous command was answered: two commands on one task in flight at
      // once could be decided in either order, and the second would then be refused as illegal.
      let index = turn++ % tasks.length;
      for (let tries = 0; inFlight.has(index) && tries < tasks.length; tries++) index = turn++ % tasks.length;
      inFlight.add(index);
      const task = nth(tasks, index);
      const before = task.status;
      task.status = nextStatus(before);
      const body = JSON.stringify({ status: task.status });
      commands.task[i] = index;
      commands.sentAt[i] = wallMs();
      const done = (failure?: string) => {
        inFlight.delete(index);
        if (failure && failures.length < 20) failures.push(failure);
        if (++settled === total) resolve();
      };
      const req = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: `/api/tasks/${task.taskId}/status`,
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${request.tokens[i % request.tokens.length]}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const at = wallMs();
            commands.status[i] = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200 && res.statusCode !== 201) {
              // Refused: the task kept its status, and the next command must start from it.
              task.status = before;
              return done(`command ${i} (task ${task.taskId} ${before} to ${nextStatus(before)}): ${res.statusCode} ${text.slice(0, 200)}`);
            }
            commands.answeredAt[i] = at;
            commands.position[i] = Number((JSON.parse(text) as { position: string }).position);
            done();
          });
        },
      );
      req.on('error', (error) => done(`command ${i} (task ${task.taskId}): ${error.message}`));
      req.end(body);
    };
    const started = performance.now();
    // A tick every 2 ms sends what the schedule says is due, so bursts stay small and the rate exact.
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * request.rate));
      while (sent < due) send();
      if (sent >= total) clearInterval(timer);
    }, 2);
  });
  agent.destroy();
  reply({ type: 'done', commands, failures });
});
