// The job admin routes as ATTN mounts them: an admin reads every queue with its counts, the
// failed jobs of one, and cancels a queued job; teachers, students and nobody are refused. The
// app runs as ROLE=api (no workers), so a queued sync stays queued until it is cancelled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoRoster } from '../../src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../src/modules/sis/simulator/sis-simulator.ts';
import { type AttnTest, startAttn } from '../helpers.ts';

interface Queue {
  name: string;
  queued: number;
  active: number;
  failed: number;
  dead: number;
  total: number;
}

describe('job admin routes', () => {
  let t: AttnTest;
  let sim: SisSimulator;

  before(async () => {
    sim = await startSisSimulator({ data: demoRoster({ students: 2 }) });
    t = await startAttn({ SIS_URL: sim.url, ROLE: 'api' });
  });
  after(async () => {
    await t?.close();
    await sim?.close();
  });

  const queues = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ url: '/api/admin/jobs', headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as Queue[];
  };

  test("an admin sees every one of ATTN's queues with its counts", async () => {
    const admin = await t.user('admin');
    const names = (await queues(admin.headers)).map((q) => q.name);
    for (const name of ['face-verify', 'face-verify-sweep', 'sis-sync', 'attn-sessions-close', 'auth-sweep'])
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    const failed = await t.app.inject({ url: '/api/admin/jobs/sis-sync/failed', headers: admin.headers });
    assert.equal(failed.statusCode, 200);
    assert.deepEqual(failed.json(), { items: [] });
    const unknown = await t.app.inject({
      url: '/api/admin/jobs/no-such-queue/failed',
      headers: admin.headers,
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'NOT_FOUND');
  });

  test('an admin cancels a queued sync once; a job that did not fail cannot be retried', async () => {
    const admin = await t.user('admin');
    const before = (await queues(admin.headers)).find((q) => q.name === 'sis-sync');
    const sent = await t.app.inject({ method: 'POST', url: '/api/admin/sis/sync', headers: admin.headers });
    assert.equal(sent.statusCode, 202, sent.body);
    const jobId = sent.json().job_id as string;
    const queued = (await queues(admin.headers)).find((q) => q.name === 'sis-sync');
    assert.equal(queued?.queued, (before?.queued ?? 0) + 1);

    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/admin/jobs/sis-sync/${jobId}/retry`,
      headers: admin.headers,
    });
    assert.equal(retry.statusCode, 404, 'only a failed job is run again');

    const cancel = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/jobs/sis-sync/${jobId}/cancel`,
        headers: admin.headers,
      });
    assert.equal((await cancel()).statusCode, 204);
    assert.equal(
      (await queues(admin.headers)).find((q) => q.name === 'sis-sync')?.queued,
      before?.queued ?? 0,
    );
    assert.equal((await cancel()).statusCode, 404, 'nothing left to cancel');
  });

  test('teachers and students are refused (403), nobody logged in too (401), and nothing changes', async () => {
    const admin = await t.user('admin');
    const sent = await t.app.inject({ method: 'POST', url: '/api/admin/sis/sync', headers: admin.headers });
    const jobId = sent.json().job_id as string;
    const teacher = await t.user('teacher');
    const student = await t.user('student');
    const requests = [
      { method: 'GET' as const, url: '/api/admin/jobs' },
      { method: 'GET' as const, url: '/api/admin/jobs/sis-sync/failed' },
      { method: 'POST' as const, url: `/api/admin/jobs/sis-sync/${jobId}/retry` },
      { method: 'POST' as const, url: `/api/admin/jobs/sis-sync/${jobId}/cancel` },
    ];
    for (const request of requests) {
      for (const [who, headers, status] of [
        ['teacher', teacher.headers, 403],
        ['student', student.headers, 403],
        ['nobody', {}, 401],
      ] as const) {
        const res = await t.app.inject({ ...request, headers });
        assert.equal(res.statusCode, status, `${who} ${request.method} ${request.url}`);
        assert.ok(res.json().error.code, 'the one error shape');
      }
    }
    // The job the others tried to cancel is still there for the admin to cancel.
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/admin/jobs/sis-sync/${jobId}/cancel`,
      headers: admin.headers,
    });
    assert.equal(cancel.statusCode, 204);
  });
});
