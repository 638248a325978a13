// A 1,000-booking bulk status update survives the process running it being killed, across two
// real A-Cube processes on one PostgreSQL database (production's supervision timing, 10 s
// heartbeats): started through the API by an admin who logged in, its holder SIGKILLed mid-way,
// the other process takes it over within a minute and finishes it, and each booking is changed,
// audited and reported exactly once.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, runApp, type SpawnedApp, spawnApp, testDbKind } from '@campus/platform/testing';
import pg from 'pg';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

test('a 1,000-booking bulk job whose process is SIGKILLed is finished by the other within a minute, each booking once', {
  skip: testDbKind() !== 'postgres' && 'several processes share one database only on PostgreSQL',
  timeout: 180_000,
}, async () => {
  const db = await createEmptyDatabase('acube_bulk_kill');
  const dir = await mkdtemp(join(tmpdir(), 'acube-bulk-kill-'));
  const client = new pg.Client({ connectionString: db.url });
  const started: SpawnedApp[] = [];
  try {
    const env = (n: number) => ({
      PORT: '0',
      DATABASE_URL: db.url,
      DATA_DIR: join(dir, `d${n}`),
      DEMO_DATA: 'false',
      LOG_FILE: 'off',
      JOBS_HEARTBEAT_SECONDS: '10',
      // Ten chunks of 100, 1.5 s apart: the job outlives a heartbeat and can be killed mid-way.
      BULK_CHUNK_PAUSE_MS: '1500',
    });
    const password = 'a long and private passphrase';
    const created = await runApp(
      cli,
      ['create-admin', '--email', 'boss@acube.test', '--name', 'Boss'],
      env(0),
      60_000,
      `${password}\n`,
    );
    assert.equal(created.code, 0, created.stderr);
    for (const n of [1, 2]) started.push(await spawnApp(cli, env(n), { timeoutMs: 60_000 }));
    const [a] = started as [SpawnedApp, SpawnedApp];

    const login = await fetch(`${a.url}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@acube.test', password }),
    });
    assert.equal(login.status, 200);
    const authorization = `Bearer ${((await login.json()) as { access_token: string }).access_token}`;

    await client.connect();
    const { rows: made } = await client.query<{ id: string }>(
      `insert into bookings (reference, name, email, session_type, preferred_date, manage_token_hash, dedupe_key)
       select 'B-K' || g, 'P' || g, 'p' || g || '@example.org', 'individual', '2026-05-01', 'k-' || g, 'k-' || g
         from generate_series(1, 1000) g returning id`,
    );
    const ids = made.map((r) => r.id);
    const res = await fetch(`${a.url}/api/admin/bulk/status-update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ entity: 'sessions', ids, status: 'confirmed' }),
    });
    assert.equal(res.status, 202);
    const operationId = ((await res.json()) as { operation_id: string }).operation_id;
    const [op] = (
      await client.query<{ job_id: string }>('select job_id from bulk_operations where id = $1', [
        operationId,
      ])
    ).rows;
    const jobId = op?.job_id ?? '';
    const progress = async () =>
      (await client.query<{ done: number }>('select done from job_progress where job_id = $1', [jobId]))
        .rows[0]?.done ?? 0;

    await until('700 bookings done', async () => (await progress()) >= 700, 60_000);
    const ran = (p: SpawnedApp) => p.output().includes(`"jobId":"${jobId}"`);
    assert.equal(
      started.filter(ran).length,
      1,
      'one process holds the job: alive past its heartbeat, not taken over',
    );
    const holder = started.find(ran) as SpawnedApp;
    const other = started.find((p) => p !== holder) as SpawnedApp;
    await holder.stop('SIGKILL');
    const killedAt = Date.now();
    await until('the other process running the job', async () => ran(other), 60_000).catch(async (err) => {
      const job = await client.query(
        'select state, retry_count, heartbeat_on, heartbeat_seconds, start_after, output from pgboss.job where id = $1',
        [jobId],
      );
      console.log(JSON.stringify({ job: job.rows, progress: await progress() }), other.output().slice(-4000));
      throw err;
    });
    const takeoverMs = Date.now() - killedAt;
    assert.ok(takeoverMs < 60_000, `taken over within a minute (${takeoverMs} ms)`);
    const finished = await until(
      'the operation finished by the other process',
      async () => {
        const r = await fetch(`${other.url}/api/admin/bulk/operations/${operationId}`, {
          headers: { authorization },
        });
        const body = (await r.json()) as { status: string };
        return body.status === 'completed' || body.status === 'failed' ? body : undefined;
      },
      60_000,
    );
    console.log(
      `A-Cube bulk job taken over ${(takeoverMs / 1000).toFixed(1)} s and finished ${((Date.now() - killedAt) / 1000).toFixed(1)} s after its process was killed`,
    );
    assert.ok(
      other.output().includes('bulk operation resumed after its last committed chunk'),
      'resumed, not restarted',
    );
    assert.deepEqual(finished, {
      ...finished,
      status: 'completed',
      progress: { done: 1000, total: 1000 },
      done: 1000,
      missing: 0,
      failed: 0,
      not_attempted: 0,
    });
    const count = async (text: string, values: unknown[]) =>
      (await client.query<{ n: number }>(text, values)).rows[0]?.n;
    assert.equal(await count(`select count(*)::int as n from bookings where status = 'confirmed'`, []), 1000);
    assert.equal(
      await count(
        `select count(*)::int as n from audit_log where action = 'booking.status_changed' and entity_id = any($1)`,
        [ids],
      ),
      1000,
      'one audit row a booking',
    );
    assert.equal(
      await count(
        `select count(distinct x)::int as n from bulk_operations, jsonb_array_elements_text(outcome -> 'done') x where id = $1`,
        [operationId],
      ),
      1000,
    );
    const reportUrl = (finished as unknown as { report_url: string }).report_url;
    const report = await (await fetch(`${other.url}${reportUrl}`, { headers: { authorization } })).text();
    const lines = report.trim().split(/\r?\n/).slice(1);
    assert.equal(lines.length, 1000, 'the report names 1,000 lines');
    assert.equal(new Set(lines.map((l) => l.split(',')[0])).size, 1000, 'each booking once');
  } finally {
    for (const p of started) await p.stop('SIGKILL').catch(() => {});
    await client.end().catch(() => {});
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
});
