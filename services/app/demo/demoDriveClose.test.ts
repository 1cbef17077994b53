import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseRecorded } from '@tayari/shared/events/StoredEvent';
import { configFromEnv } from '../config';
import { createTayari } from '../createTayari';
import { createLogger } from '../logger';

/**
 * The service closed while its demo drive is loading: the load stops first, then the stores close.
 * The next start (no demo loaded: the store is not empty) resumes the drive where it stopped.
 */
test('closing mid-load stops the drive before the stores close (no write after, no error); the next start resumes it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tayari-demo-close-'));
  let logged = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString('utf8');
      done();
    },
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const config = configFromEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      TAYARI_DATA: dataDir,
      TAYARI_JWT_SECRET: 'demo-close-test-secret-0123456789abcdef',
      LOG_LEVEL: 'info',
    });
    const start = () => createTayari({ config, logger: createLogger({ level: 'info', destination }) });
    const enrolmentIds = async (tayari: Awaited<ReturnType<typeof start>>) =>
      (await tayari.store.readAll(undefined, 1_000_000)).map(parseRecorded).flatMap((e) => (e.type === 'WorkerEnrolled' ? [e.data.enrolmentId] : []));
    const until = async (tayari: Awaited<ReturnType<typeof start>>, count: number) => {
      for (let i = 0; i < 400 && (await enrolmentIds(tayari)).length < count; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const first = await start();
    expect(first.demoCommands).toBeGreaterThan(0);
    await until(first, 300);
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logged).toContain('demo drive stopped by the close');

    const second = await start();
    try {
      expect(second.demoCommands).toBe(0);
      const atStart = (await enrolmentIds(second)).length;
      expect(atStart).toBeGreaterThanOrEqual(300);
      await until(second, atStart + 300);
      const ids = await enrolmentIds(second);
      expect(ids.length).toBeGreaterThanOrEqual(atStart + 300);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await second.close();
    }
    expect(logged).not.toContain('could not be loaded');
    expect(logged).not.toContain('"level":50');
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
