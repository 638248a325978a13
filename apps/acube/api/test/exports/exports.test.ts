// Exports through the real A-Cube server: the audit log of 100,000 rows as a background job,
// mailed to the admin, downloadable by admins only, parsing to the right row count; and the
// streamed CSV of a record type.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokens } from '@campus/platform/auth/access-tokens.ts';
import { PasswordHasher } from '@campus/platform/auth/passwords.ts';
import { createTestApp, type TestApp } from '@campus/platform/testing/test-app.ts';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { admins } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

let t: TestApp;
let dir: string;
let staff = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-exports-'));
  t = await createTestApp(acubeSpec, {
    env: { DEMO_DATA: 'false', DATA_DIR: dir, PUBLIC_URL: 'https://acube.example' },
  });
  const [row] = await t.app.db
    .insert(admins)
    .values({
      email: 'exporter@acube.test',
      name: 'Exporter',
      role: 'staff',
      passwordHash: await new PasswordHasher().hash('z'.repeat(20)),
    })
    .returning();
  const tokens = new AccessTokens({
    appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'acube',
    clock: t.clock,
  });
  staff = `Bearer ${await tokens.sign({ sub: row?.id ?? '', roles: ['staff'], sid: crypto.randomUUID() })}`;
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

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

  let link = '';
  for (let i = 0; i < 1200 && !link; i++) {
    for (const f of (await readdir(join(dir, 'mail')).catch(() => [])).filter((x) => x.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(join(dir, 'mail', f)));
      const found = /https:\/\/acube\.example(\/api\/admin\/bulk\/export\/files\/[0-9a-f-]{36})/.exec(
        mail.text ?? '',
      );
      if (found?.[1] && mail.subject === 'Your export is ready: audit log') link = found[1];
    }
    if (!link) await sleep(100);
  }
  assert.ok(link, 'the admin is mailed a link');
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
