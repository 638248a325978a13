// The SIS admin routes on the real app: an admin queues a sync and reads its run; nobody else
// may; without SIS_URL the app runs, says no SIS is configured, and schedules nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { demoRoster } from '../../src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../src/modules/sis/simulator/sis-simulator.ts';
import { type AttnTest, startAttn } from '../helpers.ts';

describe('SIS admin routes', () => {
  let t: AttnTest;
  let sim: SisSimulator;

  before(async () => {
    sim = await startSisSimulator({ data: demoRoster({ students: 10 }) });
    t = await startAttn({ SIS_URL: sim.url, SIS_SYNC_CRON: '0 3 * * *' });
  });
  after(async () => {
    await t?.close();
    await sim?.close();
  });

  const runs = async (headers: Record<string, string>, query = '') =>
    t.app.inject({ url: `/api/admin/sis/sync-runs${query}`, headers });

  /** Waits for the job's run to be recorded as finished (the state, polled). */
  async function finishedRuns(headers: Record<string, string>, count: number) {
    for (let i = 0; i < 300; i++) {
      const list = (await runs(headers, '?limit=100')).json().runs as { status: string }[];
      if (list.length >= count && list.every((r) => r.status !== 'running')) return list;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${count} finished runs`);
  }

  test('an admin queues a sync, and its run appears with what it changed', async () => {
    const admin = await t.user('admin');
    const queued = await t.app.inject({ method: 'POST', url: '/api/admin/sis/sync', headers: admin.headers });
    assert.equal(queued.statusCode, 202, queued.body);
    assert.ok(queued.json().job_id);
    const [run] = await finishedRuns(admin.headers, 1);
    assert.equal(run?.status, 'ok');
    assert.deepEqual((run as unknown as { changes: { courses: unknown } }).changes.courses, {
      created: 4,
      updated: 0,
      removed: 0,
    });
    const status = await t.app.inject({ url: '/api/admin/sis/status', headers: admin.headers });
    assert.equal(status.statusCode, 200);
    assert.deepEqual(
      [
        status.json().configured,
        status.json().breaker_state,
        status.json().sync_cron,
        status.json().last_run.id,
      ],
      [true, 'closed', '0 3 * * *', (run as unknown as { id: string }).id],
    );
  });

  test('the sync is scheduled on SIS_SYNC_CRON', async () => {
    const result = await t.app.db.execute(
      sql`select cron, timezone from pgboss.schedule where name = 'sis-sync'`,
    );
    assert.deepEqual(
      (result as unknown as { rows: unknown[] }).rows.map((r) => ({ ...(r as object) })),
      [{ cron: '0 3 * * *', timezone: 'UTC' }],
    );
  });

  test('runs page newest first', async () => {
    const admin = await t.user('admin');
    for (let i = 0; i < 2; i++) {
      t.clock.advance(60_000);
      await t.app.inject({ method: 'POST', url: '/api/admin/sis/sync', headers: admin.headers });
      await finishedRuns(admin.headers, 2 + i);
    }
    const first = (await runs(admin.headers, '?limit=2')).json();
    assert.equal(first.runs.length, 2);
    assert.ok(first.next_before);
    const second = (await runs(admin.headers, `?limit=2&before=${first.next_before}`)).json();
    assert.equal(second.runs.length, 1);
    assert.equal(second.next_before, null);
    const all = [...first.runs, ...second.runs].map((r: { started_at: string }) => r.started_at);
    assert.deepEqual(all, [...all].sort().reverse());
  });

  test('students and teachers may neither start a sync nor read the runs; nobody anonymous', async () => {
    for (const role of ['student', 'teacher'] as const) {
      const user = await t.user(role);
      const post = await t.app.inject({ method: 'POST', url: '/api/admin/sis/sync', headers: user.headers });
      assert.equal(post.statusCode, 403, role);
      assert.equal((await runs(user.headers)).statusCode, 403, role);
    }
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/sis/sync' })).statusCode, 401);
    assert.equal((await runs({})).statusCode, 401);
  });

  test('bad paging is a 400 in the one error shape', async () => {
    const admin = await t.user('admin');
    const res = await runs(admin.headers, '?limit=0');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    assert.equal((await runs(admin.headers, '?before=not-an-id')).statusCode, 400);
  });
});

describe('without SIS_URL', () => {
  test('the admin is told no SIS is configured, and no sync is queued', async () => {
    const t = await startAttn();
    try {
      const admin = await t.user('admin');
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/sis/sync', headers: admin.headers });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error.message, /SIS_URL/);
      assert.equal(t.app.jobs.hasQueue('sis-sync'), false);
      const status = await t.app.inject({ url: '/api/admin/sis/status', headers: admin.headers });
      assert.deepEqual(status.json(), {
        configured: false,
        breaker_state: null,
        sync_cron: null,
        last_run: null,
      });
    } finally {
      await t.close();
    }
  });
});
