// Bulk operations through the real A-Cube server: up to 100 in the request; 250 as a job with
// progress, a report file and a report mail; a chunk that fails part-way changes nothing of
// that chunk and stops the job, and the report says so; a job run again after its worker died
// resumes after the last committed chunk, each record changed, audited and reported once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditLog, jobProgress } from '@campus/platform/tables';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { bookings, bulkOperations } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let boss = '';
let staff = '';
before(async () => {
  t = await startAcube();
  boss = (await t.admin('superadmin')).authorization;
  staff = (await t.admin('staff', 'staff@acube.test')).authorization;
});
after(() => t.close());

async function someBookings(n: number, tag: string): Promise<string[]> {
  const rows = await t.app.db
    .insert(bookings)
    .values(
      Array.from({ length: n }, (_, i) => ({
        reference: `B-${tag}${i}`,
        name: `P${i}`,
        email: `p${i}@example.org`,
        sessionType: 'individual' as const,
        preferredDate: '2026-05-01',
        manageTokenHash: `${tag}-${i}`,
        dedupeKey: `${tag}-${i}`,
      })),
    )
    .returning({ id: bookings.id });
  return rows.map((r) => r.id);
}
const post = (path: string, body: object, auth = staff) =>
  t.app.inject({
    method: 'POST',
    url: `/api/admin/bulk/${path}`,
    payload: body,
    headers: { authorization: auth },
  });
const statuses = async (ids: string[]) =>
  (await t.app.db.select({ status: bookings.status }).from(bookings).where(inArray(bookings.id, ids))).map(
    (r) => r.status,
  );

async function operationDone(id: string) {
  for (let i = 0; i < 600; i++) {
    const op = (
      await t.app.inject({ url: `/api/admin/bulk/operations/${id}`, headers: { authorization: staff } })
    ).json();
    if (op.status === 'completed' || op.status === 'failed') return op;
    await sleep(100);
  }
  throw new Error('the bulk operation did not finish');
}
const reportMail = (subjectStart: string) =>
  t.mail(
    (m) => Boolean(m.subject?.startsWith(subjectStart)) && sentTo(m) === 'staff@acube.test',
    `"${subjectStart}"`,
  );

