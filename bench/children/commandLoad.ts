import autocannon from 'autocannon';
import { nth } from '@tayari/shared/testing/nth';
import type { TrackedTask } from '../generate/TaskTracker';
import { nextStatus } from '../generate/nextStatus';
import { serveParent } from '../support/serveParent';

export type CommandLoadRequest =
  /** The tasks to move, in turn; kept across runs so that each command is a legal change. */
  | { type: 'tasks'; tasks: TrackedTask[] }
  /** `tokens`: taken in turn, one per request (commands come from many people); none for the baseline. */
  | { type: 'run'; url: string; tokens: string[]; connections: number; seconds: number };

export interface LoadFigures {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export type CommandLoadReply = { type: 'ready' } | { type: 'done'; figures: LoadFigures };

let tasks: TrackedTask[] = [];
let turn = 0;

/**
 * autocannon in its own process: POST /api/tasks/{id}/status with the next status of the next task
 * in turn. With 1,000 tasks and 50 connections a task is asked again only ~1,000 requests later, long
 * after its previous change was answered, so every request appends exactly one event.
 */
serveParent<CommandLoadRequest, CommandLoadReply>(async (request, reply) => {
  if (request.type === 'tasks') {
    tasks = request.tasks.map((t) => ({ ...t }));
    turn = 0;
    return reply({ type: 'ready' });
  }
  if (tasks.length === 0) throw new Error('send the tasks first');
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.seconds,
    timeout: 10,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const task = nth(tasks, turn++ % tasks.length);
          task.status = nextStatus(task.status);
          const token = request.tokens.length > 0 ? request.tokens[turn % request.tokens.length] : undefined;
          // Without a token the request keeps autocannon's headers as they are.
          const auth = token ? { headers: { ...req.headers, authorization: `Bearer ${token}` } } : {};
          return { ...req, ...auth, path: `/api/tasks/${task.taskId}/status`, body: JSON.stringify({ status: task.status }) };
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  reply({
    type: 'done',
    figures: {
      rps: result['2xx'] / result.duration,
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      requests: result['2xx'] + result.non2xx,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
    },
  });
});
