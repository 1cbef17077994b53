import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireDataLock } from './dataLock';

describe('acquireDataLock', () => {
  let folder: string;
  let lockFile: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-lock-'));
    lockFile = path.join(folder, '.lock');
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('writes our pid, and removes the file on release', () => {
    const release = acquireDataLock(lockFile);
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
    release();
  });

  it('refuses while a live process holds it, naming that process', () => {
    const release = acquireDataLock(lockFile, 'the data folder');
    try {
      expect(() => acquireDataLock(lockFile, 'the data folder')).toThrow(`the data folder is in use by process ${process.pid}`);
    } finally {
      release();
    }
  });

  it('refuses a lock of another live process', () => {
    // The parent of this process is alive and is not us.
    fs.writeFileSync(lockFile, `${process.ppid}\n`);
    expect(() => acquireDataLock(lockFile)).toThrow(`is in use by process ${process.ppid}`);
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.ppid));
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(child.stdout.toString());
    fs.writeFileSync(lockFile, `${deadPid}\n`);
    const release = acquireDataLock(lockFile);
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('takes over an old empty lock (its writer died before writing its pid)', () => {
    fs.writeFileSync(lockFile, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile, old, old);
    const release = acquireDataLock(lockFile);
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('does not remove a lock that another process took after us', () => {
    const release = acquireDataLock(lockFile);
    fs.writeFileSync(lockFile, `${process.ppid}\n`);
    release();
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.ppid));
  });
});
