import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari } from '@tayari/app/createTayari';
import { createLogger } from '@tayari/app/logger';
import { TEST_SECRET } from '../support/apiHarness';
import { alteredSecret } from '../support/alteredSecret';

/** Invitation codes, refresh tokens and access tokens never reach a log line, at the most verbose level. */

let tayari: Tayari;
let dataDir: string;
let logged = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tayari-logs-'));
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString('utf8');
      done();
    },
  });
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', TAYARI_DATA: dataDir, TAYARI_DEMO: '0', TAYARI_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'trace' });
  tayari = await createTayari({ config, logger: createLogger({ level: 'trace', destination }) });
});
afterAll(async () => {
  await tayari.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('sign-in, refresh, failures and sign-out log paths and statuses, never a secret', async () => {
  const incharge = await tayari.verifier.issue({ sub: 'u-in', name: 'In-charge', role: 'incharge' }, 600);
  const api = request(tayari.url);
  await api.post('/api/people').set('Authorization', `Bearer ${incharge}`).send({ id: 'p1', name: 'P', role: 'observer' }).expect(201);
  const invited = await api.post('/api/people/p1/invite').set('Authorization', `Bearer ${incharge}`).send({}).expect(201);
  const { code } = invited.body as { code: string };
  const session = (await api.post('/api/auth/redeem').send({ code }).expect(200)).body as { token: string; refreshToken: string };
  await api.post('/api/auth/redeem').send({ code }).expect(410);
  const next = (await api.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200)).body as { token: string; refreshToken: string };
  await api
    .post('/api/auth/refresh')
    .send({ refreshToken: alteredSecret(next.refreshToken) })
    .expect(401);
  await api.get('/api/me').set('Authorization', `Bearer ${next.token}`).expect(200);
  await api.post('/api/auth/sign-out').send({ refreshToken: next.refreshToken }).expect(204);

  expect(logged).toContain('/api/auth/redeem');
  const secrets = [code, code.split('.')[1] ?? '', session.token, session.refreshToken, next.token, next.refreshToken, incharge];
  for (const secret of secrets) expect(secret.length).toBeGreaterThan(10);
  for (const secret of secrets) expect(logged).not.toContain(secret);
});
