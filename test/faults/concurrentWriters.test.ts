import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { people } from '../support/apiHarness';
import { recordFigures } from './support/figures';

/**
 * Two processes on one data folder: the data lock (shared/eventstore/sqlite/dataLock.ts) makes the
 * second refuse to start, exiting non-zero with a message naming the folder and the first one's pid,
 * while the first keeps serving. Runs the compiled service (`node services/app/dist/main.js`, as
 * `npm start` does): build first (`npm run build`, or `npx tsc --build tsconfig.json`).
 */

// What `npm start` runs: the bundle (services/app/bundle.js).
const MAIN = join(__dirname, '..', '..', 'services', 'app', 'dist', 'bundle', 'main.js');
const SECRET = 'tayari-faults-lock-secret-0123456789abcdef';
const START_TIMEOUT_MS = 20_000;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
let dataDir: string;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build)`);
  dataDir = mkdtempSync(join(tmpdir(), 'tayari-lock-'));
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `node main.js` on the data folder; resolves with its URL once it listens, or with its exit. */
function launch(): { child: ChildProcess; ready: Promise<Running | { exit: { code: number | null; signal: NodeJS.Signals | null }; output: string }> } {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, TAYARI_DATA: dataDir, PORT: '0', HOST: '127.0.0.1', TAYARI_DEMO: '0', TAYARI_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<Running | { exit: { code: number | null; signal: NodeJS.Signals | null }; output: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`neither listening nor exited within ${START_TIMEOUT_MS} ms: ${output}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const url = /Tayari is listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({ child, url, output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    void exited.then((exit) => {
      clearTimeout(timer);
      // Let the last output arrive (the pipes close with the process).
      setImmediate(() => resolve({ exit, output }));
    });
  });
  return { child, ready };
}

async function started(): Promise<Running> {
  const result = await launch().ready;
  if (!('url' in result)) throw new Error(`the service did not start (exit ${JSON.stringify(result.exit)}): ${result.output}`);
  return result;
}

async function refused(): Promise<{ code: number | null; output: string; ms: number }> {
  const began = Date.now();
  const result = await launch().ready;
  if ('url' in result) throw new Error(`a second service started on the same data folder, at ${result.url}`);
  return { code: result.exit.code, output: result.output, ms: Date.now() - began };
}

const verifier = new TokenVerifier(SECRET);
const call = async (url: string, method: 'GET' | 'POST', path: string, body?: object) => {
  const token = await verifier.issue(people.incharge, 600);
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

test('a second process on the same data folder exits non-zero naming the folder and the pid; the first keeps serving', async () => {
  const first = await started();
  expect((await call(first.url, 'POST', '/api/tours', { id: 'lock-tour', title: 'Lock tour', leader: 'Leader' })).status).toBe(201);

  const second = await refused();
  expect(second.code).not.toBe(0);
  expect(second.code).not.toBeNull();
  expect(second.output).toContain(dataDir);
  expect(second.output).toContain(`is in use by process ${first.child.pid}`);
  expect(second.output).not.toMatch(/listening/);

  // The first one is unharmed: it reads and writes as before.
  expect((await call(first.url, 'GET', '/api/health')).status).toBe(200);
  expect(
    (
      await call(first.url, 'POST', '/api/tours/lock-tour/stops', {
        stopId: 's',
        place: 'Raipur',
        district: 'Raipur',
        venue: 'Ground',
        startsAt: '2030-01-01T10:00:00+05:30',
        endsAt: '2030-01-01T12:00:00+05:30',
      })
    ).status,
  ).toBe(201);
  expect((await call(first.url, 'GET', '/api/programmes/lock-tour?minPosition=2')).body).toMatchObject({ id: 'lock-tour', version: 2 });

  // Stopped cleanly, it releases the folder: the next one starts and finds the data.
  first.child.kill('SIGTERM');
  expect(await first.exited).toEqual({ code: 0, signal: null });
  const third = await started();
  expect((await call(third.url, 'GET', '/api/programmes/lock-tour?minPosition=2')).body).toMatchObject({ id: 'lock-tour', version: 2 });

  // Killed, it leaves its lock behind: the next one sees the holder is gone and takes it over.
  third.child.kill('SIGKILL');
  expect((await third.exited).signal).toBe('SIGKILL');
  const fourth = await started();
  expect((await call(fourth.url, 'GET', '/api/health')).status).toBe(200);
  expect((await refused()).output).toContain(`is in use by process ${fourth.child.pid}`);
  fourth.child.kill('SIGTERM');
  expect((await fourth.exited).code).toBe(0);

  recordFigures('concurrent-writers', { secondExitCode: second.code, secondMessage: second.output.trim(), secondRefusedInMs: second.ms });
});
