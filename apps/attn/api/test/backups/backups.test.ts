// Backups of ATTN serve the same data once restored: a class session a teacher opened and closed
// through the API is backed up (embedded: an admin's action; PostgreSQL: the CLI's pg_dump),
// restored with the CLI into a fresh data dir or a fresh database, and read back in the
// teacher's course report of an app started on it. Teachers may not make backups.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildApp, openApp } from '@campus/platform/app';
import { Sessions } from '@campus/platform/auth';
import { systemClock } from '@campus/platform/clock';
import { createEmptyDatabase, runApp, testDbKind } from '@campus/platform/testing';
import { SESSION_COOKIE } from '../../src/modules/auth/index.ts';
import { attnSpec } from '../../src/spec.ts';
import { startAttn } from '../helpers.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
// Generous bounds for a loaded machine (each command is a Node start); the test passes far sooner.
const SLOW = 120_000;
const cliEnv = (env: Record<string, string>) => ({ LOG_FILE: 'off', DEMO_DATA: 'false', ...env });

let root = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'attn-backups-'));
});
after(() => rm(root, { recursive: true, force: true }));

test('an admin’s backup restores into a fresh data dir or database whose course report shows the same session; teachers are refused', {
  timeout: 300_000,
}, async () => {
  const t = await startAttn();
  let open = true;
  const closeTest = async () => {
    if (open) await t.close();
    open = false;
  };
  const restoreEnv: Record<string, string> = { DATA_DIR: join(root, 'restored') };
  let dropRestored = async () => {};
  try {
    const admin = await t.user('admin');
    const course = await t.course({ students: 1 });
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/teacher/courses/${course.id}/sessions`,
      headers: course.teacher.headers,
      payload: { duration_minutes: 60, title: 'Kept across a restore' },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const sessionId: string = opened.json().id;
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/teacher/sessions/${sessionId}/close`,
      headers: course.teacher.headers,
    });
    assert.ok(closed.statusCode < 300, closed.body);

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/admin/backups',
      headers: course.teacher.headers,
    });
    assert.equal(refused.statusCode, 403);
    const asked = await t.app.inject({ method: 'POST', url: '/api/admin/backups', headers: admin.headers });
    let file = '';
    if (testDbKind() === 'pglite') {
      assert.equal(asked.statusCode, 201, asked.body);
      file = join(t.dir, 'backups', asked.json().name);
    } else {
      assert.equal(asked.statusCode, 409);
      assert.match(asked.json().error.message, /pg_dump/);
      const url = (t.app as unknown as { database: { url: string } }).database.url;
      file = join(root, 'attn.dump');
      const dumped = await runApp(
        cli,
        ['backup', '--out', file],
        cliEnv({ DATABASE_URL: url, DATA_DIR: t.dir }),
        SLOW,
      );
      assert.equal(dumped.code, 0, dumped.stderr);
      const empty = await createEmptyDatabase('attn_restored');
      dropRestored = empty.drop;
      restoreEnv.DATABASE_URL = empty.url;
    }
    const restored = await runApp(cli, ['restore', file], cliEnv(restoreEnv), SLOW);
    assert.equal(restored.code, 0, restored.stderr);
    await closeTest();

    const config = attnSpec.loadConfig({
      NODE_ENV: 'test',
      LOG_FILE: 'off',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      BACKUP_SCHEDULE: 'off',
      ...restoreEnv,
    });
    const ctx = await openApp(attnSpec, config);
    try {
      const app = await buildApp(attnSpec, ctx);
      try {
        // A session of the real clock's time: the restored app runs on it, not on the test clock.
        const login = await new Sessions({ clock: systemClock }).create(app.db, course.teacher.id);
        const report = await app.inject({
          url: `/api/teacher/courses/${course.id}/report`,
          headers: { cookie: `${SESSION_COOKIE}=${login.token}` },
        });
        assert.equal(report.statusCode, 200, report.body);
        assert.deepEqual(
          report.json().sessions.map((s: { session_id: string }) => s.session_id),
          [sessionId],
        );
      } finally {
        await app.close();
      }
    } finally {
      await ctx.close();
    }
  } finally {
    await closeTest();
    await dropRestored();
  }
});
