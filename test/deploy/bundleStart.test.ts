import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What `npm start` runs is the bundle (services/app/bundle.js), not the compiled modules the other
 * tests load: it must start on an empty folder, load the demo through its writer worker (a file of its
 * own beside the bundle), serve the page, and answer the demo's links.
 */
const BUNDLE = join(__dirname, '..', '..', 'services', 'app', 'dist', 'bundle', 'main.js');

let child: ChildProcess | undefined;
let dataDir: string;
let output = '';

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: build first (npm run build)`);
  dataDir = mkdtempSync(join(tmpdir(), 'tayari-bundle-'));
  child = spawn(process.execPath, [BUNDLE], {
    // As on a fresh machine: no secret given, so one is made and the demo's links are printed.
    env: { PATH: process.env.PATH, TAYARI_DATA: dataDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const deadline = Date.now() + 20_000;
  while (!/Tayari is listening on http:\/\/\S+/.test(output) || !/observer.*#invite=/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the bundle did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const urlOf = () => /Tayari is listening on (http:\/\/\S+)/.exec(output)?.[1]?.replace('localhost', '127.0.0.1') ?? '';

test('starts on an empty folder, loads the demo, and answers health, the page and a demo link', async () => {
  const url = urlOf();
  const health = await fetch(`${url}/api/health`);
  expect(health.status).toBe(200);
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<html/i);
  expect((await fetch(`${url}/app.js`)).status).toBe(200);
  // The demo prints one-time invitations of its people: redeem the observer's, as the page would.
  const code = /observer.*#invite=([A-Za-z0-9._-]+)/.exec(output)?.[1];
  expect(code).toBeDefined();
  const redeemed = await fetch(`${url}/api/auth/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(redeemed.status).toBe(200);
  const { token } = (await redeemed.json()) as { token: string };
  const readiness = await fetch(`${url}/api/boards/readiness`, { headers: { authorization: `Bearer ${token}` } });
  expect(readiness.status).toBe(200);
  const { programmes } = (await readiness.json()) as { programmes: Record<string, unknown> };
  expect(Object.keys(programmes).length).toBeGreaterThan(0);
});
