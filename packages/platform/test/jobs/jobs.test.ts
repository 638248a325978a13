// Jobs through a real app on the real platform, on PGlite and on PostgreSQL: enqueue inside
// the transaction of the change, retries with back-off into the dead-letter queue, the admin
// routes, progress.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { jobRuns, notes } from '../fixtures/jobs-app/schema.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp(jobsAppSpec);
});
after(() => t.close());

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const runs = (queue: string) => t.app.db.select().from(jobRuns).where(eq(jobRuns.queue, queue));

test('a job enqueued in a transaction that rolls back never runs; one that commits runs once', async () => {
  const failed = await t.app.inject({
    method: 'POST',
    url: '/notes',
    payload: { text: 'no', fail_after_enqueue: true },
  });
  assert.equal(failed.statusCode, 500);
  const ok = await t.app.inject({ method: 'POST', url: '/notes', payload: { text: 'yes' } });
  assert.equal(ok.statusCode, 201);
  const { id } = ok.json();
  await until('the committed job', async () => (await runs('note-created')).length > 0);
  await sleep(1500); // two more polling rounds: nothing else may turn up
  const done = await runs('note-created');
  assert.deepEqual(
    done.map((r) => r.label),
    [String(id)],
  );
  assert.equal((await t.app.db.select().from(notes)).length, 1, 'the rolled-back note is gone too');
});

test('a job that always fails retries with growing delays, lands in the dead-letter queue, and an admin retry runs it again', async () => {
  const sent = await t.app.inject({ method: 'POST', url: '/fail', payload: { label: 'doomed' } });
  const jobId = sent.json().job_id;
  const dead = await until('the dead-lettered job', async () => {
    const list = await t.app.inject({ url: '/admin/jobs/always-fails/failed' });
    return list.json().items.find((j: { state: string }) => j.state === 'dead');
  });
  const attempts = (await runs('always-fails')).filter((r) => r.jobId === jobId);
  assert.equal(attempts.length, 3, 'the first run and two retries');
  const gaps = attempts.slice(1).map((r, i) => r.ranAt.getTime() - (attempts[i]?.ranAt.getTime() ?? 0));
  assert.ok((gaps[1] ?? 0) > (gaps[0] ?? 0), `delays grow: ${gaps.join(', ')} ms`);
  assert.equal(dead.retry_count, 2);
  assert.match(dead.error, /cannot do doomed/);

  const queues = (await t.app.inject({ url: '/admin/jobs' })).json().items;
  assert.equal(queues.find((q: { name: string }) => q.name === 'always-fails').dead, 1);

  const retried = await t.app.inject({ method: 'POST', url: `/admin/jobs/always-fails/${dead.id}/retry` });
  assert.equal(retried.statusCode, 202);
  const newId = retried.json().job_id;
  await until('the retried job to run', async () =>
    (await runs('always-fails')).some((r) => r.jobId === newId),
  );
  const after = (await t.app.inject({ url: '/admin/jobs/always-fails/failed' })).json().items;
  assert.ok(!after.some((j: { id: string }) => j.id === dead.id), 'the dead copy is gone');
  assert.equal(
    (await t.app.inject({ method: 'POST', url: `/admin/jobs/always-fails/${dead.id}/retry` })).statusCode,
    404,
  );
  assert.equal((await t.app.inject({ url: '/admin/jobs/nope/failed' })).statusCode, 404);
});

test('a long job reports progress that the API can read', async () => {
  const sent = await t.app.inject({
    method: 'POST',
    url: '/slow',
    payload: { label: 'p', steps: 4, step_ms: 150 },
  });
  const jobId = sent.json().job_id;
  const partial = await until('some progress', async () => {
    const res = await t.app.inject({ url: `/jobs/${jobId}/progress` });
    return res.statusCode === 200 ? (res.json() as { done: number; total: number }) : undefined;
  });
  assert.equal(partial.total, 4);
  await until(
    'all steps',
    async () => (await t.app.inject({ url: `/jobs/${jobId}/progress` })).json().done === 4,
  );
});

test('an admin can cancel a waiting job, once', async () => {
  const id = await t.app.jobs.send(
    'slow',
    { label: 'later', steps: 1, stepMs: 1 },
    { startAfter: new Date(Date.now() + 3600_000) },
  );
  const queued = (await t.app.inject({ url: '/admin/jobs' }))
    .json()
    .items.find((q: { name: string }) => q.name === 'slow');
  assert.ok(queued.queued >= 1);
  assert.equal(
    (await t.app.inject({ method: 'POST', url: `/admin/jobs/slow/${id}/cancel` })).statusCode,
    204,
  );
  assert.equal(
    (await t.app.inject({ method: 'POST', url: `/admin/jobs/slow/${id}/cancel` })).statusCode,
    404,
  );
});

test('a payload that does not match the queue schema is refused on enqueue', async () => {
  await assert.rejects(t.app.jobs.send('slow', { label: 1 }), /payload for "slow" is invalid/);
  await assert.rejects(t.app.jobs.send('missing', {}), /no queue named "missing"/);
});

test('/health/ready reports the job system', async () => {
  const ready = (await t.app.inject({ url: '/health/ready' })).json();
  assert.equal(ready.checks.jobs.status, 'up');
});
