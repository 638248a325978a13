// Backups of A-Cube serve the same data once restored: an event and an uploaded image made
// through the API are backed up (embedded: by a superadmin's admin action, and by SIGUSR2 to a
// real running process; PostgreSQL: the CLI's pg_dump), restored with the CLI into a fresh data
// dir or a fresh database, and read back through the API of an app started on it.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { buildApp, openApp } from '@campus/platform/app';
import { AccessTokens } from '@campus/platform/auth';
import { knownMigrations, restoreEmbeddedBackup } from '@campus/platform/backup';
import { createEmptyDatabase, runApp, spawnApp, testDbKind } from '@campus/platform/testing';
import type { FastifyInstance } from 'fastify';
import { admins } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';
import { type AcubeTest, startAcube } from '../helpers.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const tokens = new AccessTokens({
  appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
  app: 'acube',
  clock: { now: () => new Date(), nowMs: () => Date.now() },
});
const bearer = async (id: string, role: string) =>
  `Bearer ${await tokens.sign({ sub: id, roles: [role], sid: crypto.randomUUID() })}`;

let root = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'acube-backups-'));
});
after(() => rm(root, { recursive: true, force: true }));

interface Made {
  eventId: string;
  fileUrl: string;
}

/** An event and an uploaded image, through the API. */
async function makeData(app: FastifyInstance, authorization: string): Promise<Made> {
  const event = await app.inject({
    method: 'POST',
    url: '/api/events',
    headers: { authorization },
    payload: { title: 'Kept across a restore', starts_at: '2026-07-01T17:00:00Z', capacity: 12 },
  });
  assert.equal(event.statusCode, 201, event.body);
  const boundary = '----backuptest';
  const upload = await app.inject({
    method: 'POST',
    url: '/api/admin/uploads',
    headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="poster.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  assert.equal(upload.statusCode, 201, upload.body);
  return { eventId: event.json().id, fileUrl: upload.json().url };
}

async function readBack(app: FastifyInstance, authorization: string, made: Made): Promise<void> {
  const event = await app.inject({ url: `/api/admin/events/${made.eventId}`, headers: { authorization } });
  assert.equal(event.statusCode, 200, event.body);
  assert.equal(event.json().title, 'Kept across a restore');
  assert.equal(event.json().capacity, 12);
  const file = await app.inject({ url: made.fileUrl, headers: { authorization } });
  assert.equal(file.statusCode, 200);
  assert.deepEqual(file.rawPayload, PNG);
}

/** A-Cube as `serve` builds it, on the given data dir or database, served by inject. */
async function openOn(env: Record<string, string>) {
  const config = acubeSpec.loadConfig({
    NODE_ENV: 'test',
    LOG_FILE: 'off',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    BACKUP_SCHEDULE: 'off',
    ...env,
  });
  const opened = await openApp(acubeSpec, config);
  const app = await buildApp(acubeSpec, opened).catch(async (err) => {
    await opened.close();
    throw err;
  });
  await app.ready();
  return {
    app,
    opened,
    async close() {
      await app.close();
      await opened.close();
    },
  };
}

const cliEnv = (env: Record<string, string>) => ({ LOG_FILE: 'off', DEMO_DATA: 'false', ...env });
// Generous bounds for a loaded machine (each command is a Node start); the tests pass far sooner.
const SLOW = 120_000;
const TEST = { timeout: 300_000 };

test(
  'a superadmin’s backup restores into a fresh data dir or database that serves the same event and upload; staff are refused',
  TEST,
  async () => {
    const t: AcubeTest = await startAcube();
    let open = true;
    const closeTest = async () => {
      if (open) await t.close();
      open = false;
    };
    const fresh = join(root, 'restored');
    let dropRestored = async () => {};
    try {
      const boss = await t.admin('superadmin');
      const staff = await t.admin('staff');
      const made = await makeData(t.app, staff.authorization);
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/admin/backups',
        headers: { authorization: staff.authorization },
      });
      assert.equal(refused.statusCode, 403);
      const asked = await t.app.inject({
        method: 'POST',
        url: '/api/admin/backups',
        headers: { authorization: boss.authorization },
      });
      let file = '';
      let restoreEnv: Record<string, string> = { DATA_DIR: fresh };
      if (testDbKind() === 'pglite') {
        assert.equal(asked.statusCode, 201, asked.body);
        assert.equal(asked.json().files, 1);
        const listed = await t.app.inject({
          url: '/api/admin/backups',
          headers: { authorization: boss.authorization },
        });
        assert.deepEqual(
          listed.json().items.map((i: { name: string }) => i.name),
          [asked.json().name],
        );
        const audit = await t.app.inject({
          url: '/api/admin/audit-logs?action=backup.created',
          headers: { authorization: boss.authorization },
        });
        assert.equal(audit.json().items[0]?.entity_id, asked.json().name);
        file = join(t.dir, 'backups', asked.json().name);
      } else {
        assert.equal(asked.statusCode, 409);
        assert.match(asked.json().error.message, /pg_dump/);
        const url = (t.app as unknown as { database: { url: string } }).database.url;
        file = join(root, 'acube.dump');
        const dumped = await runApp(
          cli,
          ['backup', '--out', file],
          cliEnv({ DATABASE_URL: url, DATA_DIR: t.dir }),
          SLOW,
        );
        assert.equal(dumped.code, 0, dumped.stderr);
        const empty = await createEmptyDatabase('acube_restored');
        dropRestored = empty.drop;
        restoreEnv = { ...restoreEnv, DATABASE_URL: empty.url };
      }
      const restored = await runApp(cli, ['restore', file], cliEnv(restoreEnv), SLOW);
      assert.equal(restored.code, 0, restored.stderr);
      assert.match(restored.stdout, /Restored/);
      await closeTest();
      const back = await openOn(restoreEnv);
      try {
        // A token of the real clock's time: the restored app runs on it, not on the test clock.
        await readBack(back.app, await bearer(boss.id, 'superadmin'), made);
      } finally {
        await back.close();
      }
    } finally {
      await closeTest();
      await dropRestored();
    }
  },
);

