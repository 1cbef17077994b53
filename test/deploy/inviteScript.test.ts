import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { configFromEnv } from '@tayari/app/config';
import { createTayari } from '@tayari/app/createTayari';

/**
 * `npm run invite` on a fresh embedded deployment: it adds the first in-charge and prints a link that
 * the service, started afterwards on the same folder (and so the same secret), redeems once.
 */
const SCRIPT = join(__dirname, '..', '..', 'services', 'app', 'dist', 'invite.js');
const run = promisify(execFile);

let dataDir: string;
beforeAll(() => {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: build first (npm run build)`);
  dataDir = mkdtempSync(join(tmpdir(), 'tayari-invite-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = () => ({ PATH: process.env.PATH, TAYARI_DATA: dataDir });

test('prints a one-time link for the first in-charge, which the service then redeems', async () => {
  const { stdout } = await run(
    process.execPath,
    [SCRIPT, '--name', 'मोहन मरकाम', '--role', 'incharge', '--phone', '98261 00000', '--url', 'https://tayari.example.org/'],
    {
      env: env(),
    },
  );
  const link = /https:\/\/tayari\.example\.org\/#invite=(\S+)/.exec(stdout);
  expect(link).not.toBeNull();
  const code = link?.[1] ?? '';

  const tayari = await createTayari({ config: configFromEnv({ ...env(), PORT: '0', HOST: '127.0.0.1', TAYARI_DEMO: '0' }) });
  try {
    const redeemed = await request(tayari.url).post('/api/auth/redeem').send({ code });
    expect(redeemed.status).toBe(200);
    const { token } = redeemed.body as { token: string };
    const head = (await tayari.store.headPosition()) ?? '0';
    const me = await request(tayari.url).get(`/api/me?minPosition=${head}`).set('Authorization', `Bearer ${token}`);
    expect(me.body).toMatchObject({ person: { name: 'मोहन मरकाम', role: 'incharge', phone: '+919826100000', known: true } });
    expect((await request(tayari.url).post('/api/auth/redeem').send({ code })).status).toBe(410);
  } finally {
    await tayari.close();
  }
});

test('refuses what POST /api/people would refuse, with its message', async () => {
  await expect(run(process.execPath, [SCRIPT, '--name', 'X', '--role', 'boss'], { env: env() })).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringMatching(/--role/),
  });
  await expect(run(process.execPath, [SCRIPT, '--name', 'X', '--role', 'organiser'], { env: env() })).rejects.toMatchObject({
    stderr: expect.stringMatching(/--wing/),
  });
});
