// Backups of the embedded database: one `.tar.gz` holding manifest.json, `database.tar.gz`
// (PGlite's own dumpDataDir, taken between transactions, so consistent while the app runs) and
// `files/` (the uploads under DATA_DIR/files, taken after the dump: a file written meanwhile is
// at worst one no row names). Logs, mail and older backups stay out. Restoring loads the dump
// into a new data dir beside DATA_DIR, puts the files there, checks the database opens, then
// moves the old DATA_DIR aside and the new one in its place.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as tar from 'tar';
import type { Db } from '../db/database.ts';
import { pgliteVersion } from '../db/pglite-archive.ts';
import {
  type BackupManifest,
  MANIFEST_FORMAT,
  type MigrationState,
  manifestProblem,
  readMigrationState,
} from './manifest.ts';

export const BACKUPS_FOLDER = 'backups';
const ARCHIVE_DUMP = 'database.tar.gz';

export class BackupError extends Error {
  readonly code = 'BACKUP_FAILED';
}

/** `<app>-2026-12-01T05-30-00-123Z`: sorts by time, safe in every file system. */
export function backupStamp(app: string, at: Date): string {
  return `${app}-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/** A file name in `dir` that is not taken yet: `<stem><ext>`, else `<stem>-2<ext>`, ... */
export function freeName(dir: string, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${ext}`;
    if (!existsSync(join(dir, name))) return join(dir, name);
  }
}

export interface BackupFile {
  name: string;
  bytes: number;
  createdAt: Date;
}

const isBackupOf = (app: string, name: string) =>
  name.startsWith(`${app}-`) && (name.endsWith('.tar.gz') || name.endsWith('.dump'));

/** This app's backups in `dir`, newest first. */
export async function listBackups(dir: string, app: string): Promise<BackupFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => isBackupOf(app, n));
  const files = await Promise.all(
    names.map(async (name) => {
      const s = await stat(join(dir, name));
      return { name, bytes: s.size, createdAt: s.mtime };
    }),
  );
  return files.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** Deletes this app's backups in `dir` past the newest `keep`; answers the names deleted. */
export async function pruneBackups(dir: string, app: string, keep: number): Promise<string[]> {
  const old = (await listBackups(dir, app)).slice(keep);
  for (const file of old) await rm(join(dir, file.name), { force: true });
  return old.map((f) => f.name);
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !e.name.endsWith('.tmp')).length;
}

/**
 * Writes a backup of the open PGlite and DATA_DIR/files to `out` (written aside, then renamed:
 * a half-written backup never carries the final name). Answers its manifest.
 */
export async function writeEmbeddedBackup(opts: {
  pglite: PGlite;
  db: Db;
  app: string;
  dataDir: string;
  out: string;
  at: Date;
  reason: string;
}): Promise<BackupManifest> {
  const staging = `${opts.out}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const migrations = await readMigrationState(opts.db);
    // Inside a transaction of its own: PGlite runs one at a time, so no other is half done.
    const dump = await opts.pglite.transaction(async (tx) => {
      await tx.query('checkpoint');
      return opts.pglite.dumpDataDir('gzip');
    });
    await writeFile(join(staging, ARCHIVE_DUMP), Buffer.from(await dump.arrayBuffer()));
    const filesDir = join(opts.dataDir, 'files');
    const entries = ['manifest.json', ARCHIVE_DUMP];
    if (existsSync(filesDir)) {
      await symlink(filesDir, join(staging, 'files'), 'dir');
      entries.push('files');
    }
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      app: opts.app,
      createdAt: opts.at.toISOString(),
      database: 'pglite',
      pgliteVersion,
      migrations,
      files: await countFiles(filesDir),
      reason: opts.reason,
    };
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${opts.out}.tmp`;
    await tar.create(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        follow: true,
        portable: true,
        filter: (path) => !path.endsWith('.tmp'),
      },
      entries,
    );
    await rename(partial, opts.out);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(`${opts.out}.tmp`, { force: true });
  }
}