test('SIGUSR2 makes a running embedded A-Cube back itself up, the CLI refuses to restore under it, and the backup restores', {
  ...TEST,
  skip: testDbKind() !== 'pglite' && 'the embedded database only: on PostgreSQL backups are pg_dump’s job',
}, async () => {
  const dir = join(root, 'live');
  const first = await openOn({ DATA_DIR: dir });
  let made: Made | undefined;
  let authorization = '';
  try {
    const [boss] = await first.app.db
      .insert(admins)
      .values({ email: 'boss@acube.test', name: 'Boss', role: 'superadmin', passwordHash: 'x' })
      .returning();
    authorization = await bearer(boss?.id ?? '', 'superadmin');
    made = await makeData(first.app, authorization);
  } finally {
    await first.close();
  }

  const running = await spawnApp(cli, cliEnv({ DATA_DIR: dir, PORT: '0', BACKUP_SCHEDULE: 'off' }), {
    timeoutMs: SLOW,
  });
  let file = '';
  try {
    running.child.kill('SIGUSR2');
    // Meanwhile: a restore is refused while the app runs, before the file is even read.
    const whileRunning = runApp(cli, ['restore', cli], cliEnv({ DATA_DIR: dir }), SLOW);
    for (let i = 0; i < 600 && !file; i++) {
      const names = (await readdir(join(dir, 'backups')).catch(() => [])).filter((n) =>
        n.endsWith('.tar.gz'),
      );
      if (names[0]) file = join(dir, 'backups', names[0]);
      else await sleep(100);
    }
    assert.ok(file, `no backup after SIGUSR2:\n${running.output()}`);
    const refused = await whileRunning;
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /The app is running .*Stop it first/s);
  } finally {
    assert.equal(await running.stop(), 0);
  }

  // The command line's restore is tested above; here its use case, to keep the test quick.
  const fresh = join(root, 'from-signal');
  const restored = await restoreEmbeddedBackup({
    file,
    dataDir: fresh,
    app: 'acube',
    known: knownMigrations(acubeSpec.migrationsFolder),
    at: new Date(),
  });
  assert.equal(restored.manifest.reason, 'signal');
  const back = await openOn({ DATA_DIR: fresh });
  try {
    assert.ok(made);
    await readBack(back.app, authorization, made);
  } finally {
    await back.close();
  }
});
