import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './freePort';
import { rssKb } from './rssKb';
import { waitForHealth } from './waitForHealth';

export interface ServiceOptions {
  dataDir: string;
  secret: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** How long to wait for the first 200 on /api/health. */
  timeoutMs?: number;
}

export interface RunningService {
  url: string;
  pid: number;
  /** From spawn to the first 200 on /api/health (ms). */
  startMs: number;
  rssKb(): number;
  /** SIGTERM (so that a --cpu-prof profile is written), then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** The real service (`npm start`'s bundle, services/app/dist/bundle/main.js) in its own process, on 127.0.0.1. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), require.resolve('@tayari/app/bundle/main')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TAYARI_DATA: options.dataDir,
      TAYARI_JWT_SECRET: options.secret,
      TAYARI_RATE_LIMIT: '0',
      TAYARI_DEMO: '0',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = keepTail(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ready: number;
  try {
    ready = await Promise.race([
      waitForHealth(url, options.timeoutMs ?? 60_000),
      exited.then((code) => {
        throw new Error(`the service exited with ${code} before it was healthy`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- service output ---\n${output()}`);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('the service has no pid');
  return {
    url,
    pid,
    startMs: ready - started,
    rssKb: () => rssKb(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Drains the service's output (a full pipe would stall it) and keeps the last lines for errors. */
function keepTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}
