import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as tar from 'tar';
import type { Db } from '../db/database.ts';
import { readEmptyArchive } from '../db/pglite-archive.ts';
import {
  backupStamp,
  freeName,
  listBackups,
  pruneBackups,
  readBackupManifest,
  restoreEmbeddedBackup,
  writeEmbeddedBackup,
} from './embedded-backup.ts';
import { manifestProblem } from './manifest.ts';
import { splitPassword } from './postgres-backup.ts';

let root = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'backup-unit-'));
});
after(() => rm(root, { recursive: true, force: true }));

test('a backup name carries the app and the time, and a taken name gets a number', async () => {
  const at = new Date('2026-12-01T05:30:00.123Z');
  assert.equal(backupStamp('acube', at), 'acube-2026-12-01T05-30-00-123Z');
  const dir = join(root, 'names');
  await mkdir(dir);
  assert.equal(freeName(dir, 'a', '.tar.gz'), join(dir, 'a.tar.gz'));
  await writeFile(join(dir, 'a.tar.gz'), '');
  assert.equal(freeName(dir, 'a', '.tar.gz'), join(dir, 'a-2.tar.gz'));
});

test('pruning keeps the newest N of this app’s backups and leaves other files alone', async () => {
  const dir = join(root, 'prune');
  await mkdir(dir);
  for (let i = 1; i <= 5; i++) {
    const path = join(dir, `acube-${i}.tar.gz`);
    await writeFile(path, 'x');
    await utimes(path, 1_000 + i, 1_000 + i);
  }
  await writeFile(join(dir, 'attn-1.tar.gz'), 'x');
  await writeFile(join(dir, 'notes.txt'), 'x');
  assert.deepEqual((await pruneBackups(dir, 'acube', 2)).sort(), [
    'acube-1.tar.gz',
    'acube-2.tar.gz',
    'acube-3.tar.gz',
  ]);
  assert.deepEqual(
    (await listBackups(dir, 'acube')).map((f) => f.name),
    ['acube-5.tar.gz', 'acube-4.tar.gz'],
  );
  assert.deepEqual((await readdir(dir)).sort(), [
    'acube-4.tar.gz',
    'acube-5.tar.gz',
    'attn-1.tar.gz',
    'notes.txt',
  ]);
});

test('a backup of a running PGlite and its files restores into a new data dir, the old one kept aside', async () => {
  const dataDir = join(root, 'data');
  await mkdir(join(dataDir, 'files', 'ab'), { recursive: true });
  await writeFile(join(dataDir, 'files', 'ab', 'abc-file'), 'the uploaded bytes');
  await writeFile(join(dataDir, 'files', 'ab', 'half.tmp'), 'a write in progress');
  await mkdir(join(dataDir, 'mail'));
  await writeFile(join(dataDir, 'mail', 'old.eml'), 'mail');
  const pglite = await PGlite.create({ loadDataDir: await readEmptyArchive() });
  await pglite.exec("create table notes (body text); insert into notes values ('kept')");
  const out = join(dataDir, 'backups', 'unit-1.tar.gz');
  await mkdir(join(dataDir, 'backups'));
  const manifest = await writeEmbeddedBackup({
    pglite,
    db: drizzle({ client: pglite }) as unknown as Db,
    app: 'unit',
    dataDir,
    out,
    at: new Date('2026-12-01T05:00:00Z'),
    reason: 'test',
  });
  await pglite.close();
  assert.equal(manifest.files, 1);
  assert.deepEqual(manifest.migrations, { platform: 0, app: 0 });
  assert.deepEqual(await readBackupManifest(out), manifest);
  const listed: string[] = [];
  await tar.list({ file: out, onReadEntry: (e) => listed.push(e.path) });
  assert.ok(!listed.some((p) => p.endsWith('.tmp') || p.startsWith('mail')), listed.join());
  assert.deepEqual(await readdir(join(dataDir, 'backups')), ['unit-1.tar.gz']);

  const known = { platform: 0, app: 0 };
  await assert.rejects(
    restoreEmbeddedBackup({ file: out, dataDir, app: 'other', known, at: new Date() }),
    /made by unit, not other/,
  );
  const result = await restoreEmbeddedBackup({
    file: out,
    dataDir,
    app: 'unit',
    known,
    at: new Date('2026-12-01T06:00:00Z'),
  });
  assert.equal(result.previous, `${dataDir}.before-restore-2026-12-01T06-00-00-000Z`);
  assert.ok(existsSync(join(result.previous ?? '', 'mail', 'old.eml')));
  assert.deepEqual(await readdir(join(dataDir, 'backups')), ['unit-1.tar.gz']);
  assert.ok(!existsSync(join(dataDir, 'mail')));
  assert.equal(await readFile(join(dataDir, 'files', 'ab', 'abc-file'), 'utf8'), 'the uploaded bytes');
  const restored = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
  assert.deepEqual((await restored.query('select body from notes')).rows, [{ body: 'kept' }]);
  await restored.close();
});

test('an archive without a manifest is refused with a message', async () => {
  const dir = join(root, 'bad');
  await mkdir(dir);
  await writeFile(join(dir, 'x.txt'), 'x');
  const file = join(root, 'bad.tar.gz');
  await tar.create({ gzip: true, file, cwd: dir }, ['x.txt']);
  await assert.rejects(readBackupManifest(file), /not a backup of this platform/);
});

test('a manifest from another database or a newer version is refused', () => {
  const good = {
    format: 1,
    app: 'attn',
    database: 'pglite' as const,
    migrations: { platform: 3, app: 10 },
  };
  const known = { platform: 3, app: 12 };
  assert.equal(manifestProblem(good, { app: 'attn', known }), undefined);
  assert.match(manifestProblem({ ...good, format: 2 }, { app: 'attn', known }) ?? '', /format/);
  assert.match(
    manifestProblem({ ...good, migrations: { platform: 3, app: 13 } }, { app: 'attn', known }) ?? '',
    /newer version/,
  );
  assert.match(
    manifestProblem({ ...good, database: 'postgres' as never }, { app: 'attn', known }) ?? '',
    /postgres/,
  );
});

test('the PostgreSQL password is taken out of the URL the tools see', () => {
  assert.deepEqual(splitPassword('postgres://app:s%40cret@db.internal:5433/acube?sslmode=require'), {
    url: 'postgres://app@db.internal:5433/acube?sslmode=require',
    password: 's@cret',
  });
  assert.deepEqual(splitPassword('postgres://localhost/acube'), {
    url: 'postgres://localhost/acube',
    password: undefined,
  });
});
