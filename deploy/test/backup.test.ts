// Acceptance 10 of issue 18: backup and restore round-trip, through each app's own command line.
//   PostgreSQL (the cluster's): A-Cube's database, with a few admins and contact messages of our
//     own added, is dumped with `backup --out` (pg_dump -Fc) under the app's environment, restored
//     with `restore` into a fresh database beside it, and every table's row count, checksums of
//     admins, contact messages and both migration bookkeeping tables come back the same; the
//     app's `migrate` on the restored database then finds nothing to apply.
//   Embedded default: ATTN on a temporary DATA_DIR, a user made with `create-user` (the password
//     on standard input), `backup --out` (the stopped app's archive), `restore` into another fresh
//     DATA_DIR; both data dirs opened with PGlite show the same rows, the user among them.
// Both round trips are timed and printed.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runApp } from '@campus/platform/testing';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { appEnv, cliPath } from '../cluster/plan.ts';
import { type AppName, appDatabaseUrl, type ClusterState, readState } from '../cluster/state.ts';
import { appSecretOf, seedAcubeAdmins, seedContactMessages } from './support/seed.ts';

const state: ClusterState = readState();
const log = (line: string) => console.log(`[backup] ${line}`);
// A command is one Node start (several seconds on a loaded 2-core machine); the bound is generous.
const SLOW = 120_000;
// pg_dump and pg_restore of the cluster server's own version first on the PATH.
const PATH = `${state.postgres.bin}:${process.env.PATH ?? '/usr/bin:/bin'}`;

const root = await mkdtemp(join(tmpdir(), 'backup-test-'));
const cleanups: Array<() => Promise<unknown>> = [];
after(async () => {
  for (const step of cleanups.reverse()) await step().catch((err) => log(`cleanup failed: ${err}`));
  await rm(root, { recursive: true, force: true });
});

/** Runs an app's command line; fails the test with its output unless it exits 0. */
async function cli(app: AppName, args: string[], env: Record<string, string>, input?: string) {
  const result = await runApp(cliPath(app), args, env, SLOW, input);
  assert.equal(
    result.code,
    0,
    `${app} ${args[0]} exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
  );
  return result;
}

type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

/**
 * What a database holds, as comparable strings: the row count of every table the app's role
 * sees (its own schemas and the platform's and drizzle's) and md5 checksums of chosen columns.
 */
async function snapshot(query: Query, checksums: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = await query(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     order by 1, 2`,
  );
  for (const { s, t } of tables) {
    const [row] = await query(`select count(*)::text as n from "${s}"."${t}"`);
    out[`count ${s}.${t}`] = String(row?.n);
  }
  for (const [name, sql] of Object.entries(checksums)) {
    const [row] = await query(
      `select md5(coalesce(string_agg(x, ',' order by x), '')) as sum from (${sql}) as r(x)`,
    );
    out[`md5 ${name}`] = String(row?.sum);
  }
  return out;
}

const migrationChecksums = {
  'drizzle.__drizzle_migrations': `select hash || '|' || created_at from drizzle.__drizzle_migrations`,
  'platform.__drizzle_migrations': `select hash || '|' || created_at from platform.__drizzle_migrations`,
};

const acubeChecksums = {
  ...migrationChecksums,
  admins: `select id || '|' || email || '|' || role || '|' || password_hash from admins`,
  contact_messages: `select id || '|' || reference || '|' || subject || '|' || message || '|' || status || '|' ||
    extract(epoch from created_at) from contact_messages`,
};

async function pgSnapshot(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url, application_name: 'backup-test' });
  await client.connect();
  try {
    return await snapshot(async (sql) => (await client.query(sql)).rows, acubeChecksums);
  } finally {
    await client.end();
  }
}

/** A PGlite data dir's snapshot, and what `extra` reads from it while it is open. */
async function pgliteSnapshot<T>(
  dataDir: string,
  extra: (db: PGlite) => Promise<T>,
): Promise<{ snap: Record<string, string>; extra: T }> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
  try {
    const snap = await snapshot(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows, {
      ...migrationChecksums,
      users: `select id || '|' || school_number || '|' || full_name || '|' || role || '|' || password_hash from users`,
    });
    return { snap, extra: await extra(db) };
  } finally {
    await db.close();
  }
}

