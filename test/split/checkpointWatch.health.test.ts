import express from 'express';
import request from 'supertest';
import { MongoServerError } from 'mongodb';
import { apiHealthRouter } from '@tayari/app/split/apiHealthRouter';
import { CheckpointWatch } from '@tayari/app/split/CheckpointWatch';
import { liveHealthRouter } from '@tayari/app/split/liveHealthRouter';

/**
 * Health says when the process does not learn of the projector's commits: while the checkpoints'
 * change stream is being re-opened (dropped, refused token, server gone), the API's and the live
 * gateway's `/api/health` answer 503 naming it, instead of 200 over boards that have gone stale.
 */
const readSide = {
  readStoreKind: 'mongodb',
  projections: async () => ({ programmes: { position: '5' } }),
  healthy: () => true,
  position: () => '5',
};
const events = { kind: 'eventstoredb', headPosition: async () => '5' };

function apps(watch: CheckpointWatch) {
  const live = express().use('/api', liveHealthRouter({ readSide, connections: () => 2, timeoutMs: 1000, checkpointWatch: watch }));
  const api = express().use('/api', apiHealthRouter({ events, readSide, zeroPosition: '0', timeoutMs: 1000, checkpointWatch: watch }));
  return [live, api];
}

describe('checkpoint change stream state in /api/health', () => {
  test('starting, then watching: 200 with the state', async () => {
    const watch = new CheckpointWatch();
    expect(watch.status()).toEqual({ state: 'starting' });
    watch.onState('watching');
    for (const app of apps(watch)) {
      const res = await request(app).get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', checkpointWatch: { state: 'watching' } });
    }
  });

  test('retrying: 503 degraded, naming the failure; watching again: 200', async () => {
    const watch = new CheckpointWatch();
    watch.onState('watching');
    watch.onRetry({ attempt: 2, delayMs: 200, error: new MongoServerError({ message: 'the resume token was not found', code: 286 }) });
    watch.onState('retrying');
    for (const app of apps(watch)) {
      const res = await request(app).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('degraded');
      expect(res.body.checkpointWatch).toMatchObject({ state: 'retrying', attempt: 2 });
      expect(res.body.unavailable).toEqual([
        { store: 'mongodb', error: 'the checkpoint change stream is being re-opened (attempt 2): MongoServerError: the resume token was not found' },
      ]);
    }
    watch.onState('watching');
    for (const app of apps(watch)) expect((await request(app).get('/api/health')).status).toBe(200);
  });

  test('without a watch (embedded stores) nothing is said about it', async () => {
    const app = express().use('/api', liveHealthRouter({ readSide, connections: () => 0, timeoutMs: 1000 }));
    const res = await request(app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.checkpointWatch).toBeUndefined();
  });
});
