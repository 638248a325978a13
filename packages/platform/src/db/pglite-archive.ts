// A prepared archive of an empty PGlite data dir, made at install time (npm ci runs
// scripts/make-pglite-archive.ts), so a first start loads it instead of running initdb
// (6-7 s and ~800 MB peak). The file name carries PGlite's version, so an upgrade makes a new one.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import { fileURLToPath } from 'node:url';

const manifest = findPackageJSON('@electric-sql/pglite', import.meta.url) as string;
const pgliteVersion: string = JSON.parse(readFileSync(manifest, 'utf8')).version;

export const archiveDir = fileURLToPath(new URL('../../.cache/', import.meta.url));
export const emptyArchivePath = `${archiveDir}pglite-${pgliteVersion}-empty.tar.gz`;

/** The empty data-dir archive as a Blob for `loadDataDir`, or undefined when it was not made. */
export async function readEmptyArchive(): Promise<Blob | undefined> {
  if (!existsSync(emptyArchivePath)) return undefined;
  return new Blob([await readFile(emptyArchivePath)]);
}

export { pgliteVersion };
