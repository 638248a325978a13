// Volunteer applications and contact messages through the real A-Cube server: acknowledged by
// mail without the free text, repeats within ten minutes answered with the first reference, and
// readable and changeable by admins only.
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
import { admins, auditLog } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

let t: TestApp;
let dir: string;
let staff = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-forms-'));
  t = await createTestApp(acubeSpec, { env: { DEMO_DATA: 'false', DATA_DIR: dir } });
  const [row] = await t.app.db
    .insert(admins)
    .values({
      email: 's@acube.test',
      name: 'S',
      role: 'staff',
      passwordHash: await new PasswordHasher().hash('y'.repeat(20)),
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

async function mailTo(address: string) {
  for (let i = 0; i < 200; i++) {
    const files = (await readdir(join(dir, 'mail')).catch(() => [])).filter((f) => f.endsWith('.eml'));
    for (const f of files) {
      const m = await simpleParser(await readFile(join(dir, 'mail', f)));
      if (m.to && 'text' in m.to && m.to.text === address) return m;
    }
    await sleep(100);
  }
  throw new Error(`no mail to ${address}`);
}

for (const [path, body, prefix] of [
  [
    '/api/volunteers',
    {
      name: 'Vera <v>',
      email: 'vera@example.org',
      availability: 'weekends',
      message: 'I lost my brother to suicide',
    },
    'V',
  ],
  [
    '/api/contact',
    { name: 'Carl <c>', email: 'carl@example.org', subject: 'Help', message: 'My daughter self-harms' },
    'C',
  ],
] as const) {
  test(`${path}: acknowledged by mail without the free text; a repeat is the same reference; admins only for reading`, async () => {
    const res = await t.app.inject({ method: 'POST', url: path, payload: body });
    assert.equal(res.statusCode, 201, res.body);
    const { reference } = res.json();
    assert.match(reference, new RegExp(`^${prefix}-[2-9A-Z]{6}$`));
    const again = await t.app.inject({ method: 'POST', url: path, payload: body });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().reference, reference);

    const mail = await mailTo(body.email);
    assert.match(mail.subject ?? '', new RegExp(reference));
    assert.ok(!String(mail.text).includes(body.message) && !String(mail.html).includes(body.message));
    assert.match(String(mail.html), /&lt;[vc]&gt;/);
    assert.ok(!JSON.stringify(t.logs).includes(body.message), 'the free text is never logged');
    assert.ok(!JSON.stringify(await t.app.db.select().from(auditLog)).includes(body.message), 'nor audited');

    assert.equal((await t.app.inject({ url: path })).statusCode, 401);
    const list = await t.app.inject({ url: path, headers: { authorization: staff } });
    assert.equal(list.statusCode, 200);
    const item = list.json().items.find((i: { reference: string }) => i.reference === reference);
    assert.equal(item.message, body.message);
    const next = path === '/api/contact' ? 'read' : 'reviewing';
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `${path}/${item.id}/status`,
      payload: { status: next },
      headers: { authorization: staff },
    });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().status, next);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `${path}/${item.id}/status`,
      payload: { status: 'nonsense' },
      headers: { authorization: staff },
    });
    assert.equal(bad.statusCode, 400);
  });
}
