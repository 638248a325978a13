// A fresh database for each test file, of the kind the run asks for (TEST_DB):
// - pglite: in memory, loaded from an archive of the already-migrated schema (made once per
//   set of migrations), so a test file starts in well under a second;
// - postgres: a database created from a migrated template on the server at TEST_PG_URL, and
//   dropped at the end. The PostgreSQL run is never skipped: without TEST_PG_URL it fails.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createDatabase } from '../db/create-database.ts';
import type { Database } from '../db/database.ts';
import { migrateAll, platformMigrationsFolder } from '../db/migrate.ts';
import { pgliteDatabase } from '../db/pglite.ts';
import { archiveDir, pgliteVersion, readEmptyArchive } from '../db/pglite-archive.ts';

const quiet = { info() {}, warn() {} };

export function testDbKind(): 'pglite' | 'postgres' {
  const kind = process.env.TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres')
    throw new Error(`TEST_DB must be pglite or postgres, not "${kind}"`);
  if (kind === 'postgres' && !process.env.TEST_PG_URL) {
    throw new Error(
      'TEST_DB=postgres needs TEST_PG_URL (an admin URL of a PostgreSQL server): run the tests with `npm test`',
    );
  }
  return kind;
}

/** A hash of the platform's migrations and the app's: a change to either makes a new archive or template. */
function migrationsHash(folder: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(platformMigrationsFolder);
  walk(folder);
  return hash.digest('hex').slice(0, 16);
}

async function migratedArchive(migrationsFolder: string): Promise<Blob> {
  const path = join(
    archiveDir,
    `pglite-${pgliteVersion}-migrated-${migrationsHash(migrationsFolder)}.tar.gz`,
  );
  if (!existsSync(path)) {
    const empty = await readEmptyArchive();
    const pglite = await PGlite.create(empty ? { loadDataDir: empty } : {});
    await migrateAll(migrate, drizzle({ client: pglite, casing: 'snake_case' }) as never, migrationsFolder);
    const archive = await pglite.dumpDataDir('gzip');
    await pglite.close();
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await archive.arrayBuffer()));
    renameSync(temporary, path);
  }
  return new Blob([readFileSync(path)]);
}

function urlFor(database: string): string {
  const url = new URL(process.env.TEST_PG_URL as string);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const safeName = (prefix: string) =>
  `${prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;

async function dropDatabase(name: string) {
  await withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`));
}

/** An empty database on the test server (for tests of migrations and start-up). */
export async function createEmptyDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  testDbKind();
  const name = safeName(prefix);
  await withAdmin((admin) => admin.query(`create database "${name}"`));
  return { url: urlFor(name), drop: () => dropDatabase(name) };
}

async function createFromTemplate(migrationsFolder: string, prefix: string): Promise<string> {
  const template = `tpl_${migrationsHash(migrationsFolder)}`;
  const name = safeName(prefix);
  await withAdmin(async (admin) => {
    // Test files run in parallel processes: one makes the template, the others wait for it.
    await admin.query('select pg_advisory_lock(727240002)');
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount === 0) {
        await admin.query(`create database "${template}"`);
        const database = await createDatabase({
          databaseUrl: urlFor(template),
          dataDir: '',
          migrationsFolder,
          logger: quiet,
        });
        await database.close();
      }
      await admin.query(`create database "${name}" template "${template}"`);
    } finally {
      await admin.query('select pg_advisory_unlock(727240002)');
    }
  });
  return name;
}

export async function createTestDatabase(opts: {
  migrationsFolder: string;
  name: string;
}): Promise<Database & { url?: string }> {
  if (testDbKind() === 'pglite') {
    const pglite = await PGlite.create({ loadDataDir: await migratedArchive(opts.migrationsFolder) });
    return pgliteDatabase(pglite);
  }
  const name = await createFromTemplate(opts.migrationsFolder, opts.name);
  const database = await createDatabase({
    databaseUrl: urlFor(name),
    dataDir: '',
    migrationsFolder: opts.migrationsFolder,
    logger: quiet,
    migrate: false,
    poolMax: 5,
  });
  return {
    ...database,
    url: urlFor(name),
    async close() {
      await database.close();
      await dropDatabase(name);
    },
  };
}
