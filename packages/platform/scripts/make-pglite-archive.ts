// Makes the archive of an empty PGlite data dir that first starts load instead of running
// initdb. Run by `npm ci` (the root postinstall); quick when the archive for this PGlite
// version exists already.  Usage: node packages/platform/scripts/make-pglite-archive.ts
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { archiveDir, emptyArchivePath, pgliteVersion } from '../src/db/pglite-archive.ts';

if (existsSync(emptyArchivePath)) {
  console.log(`PGlite ${pgliteVersion} archive present: ${emptyArchivePath}`);
} else {
  const started = performance.now();
  const pglite = await PGlite.create();
  const archive = await pglite.dumpDataDir('gzip');
  await pglite.close();
  mkdirSync(archiveDir, { recursive: true });
  const temporary = `${emptyArchivePath}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.from(await archive.arrayBuffer()));
  renameSync(temporary, emptyArchivePath);
  console.log(
    `PGlite ${pgliteVersion} archive made in ${Math.round(performance.now() - started)} ms: ${emptyArchivePath}`,
  );
}
