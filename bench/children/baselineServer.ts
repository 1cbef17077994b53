import type { AddressInfo } from 'node:net';
import express from 'express';
import { z } from 'zod';
import { serveParent } from '../support/serveParent';

export type BaselineRequest = { type: 'start' };
export type BaselineReply = { type: 'listening'; url: string };

/** The same body rules as POST /api/tasks/{id}/status, written out here so that the baseline stands alone. */
const StatusBody = z
  .strictObject({
    status: z.enum(['todo', 'in_progress', 'blocked', 'done']),
    reason: z.string().trim().min(1).max(500).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'blocked' && v.reason === undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a blocked task needs a reason' });
    if (v.status !== 'blocked' && v.reason !== undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only a blocked task takes a reason' });
  });
const IdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

/**
 * The commands baseline: a bare express 5 + zod POST endpoint with the same path and body, answering
 * the same shape, without authentication, storage or events: what the framework alone costs.
 */
serveParent<BaselineRequest, BaselineReply>(async (_request, reply) => {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '64kb' }));
  let position = 0;
  app.post('/api/tasks/:id/status', (req, res) => {
    const id = IdParam.safeParse(req.params.id);
    const body = StatusBody.safeParse(req.body);
    if (!id.success || !body.success) {
      res.status(400).json({ type: 'about:blank', title: 'Bad Request', status: 400 });
      return;
    }
    position++;
    res
      .status(200)
      .set('ETag', `"${position}"`)
      .json({ id: id.data, version: position, position: String(position) });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  reply({ type: 'listening', url: `http://127.0.0.1:${port}` });
});
