// The job and readiness gauges on a live /metrics of a started app, counted from pg-boss's real
// tables, on PGlite and on PostgreSQL (with Redis). The app runs as ROLE=api, so what is sent
// stays queued; a due job's wait and a failed job are set in the table as a worker would leave them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import parsePrometheus from 'parse-prometheus-text-format';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

let t: TestApp;
let base: string;
before(async () => {
  t = await createTestApp(jobsAppSpec, { env: { ROLE: 'api' } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
after(() => t.close());

test('a live /metrics names every queue with its counts, and readiness and Redis state', async () => {
  for (const text of ['a', 'b', 'c']) {
    const res = await fetch(`${base}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    assert.equal(res.status, 201);
  }
  const failing = await fetch(`${base}/fail`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'x' }),
  });
  const { job_id: failedId } = (await failing.json()) as { job_id: string };
  await t.app.db.execute(sql`
    UPDATE pgboss.job SET start_after = now() - interval '125 seconds', created_on = now() - interval '130 seconds'
     WHERE name = 'note-created' AND data->>'noteId' = '1'`);
  await t.app.db.execute(
    sql`UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE id = ${failedId}::uuid`,
  );
  await t.app.db.execute(sql`INSERT INTO pgboss.job (name, data) VALUES ('always-fails.dead', '{}')`);

  const res = await fetch(`${base}/metrics`);
  assert.equal(res.status, 200);
  const families = parsePrometheus(await res.text());
  const samples = (name: string) => families.find((f) => f.name === name)?.metrics ?? [];
  const value = (name: string, label: Record<string, string> = {}) => {
    const found = samples(name).find((m) => Object.entries(label).every(([k, v]) => m.labels?.[k] === v));
    return found ? Number(found.value) : undefined;
  };

  assert.equal(value('jobs_metrics_up'), 1);
  const queues = samples('jobs_queued').map((m) => m.labels?.queue);
  for (const queue of ['note-created', 'always-fails', 'slow', 'tick', 'mail'])
    assert.ok(queues.includes(queue), `jobs_queued{queue="${queue}"} in ${queues.join(', ')}`);
  assert.ok(!queues.some((q) => q?.endsWith('.dead')), 'dead-letter queues are counted with their queue');
  assert.equal(value('jobs_queued', { queue: 'note-created' }), 3);
  assert.equal(value('jobs_queued', { queue: 'always-fails' }), 0);
  assert.equal(value('jobs_active', { queue: 'note-created' }), 0);
  assert.equal(value('jobs_failed', { queue: 'always-fails' }), 1);
  assert.equal(value('jobs_failed_last_hour', { queue: 'always-fails' }), 1);
  assert.equal(value('jobs_dead_letter', { queue: 'always-fails' }), 1);
  const age = value('jobs_oldest_queued_age_seconds', { queue: 'note-created' }) ?? 0;
  assert.ok(age >= 125 && age < 200, `the oldest due job waited ${age} s`);
  assert.equal(value('jobs_oldest_queued_age_seconds', { queue: 'slow' }), 0);
  for (const m of samples('jobs_queued')) assert.equal(m.labels?.app, 'jobsfix');

  assert.equal(value('health_ready'), 1);
  for (const check of ['database', 'jobs', 'live']) assert.equal(value('health_check_up', { check }), 1);
  assert.equal(value('redis_degraded', { user: 'rate_limit' }), 0);
  assert.equal(value('redis_degraded', { user: 'live' }), 0);
  assert.ok(samples('http_requests_total').length > 0, 'beside the HTTP metrics');
});
