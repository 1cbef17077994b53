import express from 'express';
import request from 'supertest';
import { errorHandler } from './errorHandler';
import { methodNotAllowed } from './methodNotAllowed';

describe('methodNotAllowed', () => {
  const app = express();
  app.get('/programmes/:id', (_req, res) => res.json({ ok: true }));
  app.post('/tasks/:taskId/status', (_req, res) => res.json({ ok: true }));
  app.use(
    methodNotAllowed([
      { method: 'GET', path: '/programmes/{id}' },
      { method: 'POST', path: '/tasks/:taskId/status' },
      { method: 'POST', path: '/programmes/:programmeId/responsibilities' },
    ]),
  );
  app.use((_req, res) => res.status(404).send('nothing here'));
  app.use(errorHandler(() => undefined));

  it.each([
    ['put', '/tasks/t1/status', 'POST'],
    ['get', '/tasks/t1/status', 'POST'],
    ['delete', '/programmes/p1', 'GET, HEAD'],
    ['post', '/programmes/p1', 'GET, HEAD'],
    ['get', '/TASKS/t1/status/', 'POST'],
  ] as const)('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await request(app)[method](path);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });
  });

  it.each([
    ['get', '/nope'],
    ['get', '/tasks/t1/status/extra'],
    ['get', '/tasks//status'],
  ] as const)('leaves %s %s (no such path) to the 404', async (method, path) => {
    expect((await request(app)[method](path)).status).toBe(404);
  });

  it('lets the allowed methods through', async () => {
    expect((await request(app).get('/programmes/p1')).status).toBe(200);
    expect((await request(app).head('/programmes/p1')).status).toBe(200);
    expect((await request(app).post('/tasks/t1/status')).status).toBe(200);
  });
});