function journalEntries(app: AppName): number {
  const journal = new URL(`../../apps/${app}/api/src/db/migrations/meta/_journal.json`, import.meta.url);
  return (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;
}

// The two round trips run side by side: each is mostly Node starting its command line.
describe('backup and restore round trips', { concurrency: true }, () => {
  test('PostgreSQL: A-Cube backed up with its CLI (pg_dump) restores into a fresh database with the same rows, and migrate finds nothing to apply', {
    timeout: 300_000,
  }, async () => {
    const url = appDatabaseUrl(state, 'acube');
    // Data of our own beside whatever the cluster's other tests left.
    const tag = randomBytes(4).toString('hex');
    const env: Record<string, string> = {
      ...appEnv(state, 'acube'),
      PATH,
      DATA_DIR: join(root, 'acube-data'),
    };
    await seedAcubeAdmins(url, appSecretOf(env), 2);
    await seedContactMessages(url, `backup-${tag}`, 5);

    const before = await pgSnapshot(url);
    assert.ok(Number(before['count public.admins']) >= 2, 'the seeded admins are there');
    assert.ok(Number(before['count public.contact_messages']) >= 5, 'the seeded messages are there');
    assert.equal(Number(before['count drizzle.__drizzle_migrations']), journalEntries('acube'));

    const file = join(root, 'acube.dump');
    const started = performance.now();
    const dumped = await cli('acube', ['backup', '--out', file], env);
    assert.match(dumped.stdout, /pg_dump/);
    const backupMs = performance.now() - started;
    // The cluster is live: what changed while pg_dump ran cannot be compared (the seeded tables must not).
    const afterDump = await pgSnapshot(url);
    const moving = Object.keys(before).filter((k) => before[k] !== afterDump[k]);
    for (const key of [
      'count public.admins',
      'count public.contact_messages',
      'md5 admins',
      'md5 contact_messages',
    ])
      assert.ok(!moving.includes(key), `${key} did not change while the dump ran`);

    // A fresh, empty database beside the app's, owned by the app's role (as the cluster made its own).
    const admin = readFileSync(state.postgres.adminUrlFile, 'utf8').trim();
    const name = `acube_restore_${tag}`;
    const asAdmin = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin, application_name: 'backup-test' });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await asAdmin(`create database "${name}" owner acube`);
    cleanups.push(() => asAdmin(`drop database if exists "${name}" with (force)`));
    await asAdmin(`revoke all on database "${name}" from public`);
    const freshUrl = new URL(url);
    freshUrl.pathname = `/${name}`;
    const { DATABASE_URL_FILE: _ignored, ...rest } = env;
    const restoreEnv = { ...rest, DATABASE_URL: freshUrl.toString(), DATA_DIR: join(root, 'acube-restored') };

    const restoreStarted = performance.now();
    const restored = await cli('acube', ['restore', file], restoreEnv);
    assert.match(restored.stdout, /pg_restore/);
    const restoreMs = performance.now() - restoreStarted;

    const back = await pgSnapshot(freshUrl.toString());
    const compared = Object.keys(before).filter((k) => !moving.includes(k));
    if (moving.length)
      log(`changed by the live cluster while the dump ran (not compared): ${moving.join(', ')}`);
    assert.deepEqual(
      Object.fromEntries(compared.map((k) => [k, back[k]])),
      Object.fromEntries(compared.map((k) => [k, before[k]])),
    );
    assert.deepEqual(Object.keys(back).sort(), Object.keys(before).sort(), 'the same tables');
    log(
      `PostgreSQL round trip: backup ${Math.round(backupMs)} ms, restore ${Math.round(restoreMs)} ms ` +
        `(${compared.length} counts and checksums equal, ${before['count public.contact_messages']} contact messages)`,
    );

    // The schema's migration state came across: migrate on the restored database applies nothing.
    await cli('acube', ['migrate'], restoreEnv);
    const migrated = await pgSnapshot(freshUrl.toString());
    for (const key of Object.keys(migrationChecksums))
      assert.equal(migrated[`md5 ${key}`], back[`md5 ${key}`], `migrate added nothing to ${key}`);
    assert.equal(Number(migrated['count drizzle.__drizzle_migrations']), journalEntries('acube'));
  });

  test('embedded: ATTN on a data dir backed up with its CLI restores into a fresh data dir holding the same rows', {
    timeout: 300_000,
  }, async () => {
    const base = {
      PATH,
      HOME: process.env.HOME ?? '/tmp',
      LOG_FILE: 'off',
      DEMO_DATA: 'false',
      // The cluster's compile cache (filled by its migrate run): each command compiles less.
      NODE_COMPILE_CACHE: join(state.dir, 'compile-cache'),
    };
    const source = join(root, 'attn-source');
    const target = join(root, 'attn-restored');
    const schoolNumber = `BK${randomBytes(3).toString('hex')}`;
    // create-user opens the app, which creates and migrates the embedded database first.
    const created = await cli(
      'attn',
      ['create-user', '--school-number', schoolNumber, '--name', 'Backup Admin', '--role', 'admin'],
      { ...base, DATA_DIR: source },
      'a long enough password\n',
    );
    assert.match(created.stdout, new RegExp(`User ${schoolNumber} \\(admin\\) created`));

    const file = join(root, 'attn.tar.gz');
    const started = performance.now();
    const written = await cli('attn', ['backup', '--out', file], { ...base, DATA_DIR: source });
    assert.match(written.stdout, /Backup written/);
    const backupMs = performance.now() - started;
    const restoreStarted = performance.now();
    const restored = await cli('attn', ['restore', file], { ...base, DATA_DIR: target });
    assert.match(restored.stdout, /Restored/);
    const restoreMs = performance.now() - restoreStarted;

    const user = async (db: PGlite) =>
      (
        await db.query<{ full_name: string; role: string }>(
          'select full_name, role from users where school_number = $1',
          [schoolNumber],
        )
      ).rows;
    const [{ snap: before }, { snap: back, extra: restoredUser }] = await Promise.all([
      pgliteSnapshot(source, async () => null),
      pgliteSnapshot(target, user),
    ]);
    assert.equal(before['count public.users'], '1');
    assert.equal(Number(before['count drizzle.__drizzle_migrations']), journalEntries('attn'));
    assert.deepEqual(back, before);
    assert.deepEqual(restoredUser, [{ full_name: 'Backup Admin', role: 'admin' }]);
    log(
      `embedded round trip: backup ${Math.round(backupMs)} ms, restore ${Math.round(restoreMs)} ms ` +
        `(${Object.keys(before).length} counts and checksums equal)`,
    );
  });
});
