// Jobs through a real app on the real platform, on PGlite and on PostgreSQL: enqueue inside
// the transaction of the change, retries with back-off into the dead-letter queue, the admin
// routes, progress, chunked jobs that resume after their last committed chunk.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, gte, lt } from 'drizzle-orm';
import { ChunkFailedError, JobTakenOverError, runInChunks } from '../../src/jobs/chunked-run.ts';
import { jobProgress } from '../../src/jobs/schema.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { BULK_NOTES_QUEUE } from '../fixtures/jobs-app/bulk-notes.ts';
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

test('a chunked job resumes after the chunks an earlier run committed: those records are not changed again', async () => {
  const made = await t.app.db
    .insert(notes)
    .values(Array.from({ length: 300 }, () => ({ text: 'r' })))
    .returning({ id: notes.id });
  const from = Math.min(...made.map((n) => n.id));
  const jobId = await t.app.jobs.send(
    BULK_NOTES_QUEUE,
    { from, count: 300, size: 50, stepMs: 0 },
    { startAfter: new Date(Date.now() + 2000) },
  );
  // As if a killed run had committed the first two chunks.
  await t.app.db
    .insert(jobProgress)
    .values({ jobId, queue: BULK_NOTES_QUEUE, done: 100, total: 300, updatedAt: new Date() });
  const done = await until('the resumed job', async () =>
    (await runs(BULK_NOTES_QUEUE)).find((r) => r.jobId === jobId && r.label.startsWith('done:')),
  );
  assert.equal(done.label, 'done:100');
  const texts = async (lo: number, hi: number) =>
    (
      await t.app.db
        .select()
        .from(notes)
        .where(and(gte(notes.id, lo), lt(notes.id, hi)))
    ).map((n) => n.text);
  assert.ok(
    (await texts(from, from + 100)).every((x) => x === 'r'),
    'the committed chunks are not done again',
  );
  const rest = await texts(from + 100, from + 300);
  assert.equal(rest.length, 200);
  assert.ok(
    rest.every((x) => x === 'r+'),
    'the rest is done once',
  );
  const [progress] = await t.app.db.select().from(jobProgress).where(eq(jobProgress.jobId, jobId));
  assert.equal(progress?.done, 300);
});

test('runInChunks: a failed chunk commits nothing and stops; the next run starts at it; a run whose progress moved on stops', async () => {
  const deps = { db: t.app.db, clock: { now: () => new Date() } };
  const job = { id: randomUUID(), queue: 'test-chunks' };
  const ran: number[] = [];
  const failing = runInChunks(deps, job, { total: 260, size: 50 }, async (range, tx) => {
    await tx.insert(notes).values({ text: `chunk ${range.index}` });
    if (range.index === 2) throw new Error('chunk 2 breaks');
    ran.push(range.index);
  });
  const err = await failing.then(
    () => assert.fail('the run should fail'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ChunkFailedError && err.range.index === 2);
  assert.equal(
    (await t.app.db.select().from(notes).where(eq(notes.text, 'chunk 2'))).length,
    0,
    'rolled back',
  );
  const began = performance.now();
  const second = await runInChunks(deps, job, { total: 260, size: 50, pauseMs: 60 }, async (range) => {
    ran.push(range.index);
  });
  assert.deepEqual(second, { resumedAt: 100, chunks: 4 });
  assert.ok(performance.now() - began >= 170, 'a pause between each two chunks');
  assert.deepEqual(ran, [0, 1, 2, 3, 4, 5], 'every chunk once');

  // Another run committed to a point this run did not expect: it stops, its chunk rolled back.
  const other = { id: randomUUID(), queue: 'test-chunks' };
  await t.app.db
    .insert(jobProgress)
    .values({ jobId: other.id, queue: 'test-chunks', done: 30, total: 100, updatedAt: new Date() });
  let called = 0;
  await assert.rejects(
    runInChunks(deps, other, { total: 100, size: 50 }, async () => {
      called++;
    }),
    JobTakenOverError,
  );
  assert.equal(called, 0);
});
