// The audit log through a real app, on PGlite and PostgreSQL: written in the change's
// transaction, refused UPDATE/DELETE/TRUNCATE by the database, keyset pages, CSV export.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { AuditLog } from '../../src/audit/audit-log.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { notes } from '../fixtures/jobs-app/schema.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

let t: TestApp;
let audit: AuditLog;
before(async () => {
  t = await createTestApp(jobsAppSpec);
  audit = new AuditLog(t.clock);
});
after(() => t.close());

test('a change is audited in its own transaction: committed with it, or not at all', async () => {
  const [note] = await t.app.db.insert(notes).values({ text: 'first' }).returning();
  const ok = await t.app.inject({
    method: 'PATCH',
    url: `/notes/${note?.id}`,
    payload: { text: 'second text' },
    headers: { 'x-request-id': 'req-audit-1' },
  });
  assert.equal(ok.statusCode, 204);
  const failed = await t.app.inject({
    method: 'PATCH',
    url: `/notes/${note?.id}`,
    payload: { text: 'x', fail: true },
  });
  assert.equal(failed.statusCode, 500);
  const { items } = (await t.app.inject({ url: '/admin/audit?entity=note' })).json();
  assert.equal(items.length, 1);
  assert.deepEqual(
    { ...items[0], id: 0, at: '' },
    {
      id: 0,
      at: '',
      actor_id: null,
      action: 'note.edited',
      entity: 'note',
      entity_id: String(note?.id),
      changes: { length: { from: 5, to: 11 } },
      ip: '127.0.0.1',
      request_id: 'req-audit-1',
    },
  );
});

test('UPDATE, DELETE and TRUNCATE on the audit table are refused by the database itself', async () => {
  await audit.record(t.app.db, { action: 'x.y', entity: 'x' });
  for (const statement of [
    sql`update audit_log set action = 'forged'`,
    sql`delete from audit_log`,
    sql`truncate audit_log`,
  ]) {
    await assert.rejects(t.app.db.execute(statement), (err: Error & { cause?: Error }) => {
      assert.match(String(err.cause?.message ?? err.message), /append-only/);
      return true;
    });
  }
  const result = (await t.app.db.execute(
    sql`select count(*)::int as n from audit_log where action = 'forged'`,
  )) as unknown as { rows: { n: number }[] };
  const row = result.rows[0];
  assert.equal(row?.n, 0);
});

test('reads filter by actor, action, entity and time, newest first, in keyset pages', async () => {
  t.clock.set('2026-05-01T00:00:00Z');
  for (let i = 0; i < 120; i++) {
    t.clock.advance(60_000);
    await audit.record(t.app.db, {
      actorId: i % 2 ? 'admin-a' : 'admin-b',
      action: i % 3 ? 'booking.updated' : 'booking.deleted',
      entity: 'booking',
      entityId: i,
    });
  }
  const page = async (query: string) => (await t.app.inject({ url: `/admin/audit?${query}` })).json();
  const first = await page('entity=booking&limit=50');
  assert.equal(first.items.length, 50);
  assert.equal(first.items[0].entity_id, '119');
  const second = await page(`entity=booking&limit=50&before=${first.next_before}`);
  assert.equal(second.items[0].entity_id, '69');
  const third = await page(`entity=booking&limit=50&before=${second.next_before}`);
  assert.equal(third.items.length, 20);
  assert.equal(third.next_before, null);

  const deletedByA = await page('actor_id=admin-a&action=booking.deleted&limit=200');
  assert.ok(
    deletedByA.items.every(
      (r: { actor_id: string; action: string }) => r.actor_id === 'admin-a' && r.action === 'booking.deleted',
    ),
  );
  assert.equal(deletedByA.items.length, 20);
  const window = await page('entity=booking&from=2026-05-01T00:10:00Z&to=2026-05-01T00:20:00Z&limit=200');
  assert.equal(window.items.length, 10);
  assert.equal((await t.app.inject({ url: '/admin/audit?limit=0' })).statusCode, 400);
  // Beyond bigint: refused as bad input, not passed to the database (found by the fuzz suite).
  const huge = await t.app.inject({ url: '/admin/audit?before=99999999999999999999999' });
  assert.equal(huge.statusCode, 400, huge.body);
  assert.equal(huge.json().error.code, 'VALIDATION_FAILED');
});

test('the CSV export streams every row present when it began, with formula cells neutralised', async () => {
  await audit.record(t.app.db, {
    action: 'upload.renamed',
    entity: 'upload',
    entityId: '=HYPERLINK("http://evil.example")',
  });
  const res = await t.app.inject({ url: '/admin/audit/export.csv?entity=upload' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  const lines = res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], 'id,at,actor_id,action,entity,entity_id,changes,ip,request_id');
  assert.equal(lines.length, 2);
  assert.match(lines[1] ?? '', /,"'=HYPERLINK\(""http:\/\/evil\.example""\)",/);

  const batches = audit.batches(t.app.db, { entity: 'booking' }, 50);
  const firstBatch = await batches.next();
  await audit.record(t.app.db, { action: 'booking.updated', entity: 'booking', entityId: 'late' });
  let seen = firstBatch.value?.length ?? 0;
  for await (const batch of batches) seen += batch.length;
  assert.equal(seen, 120, 'a row added during the export is not in it');
});