test('up to 100 ids are done in the request, in one transaction, audited; delete is for superadmins', async () => {
  const ids = await someBookings(3, 'now');
  const res = await post('status-update', {
    entity: 'sessions',
    ids: [...ids, crypto.randomUUID()],
    status: 'completed',
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().processing, 'immediate');
  assert.equal(res.json().done, 3);
  assert.equal(res.json().missing.length, 1);
  assert.deepEqual(await statuses(ids), ['completed', 'completed', 'completed']);
  const audits = await t.app.db.select().from(auditLog).where(inArray(auditLog.entityId, ids));
  assert.equal(audits.length, 3);
  assert.equal(
    (await post('status-update', { entity: 'sessions', ids, status: 'archived' })).statusCode,
    400,
  );

  assert.equal((await post('delete', { entity: 'sessions', ids }, staff)).statusCode, 403);
  const deleted = await post('delete', { entity: 'sessions', ids }, boss);
  assert.equal(deleted.json().done, 3);
  assert.deepEqual(await statuses(ids), []);
});

test('250 bookings: a background job in chunks, progress to 250 of 250, a report file and a report mail', async () => {
  const ids = await someBookings(250, 'job');
  const res = await post('status-update', { entity: 'sessions', ids, status: 'confirmed' });
  assert.equal(res.statusCode, 202);
  assert.equal(res.json().processing, 'background');
  const op = await operationDone(res.json().operation_id);
  assert.equal(op.status, 'completed');
  assert.deepEqual(op.progress, { done: 250, total: 250 });
  assert.equal(op.done, 250);
  assert.ok((await statuses(ids)).every((s) => s === 'confirmed'));
  const mail = await reportMail('Bulk status-update of sessions: done');
  assert.match(String(mail.text), /250 of 250 done, 0 not found, 0 failed, 0 not attempted/);
  const report = await t.app.inject({ url: op.report_url, headers: { authorization: staff } });
  const rows = parse(report.rawPayload, { columns: true, bom: true }) as { id: string; outcome: string }[];
  assert.equal(rows.filter((r) => r.outcome === 'done').length, 250);
});

test('a chunk that fails part-way changes nothing of that chunk, stops the job, and the report says so', async () => {
  const ids = await someBookings(250, 'fail');
  // The database refuses one row of the second chunk: its first 49 rows are updated before it.
  const poisoned = ids[149];
  await t.app.db.execute(
    sql.raw(`
    create function refuse_poisoned() returns trigger language plpgsql as $$
    begin if new.id = '${poisoned}' then raise exception 'refused for the test'; end if; return new; end $$`),
  );
  await t.app.db.execute(
    sql.raw(
      'create trigger refuse_poisoned before update on bookings for each row execute function refuse_poisoned()',
    ),
  );
  try {
    const res = await post('status-update', { entity: 'sessions', ids, status: 'no-show' });
    const op = await operationDone(res.json().operation_id);
    assert.equal(op.status, 'failed');
    assert.deepEqual(
      { done: op.done, failed: op.failed, not_attempted: op.not_attempted },
      { done: 100, failed: 100, not_attempted: 50 },
    );
    assert.match(op.error, /chunk 2 of 3 failed and changed nothing/);
    const after = await statuses(ids.slice(100, 200));
    assert.ok(
      after.every((s) => s === 'pending'),
      'nothing of the failed chunk changed',
    );
    assert.ok((await statuses(ids.slice(0, 100))).every((s) => s === 'no-show'));
    assert.ok((await statuses(ids.slice(200))).every((s) => s === 'pending'));
    const mail = await reportMail('Bulk status-update of sessions: stopped');
    assert.match(String(mail.text), /100 of 250 done, 0 not found, 100 failed, 50 not attempted/);
  } finally {
    await t.app.db.execute(sql.raw('drop trigger refuse_poisoned on bookings'));
    await t.app.db.execute(sql.raw('drop function refuse_poisoned()'));
  }
});

test('a job run again after its worker died resumes after the last committed chunk: each record once in changes, audit and report', async () => {
  const ids = await someBookings(250, 'resume');
  const adminId = crypto.randomUUID();
  // What a run killed after its first chunk left: the operation with that chunk's outcome, and
  // the job's progress at 100 (the chunk's records themselves are left pending here, so that a
  // second change of them would show).
  const [op] = await t.app.db
    .insert(bulkOperations)
    .values({
      adminId,
      action: 'status-update',
      entity: 'sessions',
      total: 250,
      status: 'running',
      outcome: { done: ids.slice(0, 100), missing: [], failed: [], not_attempted: [] },
    })
    .returning();
  assert.ok(op);
  const jobId = await t.app.jobs.send(
    'bulk-operation',
    {
      operationId: op.id,
      adminId,
      request: { action: 'status-update', entity: 'sessions', ids, status: 'confirmed' },
    },
    { startAfter: new Date(Date.now() + 2000) },
  );
  await t.app.db.update(bulkOperations).set({ jobId }).where(eq(bulkOperations.id, op.id));
  await t.app.db
    .insert(jobProgress)
    .values({ jobId, queue: 'bulk-operation', done: 100, total: 250, updatedAt: new Date() });

  let row = op;
  for (let i = 0; i < 300 && row.status === 'running'; i++) {
    await sleep(100);
    const [now] = await t.app.db.select().from(bulkOperations).where(eq(bulkOperations.id, op.id));
    assert.ok(now);
    row = now;
  }
  assert.equal(row.status, 'completed');
  assert.ok(
    (await statuses(ids.slice(0, 100))).every((s) => s === 'pending'),
    'the committed chunk is not done again',
  );
  assert.ok((await statuses(ids.slice(100))).every((s) => s === 'confirmed'));
  const audited = await t.app.db
    .select({ id: auditLog.entityId })
    .from(auditLog)
    .where(and(inArray(auditLog.entityId, ids), eq(auditLog.requestId, `job:${jobId}`)));
  assert.deepEqual(
    audited.map((a) => a.id).sort(),
    ids.slice(100).sort(),
    'one audit row a record this run changed',
  );
  const [progress] = await t.app.db.select().from(jobProgress).where(eq(jobProgress.jobId, jobId));
  assert.equal(progress?.done, 250);
  assert.ok(row.reportFileId);
  const report = await t.app.inject({
    url: `/api/admin/bulk/export/files/${row.reportFileId}`,
    headers: { authorization: boss },
  });
  const lines = parse(report.rawPayload, { columns: true, bom: true }) as { id: string; outcome: string }[];
  assert.equal(lines.length, 250);
  assert.equal(new Set(lines.map((l) => l.id)).size, 250, 'each record once in the report');
  assert.ok(lines.every((l) => l.outcome === 'done'));
});
