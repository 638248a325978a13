// Events for staff through the real A-Cube server: create (the seed's POST /api/events, now for
// admins), publish, edit, cancel with a mail to every registrant.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokens } from '@campus/platform/auth/access-tokens.ts';
import { PasswordHasher } from '@campus/platform/auth/passwords.ts';
import { createTestApp, type TestApp } from '@campus/platform/testing/test-app.ts';
import { simpleParser } from 'mailparser';
import { admins } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

let t: TestApp;
let dir: string;
let staff = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-events-'));
  t = await createTestApp(acubeSpec, { env: { DEMO_DATA: 'false', DATA_DIR: dir } });
  const [row] = await t.app.db
    .insert(admins)
    .values({
      email: 'ev@acube.test',
      name: 'Ev',
      role: 'staff',
      passwordHash: await new PasswordHasher().hash('q'.repeat(20)),
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

const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { authorization: staff } });

test('create a draft, publish it, people register, cancel it: every registrant is mailed', async () => {
  const body = { title: 'Art & <healing>', starts_at: '2026-07-01T17:00:00Z', capacity: 1 };
  assert.equal(
    (await t.app.inject({ method: 'POST', url: '/api/events', payload: body })).statusCode,
    401,
    'no longer public',
  );
  const created = await as('POST', '/api/events', body);
  assert.equal(created.statusCode, 201);
  const id = created.json().id;
  assert.equal(created.json().status, 'draft');
  assert.equal((await t.app.inject({ url: `/api/events/${id}` })).statusCode, 404, 'a draft is not public');
  assert.equal((await as('POST', `/api/admin/events/${id}/publish`)).json().status, 'published');
  assert.equal(
    (await as('PATCH', `/api/admin/events/${id}`, { location: 'Hall B' })).json().location,
    'Hall B',
  );
  assert.equal((await t.app.inject({ url: `/api/events/${id}` })).statusCode, 200);

  for (const email of ['r1@example.org', 'r2@example.org']) {
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${id}/register`,
      payload: { name: 'Reg', email },
    });
  }
  const regs = (await as('GET', `/api/admin/events/${id}/registrations`)).json().items;
  assert.deepEqual(
    regs.map((r: { status: string; position: number | null }) => [r.status, r.position]),
    [
      ['confirmed', null],
      ['waiting', 1],
    ],
  );

  const cancelled = await as('POST', `/api/admin/events/${id}/cancel`);
  assert.equal(cancelled.statusCode, 200);
  assert.equal(cancelled.json().notified, 2);
  assert.equal((await as('POST', `/api/admin/events/${id}/cancel`)).statusCode, 409);
  for (const email of ['r1@example.org', 'r2@example.org']) {
    let found = false;
    for (let i = 0; i < 200 && !found; i++) {
      for (const f of (await readdir(join(dir, 'mail')).catch(() => [])).filter((x) => x.endsWith('.eml'))) {
        const m = await simpleParser(await readFile(join(dir, 'mail', f)));
        if (m.to && 'text' in m.to && m.to.text === email && m.subject === 'Cancelled: Art & <healing>') {
          assert.match(String(m.html), /Art &amp; &lt;healing&gt;/);
          found = true;
        }
      }
      if (!found) await sleep(100);
    }
    assert.ok(found, `cancellation mail to ${email}`);
  }
});
