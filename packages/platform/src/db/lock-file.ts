// One process per embedded data dir: PGlite has no lock of its own, and two processes on one
// dir silently lose writes. The lock file names its holder; a lock whose process is gone (killed,
// crashed) is taken over, so it never blocks the next start.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

export interface Holder {
  pid: number;
  hostname: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/**
 * Who holds the data dir's lock, if anyone does: the app runs on it. A lock left by a process of
 * this machine that is gone does not count; one written on another host does (it cannot be told).
 */
export function dataDirHolder(dataDir: string): Holder | undefined {
  const holder = readHolder(join(dataDir, 'db.lock'));
  if (!holder || holder.pid === process.pid) return undefined;
  if (holder.hostname !== hostname()) return holder;
  return isAlive(holder.pid) ? holder : undefined;
}

export interface DirLock {
  release(): void;
}

export function lockDataDir(dataDir: string, log: { warn(obj: object, msg: string): void }): DirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'db.lock');
  const me: Holder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path);
      };
      process.once('exit', release);
      return {
        release() {
          process.removeListener('exit', release);
          release();
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(path);
    const stale =
      holder && holder.hostname === me.hostname && holder.pid !== process.pid && !isAlive(holder.pid);
    if (!stale) {
      const who = holder
        ? `process ${holder.pid} on ${holder.hostname} (started ${holder.startedAt})`
        : 'another process (unreadable lock file)';
      throw new DataDirLockedError(
        `Data dir ${dataDir} is in use by ${who}. Stop it first, or set DATA_DIR to another folder. ` +
          `If no such process runs, delete ${path}.`,
      );
    }
    log.warn({ path, stalePid: holder.pid }, 'taking over a lock left by a process that no longer runs');
    try {
      unlinkSync(path);
    } catch {
      // another starter removed it first; the next attempt decides who wins
    }
  }
  throw new DataDirLockedError(`Could not lock data dir ${dataDir}: another process is starting on it.`);
}
