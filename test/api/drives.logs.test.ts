import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari } from '@tayari/app/createTayari';
import { createLogger } from '@tayari/app/logger';
import { ManualClock } from '@tayari/shared/common/clock';
import { people, T0, TEST_SECRET } from '../support/apiHarness';

/** Names and phones never reach a log line, at the most talkative level, whatever the answer. */
test('enrolling (accepted, refused, malformed), listing and forgetting log no name and no phone', async () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'tayari-logs-'));
  const config = configFromEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    TAYARI_DATA: dataDir,
    TAYARI_DEMO: '0',
    TAYARI_JWT_SECRET: TEST_SECRET,
    TAYARI_RATE_LIMIT: '0',
  });
  let tayari: Tayari | undefined;
  try {
    tayari = await createTayari({ config, clock: new ManualClock(T0), logger: createLogger({ level: 'trace', destination }) });
    const { url } = tayari;
    const token = await tayari.verifier.issue(people.incharge, 3600);
    const post = (path: string, body: object) => request(url).post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body);
    const window = { startsAt: '2018-06-01T00:00:00Z', endsAt: '2018-07-01T00:00:00Z' };
    expect((await post('/drives', { id: 'dl', title: 'Logs', ...window, targets: { 'cg-bastar': 5 } })).status).toBe(201);
    const worker = { unit: 'cg-bastar', name: 'Kamla Markam', phone: '9812377777', consent: true };
    expect((await post('/drives/dl/enrolments', { id: 'w', ...worker })).status).toBe(201);
    expect((await post('/drives/dl/enrolments', { id: 'w2', ...worker })).status).toBe(409);
    expect((await post('/drives/dl/enrolments', { ...worker, consent: false })).status).toBe(400);
    expect((await post('/drives/dl/enrolments', { ...worker, name: 'Kamla Markam'.repeat(20) })).status).toBe(400);
    expect((await request(url).get('/api/drives/dl/enrolments').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await post('/drives/dl/enrolments/w/forget', { reason: 'asked' })).status).toBe(200);
  } finally {
    await tayari?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const log = lines.join('');
  expect(log.length).toBeGreaterThan(0);
  for (const text of ['Kamla', 'Markam', '9812377777', '98123 77777']) expect(log).not.toContain(text);
});
