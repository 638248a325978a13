// Jobs across real processes on PostgreSQL: two workers and a schedule every minute run the
// handler exactly once per tick, and a job whose worker is SIGKILLed runs again after expiry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { testDbKind } from '../../src/testing/test-database.ts';
import { withProcesses } from './processes.ts';

const skip = testDbKind() !== 'postgres' && 'several processes share one database only on PostgreSQL';

test('two workers and a schedule every minute: the handler runs exactly once per tick, none missed', {
  skip,
  timeout: 330_000,
}, async () => {
  await withProcesses('jobs_cron', async ({ start, query }) => {
    const a = await start({ TICK_CRON: '* * * * *' });
    const b = await start({ TICK_CRON: '* * * * *' });
    const began = Date.now();
    // The first schedule pass after start also sends the occurrence missed just before it (pg-boss
    // catches a schedule up), in the same minute as the one due then: both are sent in that
    // minute, by design. So that minute is left out, and the two whole minutes after it must each
    // be sent once, with a margin for the last: a due tick is sent at the next schedule check
    // (every 5 s here) and then picked up by a worker. Each run is labelled with the minute its
    // job was sent (jobs-app/spec.ts).
    const catchUp = Math.ceil(began / 60_000) * 60_000;
    const firstTick = catchUp + 60_000;
    const lastTick = firstTick + 60_000;
    await sleep(lastTick - Date.now() + 40_000);
    const rows = await query<{ label: string; pid: number }>(
      `select label, pid from job_runs where queue = 'tick' order by ran_at`,
    );
    const catchUpMinute = new Date(catchUp).toISOString().slice(0, 16);
    const minutes = rows.map((r) => r.label).filter((m) => m > catchUpMinute);
    const expected = [0, 1].map((i) => new Date(firstTick + i * 60_000).toISOString().slice(0, 16));
    for (const minute of expected) {
      assert.equal(
        minutes.filter((m) => m === minute).length,
        1,
        `tick ${minute} was sent once: ${rows.map((r) => r.label).join(', ')}`,
      );
    }
    assert.equal(new Set(minutes).size, minutes.length, `no tick was sent twice: ${minutes.join(', ')}`);
    assert.ok(a.child.pid && b.child.pid);
  });
});

test('a job whose worker is SIGKILLed mid-run is picked up after its expiry and completes', {
  skip,
  timeout: 120_000,
}, async () => {
  await withProcesses('jobs_kill', async ({ start, query }) => {
    const first = await start({ SLOW_EXPIRE_SECONDS: '3' });
    const res = await fetch(`${first.url}/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'k', steps: 10, step_ms: 200 }),
    });
    const { job_id: jobId } = (await res.json()) as { job_id: string };
    for (let i = 0; i < 100; i++) {
      const begun = await query(`select 1 from job_runs where job_id = $1 and label = 'k:start'`, [jobId]);
      if (begun.length > 0) break;
      await sleep(100);
    }
    await first.stop('SIGKILL');
    const second = await start({ SLOW_EXPIRE_SECONDS: '3' });
    let done: { attempt: number; pid: number }[] = [];
    for (let i = 0; i < 600 && done.length === 0; i++) {
      done = await query(`select attempt, pid from job_runs where job_id = $1 and label = 'k:done'`, [jobId]);
      if (done.length === 0) await sleep(100);
    }
    assert.equal(done.length, 1, 'completed exactly once');
    assert.equal(done[0]?.pid, second.child.pid, 'by the second worker');
    assert.ok((done[0]?.attempt ?? 0) >= 1, 'as a retry of the killed run');
  });
});

test('ROLE=api enqueues but runs nothing; a ROLE=worker process runs it; SIGTERM lets a running job finish', {
  skip,
  timeout: 120_000,
}, async () => {
  await withProcesses('jobs_roles', async ({ start, query }) => {
    const api = await start({ ROLE: 'api' });
    const send = async (label: string) => {
      const res = await fetch(`${api.url}/slow`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ label, steps: 8, step_ms: 250 }),
      });
      return ((await res.json()) as { job_id: string }).job_id;
    };
    const jobId = await send('r');
    await sleep(2500);
    assert.deepEqual(
      await query(`select 1 from job_runs where job_id = $1`, [jobId]),
      [],
      'the api process ran nothing',
    );

    const worker = await start({ ROLE: 'worker' });
    for (let i = 0; i < 100; i++) {
      if ((await query(`select 1 from job_runs where job_id = $1 and label = 'r:start'`, [jobId])).length > 0)
        break;
      await sleep(100);
    }
    // Mid-job: SIGTERM. The worker finishes the job (2 s of work) before it exits, with 0.
    assert.equal(await worker.stop('SIGTERM'), 0);
    const done = await query<{ pid: number }>(
      `select pid from job_runs where job_id = $1 and label = 'r:done'`,
      [jobId],
    );
    assert.equal(done.length, 1, worker.output());
    assert.equal(done[0]?.pid, worker.child.pid);
  });
});
