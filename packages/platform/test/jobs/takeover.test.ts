// A bulk job survives its worker being killed, across real processes on PostgreSQL: two worker
// processes with 10 s heartbeats (JOBS_HEARTBEAT_SECONDS, pg-boss's least); a 1,000-note job in
// chunks of 50 runs longer than a heartbeat (a live job is never taken over), the process
// holding it is SIGKILLed mid-way, and the other process takes it over within a minute, resumes
// after the last committed chunk and finishes it: every note changed once, one audit row each,
// progress 1,000 of 1,000.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SpawnedApp } from '../../src/testing/spawn-app.ts';
import { testDbKind } from '../../src/testing/test-database.ts';
import { withProcesses } from './processes.ts';

const skip = testDbKind() !== 'postgres' && 'several processes share one database only on PostgreSQL';

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

test('a bulk job whose worker is SIGKILLed mid-way is finished by the other process within a minute, each record once', {
  skip,
  timeout: 150_000,
}, async () => {
  await withProcesses('jobs_takeover', async ({ start, query }) => {
    const env = { JOBS_HEARTBEAT_SECONDS: '10' };
    const workers = [await start(env), await start(env)];
    const [first] = await query<{ id: number }>(
      `insert into notes (text) select 'n' from generate_series(1, 1000) returning id`,
    );
    const from = Math.min(...(await query<{ id: number }>(`select id from notes`)).map((r) => r.id));
    assert.ok(first);
    const res = await fetch(`${workers[0]?.url}/bulk-notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, count: 1000, size: 50, step_ms: 800 }),
    });
    assert.equal(res.status, 202);
    const { job_id: jobId } = (await res.json()) as { job_id: string };
    const progress = async () =>
      (await query<{ done: number }>(`select done from job_progress where job_id = $1`, [jobId]))[0]?.done ??
      0;

    // Past one heartbeat (13 chunks of 0.8 s) the job is still with its first process: alive, it
    // is never taken over.
    await until('650 notes done', async () => (await progress()) >= 650, 40_000);
    const starts = await query<{ pid: number; attempt: number }>(
      `select pid, attempt from job_runs where job_id = $1 and label = 'start'`,
      [jobId],
    );
    assert.equal(starts.length, 1, 'one run so far: the live job was not taken over');
    const holder = workers.find((w) => w.child.pid === starts[0]?.pid) as SpawnedApp;
    const other = workers.find((w) => w !== holder) as SpawnedApp;
    assert.ok(holder && other);

    await holder.stop('SIGKILL');
    const killedAt = Date.now();
    const killedAtDone = await progress();
    const done = await until(
      'the job done by the other process',
      async () =>
        (
          await query<{ label: string; pid: number }>(
            `select label, pid from job_runs where job_id = $1 and label like 'done:%'`,
            [jobId],
          )
        )[0],
      60_000,
    );
    const tookOver = await query<{ ran_at: Date }>(
      `select ran_at from job_runs where job_id = $1 and label = 'start' order by ran_at`,
      [jobId],
    );
    const takeoverMs = (tookOver[1]?.ran_at.getTime() ?? Number.NaN) - killedAt;
    console.log(
      `takeover after SIGKILL: ${(takeoverMs / 1000).toFixed(1)} s; finished after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`,
    );
    assert.ok(takeoverMs < 60_000, `taken over within a minute (${takeoverMs} ms)`);
    assert.equal(done.pid, other.child.pid, 'finished by the other process');
    const resumedAt = Number(done.label.slice('done:'.length));
    assert.ok(
      resumedAt >= killedAtDone && resumedAt < 1000 && resumedAt % 50 === 0,
      `resumed at ${resumedAt}`,
    );

    const notes = await query<{ text: string; n: number }>(
      `select text, count(*)::int as n from notes group by text`,
    );
    assert.deepEqual(notes, [{ text: 'n+', n: 1000 }], 'every note changed exactly once');
    const [audit] = await query<{ rows: number; notes: number }>(
      `select count(*)::int as rows, count(distinct entity_id)::int as notes from audit_log where action = 'note.bulk_marked'`,
    );
    assert.deepEqual(audit, { rows: 1000, notes: 1000 }, 'one audit row a note');
    const [stored] = await query<{ done: number; total: number }>(
      `select done, total from job_progress where job_id = $1`,
      [jobId],
    );
    assert.deepEqual(stored, { done: 1000, total: 1000 });
    const [job] = await query<{ state: string }>(`select state::text from pgboss.job where id = $1`, [jobId]);
    assert.equal(job?.state, 'completed');
  });
});
