// Exports through the real A-Cube server: the audit log of 100,000 rows as a background job,
// mailed to the admin, downloadable by admins only, parsing to the right row count; and the
// streamed CSV of a record type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { type AcubeTest, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
before(async () => {
  t = await startAcube();
  staff = (await t.admin('staff', 'exporter@acube.test')).authorization;
});
after(() => t.close());

test('the audit export of 100,000 rows runs in the background, is mailed, downloads for admins only, and parses to 100,000 rows', {
  timeout: 180_000,
}, async () => {
  await t.app.db.execute(sql`
    insert into audit_log (at, actor_id, action, entity, entity_id, changes)
    select now(), 'admin-' || (g % 7), 'booking.status_changed', 'load', g::text,
           jsonb_build_object('status', jsonb_build_object('from', 'pending', 'to', '=cmd|calc'))
      from generate_series(1, 100000) g`);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/bulk/export/audit-logs',
    payload: { entity: 'load' },
    headers: { authorization: staff },
  });
  assert.equal(res.statusCode, 202);
  assert.equal(res.json().processing, 'background');
  assert.equal(
    (await t.app.inject({ method: 'POST', url: '/api/admin/bulk/export/audit-logs', payload: {} }))
      .statusCode,
    401,
  );

  const mail = await t.mail((m) => m.subject === 'Your export is ready: audit log', 'the export mail');
  // The mail links the panel's download page, which fetches the file through the API with the token.
  const fileId = /https:\/\/acube\.example\/admin\/downloads\/([0-9a-f-]{36})/.exec(mail.text ?? '')?.[1];
  assert.ok(fileId, 'the admin is mailed a link to the panel');
  const link = `/api/admin/bulk/export/files/${fileId}`;
  assert.equal((await t.app.inject({ url: link })).statusCode, 401, 'refused without an admin token');
  const download = await t.app.inject({ url: link, headers: { authorization: staff } });
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-type']), /^text\/csv/);
  const records = parse(download.rawPayload, { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(records.length, 100_000);
  assert.equal(records[0]?.entity, 'load');
  assert.deepEqual(JSON.parse(records[0]?.changes ?? '{}'), { status: { from: 'pending', to: '=cmd|calc' } });
});

test('a record type streams as CSV for admins, with formula cells neutralised', async () => {
  await t.app.inject({
    method: 'POST',
    url: '/api/contact',
    payload: { name: '=HYPERLINK("http://evil.example")', email: 'x@example.org', message: 'hello' },
  });
  assert.equal((await t.app.inject({ url: '/api/admin/bulk/export/contact' })).statusCode, 401);
  const res = await t.app.inject({
    url: '/api/admin/bulk/export/contact',
    headers: { authorization: staff },
  });
  assert.equal(res.statusCode, 200);
  const records = parse(res.rawPayload, { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(records.length, 1);
  assert.equal(records[0]?.name, `'=HYPERLINK("http://evil.example")`);
  assert.equal(
    (await t.app.inject({ url: '/api/admin/bulk/export/secrets', headers: { authorization: staff } }))
      .statusCode,
    400,
  );
});