/** The manifest of a backup archive, read without unpacking the rest. */
export async function readBackupManifest(file: string): Promise<Partial<BackupManifest>> {
  let text: string | undefined;
  await tar.list({
    file,
    filter: (path) => path === 'manifest.json',
    onReadEntry: (entry) => {
      const parts: Buffer[] = [];
      entry.on('data', (c: Buffer) => parts.push(c));
      entry.on('end', () => {
        text = Buffer.concat(parts).toString('utf8');
      });
    },
  });
  if (text === undefined)
    throw new BackupError(`${file} is not a backup of this platform (no manifest.json)`);
  return JSON.parse(text) as Partial<BackupManifest>;
}

/** Loads a dump made by dumpDataDir into `pgdata` (PGlite writes the files), and answers its migrations. */
async function loadDump(dump: string, pgdata: string): Promise<MigrationState> {
  const pglite = await PGlite.create({ dataDir: pgdata, loadDataDir: new Blob([await readFile(dump)]) });
  try {
    return await readMigrationState(drizzle({ client: pglite }) as unknown as Db);
  } finally {
    await pglite.close();
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the previous DATA_DIR was moved, or null when there was none (or it was empty). */
  previous: string | null;
}

/**
 * Restores `file` into `dataDir`, which no process may be using (the caller checks the lock).
 * The old contents are kept aside in `<dataDir>.before-restore-<time>`; its backups/ folder
 * comes along into the new one, so backups stay where they were.
 */
export async function restoreEmbeddedBackup(opts: {
  file: string;
  dataDir: string;
  app: string;
  known: MigrationState;
  at: Date;
}): Promise<RestoreResult> {
  const manifest = await readBackupManifest(opts.file);
  const problem = manifestProblem(manifest, { app: opts.app, known: opts.known });
  if (problem) throw new BackupError(`Cannot restore ${basename(opts.file)}: ${problem}.`);
  const stamp = opts.at.toISOString().replace(/[:.]/g, '-');
  const staging = `${opts.dataDir}.restoring-${stamp}`;
  await rm(staging, { recursive: true, force: true });
  const unpacked = join(staging, '.unpacked');
  await mkdir(unpacked, { recursive: true });
  try {
    await tar.extract({ file: opts.file, cwd: unpacked });
    const state = await loadDump(join(unpacked, ARCHIVE_DUMP), join(staging, 'pgdata'));
    if (state.app !== manifest.migrations?.app || state.platform !== manifest.migrations?.platform)
      throw new BackupError(
        `Cannot restore ${basename(opts.file)}: its database does not match its manifest.`,
      );
    if (existsSync(join(unpacked, 'files'))) await rename(join(unpacked, 'files'), join(staging, 'files'));
    await rm(unpacked, { recursive: true, force: true });

    const entries = await readdir(opts.dataDir).catch(() => null);
    let previous: string | null = null;
    if (entries && entries.length > 0) {
      previous = `${opts.dataDir}.before-restore-${stamp}`;
      await rename(opts.dataDir, previous).catch((err: NodeJS.ErrnoException) => {
        throw new BackupError(
          `Cannot move ${opts.dataDir} aside (${err.code}): it may be a mount point. Empty it yourself, or set ` +
            'DATA_DIR to a new folder, and restore again.',
        );
      });
      await rm(join(previous, 'db.lock'), { force: true });
    } else if (entries) {
      await rm(opts.dataDir, { recursive: true });
    }
    await mkdir(dirname(opts.dataDir), { recursive: true });
    await rename(staging, opts.dataDir);
    if (previous && existsSync(join(previous, BACKUPS_FOLDER)))
      await rename(join(previous, BACKUPS_FOLDER), join(opts.dataDir, BACKUPS_FOLDER));
    return { manifest: manifest as BackupManifest, previous };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}
