// The platform's job admin routes as A-Cube mounts them (/api/admin/jobs): superadmins see the
// queues with their counts and failed jobs, and cancel a waiting job (audited); staff are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditLog } from '@campus/platform/tables';
import { eq } from 'drizzle-orm';
import { type AcubeTest, startAcube } from '../helpers.ts';

let t: AcubeTest;
let boss = '';
let staff = '';
before(async () => {
  t = await startAcube();
  boss = (await t.admin('superadmin')).authorization;
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

const call = (method: 'GET' | 'POST', url: string, authorization?: string) =>
  t.app.inject({ method, url, ...(authorization ? { headers: { authorization } } : {}) });

test('a superadmin sees every queue with its counts and its failed jobs', async () => {
  const res = await call('GET', '/api/admin/jobs', boss);
  assert.equal(res.statusCode, 200, res.body);
  const names = (res.json().items as { name: string }[]).map((q) => q.name);
  for (const q of ['mail', 'audit-export']) assert.ok(names.includes(q), `${q} in ${names}`);
  const failed = await call('GET', '/api/admin/jobs/mail/failed', boss);
  assert.equal(failed.statusCode, 200);
  assert.deepEqual(failed.json().items, []);
  assert.equal((await call('GET', '/api/admin/jobs/no-such-queue/failed', boss)).statusCode, 404);
});

test('a superadmin cancels a waiting job, once, and the audit log records who', async () => {
  const jobId = await t.app.jobs.send(
    'audit-export',
    { adminId: 'nobody', filter: {} },
    { startAfter: new Date(Date.now() + 3600_000) },
  );
  assert.equal((await call('POST', `/api/admin/jobs/audit-export/${jobId}/cancel`, staff)).statusCode, 403);
  const res = await call('POST', `/api/admin/jobs/audit-export/${jobId}/cancel`, boss);
  assert.equal(res.statusCode, 204, res.body);
  assert.equal((await call('POST', `/api/admin/jobs/audit-export/${jobId}/cancel`, boss)).statusCode, 404);
  // The audit entry is written as the answer goes out.
  let entries: (typeof auditLog.$inferSelect)[] = [];
  for (let i = 0; i < 50 && entries.length === 0; i++) {
    entries = await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, jobId));
    if (entries.length === 0) await sleep(100);
  }
  assert.equal(entries.length, 1, 'one entry: the refused and the repeated cancel record nothing');
  assert.equal(entries[0]?.action, 'job.cancelled');
  assert.deepEqual(entries[0]?.changes, { queue: 'audit-export' });
  assert.ok(entries[0]?.actorId);
});

test('staff and anonymous callers are refused every job route', async () => {
  for (const [method, url] of [
    ['GET', '/api/admin/jobs'],
    ['GET', '/api/admin/jobs/mail/failed'],
    ['POST', `/api/admin/jobs/mail/${crypto.randomUUID()}/retry`],
    ['POST', `/api/admin/jobs/mail/${crypto.randomUUID()}/cancel`],
  ] as const) {
    assert.equal((await call(method, url, staff)).statusCode, 403, `${method} ${url} as staff`);
    assert.equal((await call(method, url)).statusCode, 401, `${method} ${url} anonymous`);
  }
});
