import * as fs from 'node:fs';

/** Releases a lock taken by `acquireDataLock`; safe to call more than once. */
export type ReleaseDataLock = () => void;

/**
 * Takes an exclusive lock on a data folder (or file) by creating `lockFile` with our pid, so that two
 * processes never write the same store at once. A lock left by a process that no longer runs (killed,
 * crashed) is taken over. Throws `Error("<what> is in use by process N")` when a live process holds it.
 */
export function acquireDataLock(lockFile: string, what: string = lockFile): ReleaseDataLock {
  // A few rounds: a stale lock is moved aside, then we try again to create ours.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      try {
        fs.writeSync(fd, `${process.pid}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return releaser(lockFile);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = readPid(lockFile);
    if (holder === undefined) {
      // Just created by someone who has not written its pid yet, just removed, or left empty by a
      // process that died between creating and writing it (then it is old).
      if (ageMs(lockFile) < 2000) {
        if (attempt >= 3) throw inUse(what, 'unknown');
        sleepSync(20);
        continue;
      }
    } else if (isAlive(holder)) {
      throw inUse(what, String(holder));
    }
    takeOverStale(lockFile, holder);
  }
  throw new Error(`${what}: could not take the lock ${lockFile}`);
}

function releaser(lockFile: string): ReleaseDataLock {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Remove it only while it is still ours.
    if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
}

/**
 * Moves a stale lock aside atomically (rename), so that of two processes that both found it stale only
 * one removes it; if what we moved turns out to be a fresh lock of another process, it is put back.
 */
function takeOverStale(lockFile: string, stalePid: number | undefined): void {
  const aside = `${lockFile}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = readPid(aside);
  if (moved !== undefined && moved !== stalePid && isAlive(moved)) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // Someone else holds it now; the next round reports who.
    }
  }
  fs.rmSync(aside, { force: true });
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function readPid(file: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

function inUse(what: string, pid: string): Error {
  return new Error(`${what} is in use by process ${pid}`);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
