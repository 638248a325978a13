// Managing admins through the real A-Cube server: superadmins only; a new admin chooses their
// password through the welcome mail's link; disabling ends their logins at once.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PasswordHasher } from '@campus/platform/auth';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import { simpleParser } from 'mailparser';
import { admins } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

const PASSWORD = 'the superadmin passphrase';
let t: TestApp;
let dir: string;
let ip = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-admins-'));
  t = await createTestApp(acubeSpec, {
    env: { DEMO_DATA: 'false', DATA_DIR: dir, PUBLIC_URL: 'https://acube.example' },
  });
  await t.app.db.insert(admins).values({
    email: 'root@acube.test',
    name: 'Root',
    role: 'superadmin',
    passwordHash: await new PasswordHasher().hash(PASSWORD),
  });
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function login(email: string, password: string) {
  ip += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/login',
    payload: { email, password },
    remoteAddress: `10.3.0.${ip}`,
  });
}
async function welcomeLink(address: string) {
  for (let i = 0; i < 200; i++) {
    for (const f of (await readdir(join(dir, 'mail')).catch(() => [])).filter((x) => x.endsWith('.eml'))) {
      const m = await simpleParser(await readFile(join(dir, 'mail', f)));
      const found = /set-password\?token=([A-Za-z0-9_-]+)/.exec(m.text ?? '');
      if (m.to && 'text' in m.to && m.to.text === address && found?.[1]) return { token: found[1], mail: m };
    }
    await sleep(100);
  }
  throw new Error(`no welcome mail to ${address}`);
}

test('a superadmin creates an admin, who sets a password from the welcome mail and logs in; staff may not manage admins', async () => {
  const root = `Bearer ${(await login('root@acube.test', PASSWORD)).json().access_token}`;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/admin/admins',
    payload: { email: 'New@acube.test', name: 'New <Staff>', role: 'staff' },
    headers: { authorization: root },
  });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().password_set, false);
  const dup = await t.app.inject({
    method: 'POST',
    url: '/api/admin/admins',
    payload: { email: 'new@acube.test', name: 'X', role: 'staff' },
    headers: { authorization: root },
  });
  assert.equal(dup.statusCode, 409);

  const { token, mail } = await welcomeLink('new@acube.test');
  assert.match(String(mail.html), /Hello New &lt;Staff&gt;,/);
  assert.ok(String(mail.text).includes(`https://acube.example/admin/set-password?token=${token}`));
  const set = await t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/set-password',
    payload: { token, password: 'my own new passphrase' },
    remoteAddress: '10.3.1.1',
  });
  assert.equal(set.statusCode, 200);
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/auth/set-password',
        payload: { token, password: 'again a passphrase' },
        remoteAddress: '10.3.1.1',
      })
    ).statusCode,
    401,
    'the link works once',
  );

  const staffLogin = await login('new@acube.test', 'my own new passphrase');
  assert.equal(staffLogin.statusCode, 200);
  const staff = `Bearer ${staffLogin.json().access_token}`;
  assert.equal(
    (await t.app.inject({ url: '/api/admin/admins', headers: { authorization: staff } })).statusCode,
    403,
  );

  const disabled = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/admins/${created.json().id}`,
    payload: { disabled: true },
    headers: { authorization: root },
  });
  assert.equal(disabled.statusCode, 200);
  assert.equal(disabled.json().disabled, true);
  assert.equal(
    (await t.app.inject({ url: '/api/sessions', headers: { authorization: staff } })).statusCode,
    401,
    'the disabled admin is out at once',
  );
  const refreshCookie = staffLogin.cookies.find((c) => c.name === 'acube_refresh')?.value;
  const refreshed = await t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/refresh',
    headers: { cookie: `acube_refresh=${refreshCookie}`, 'sec-fetch-site': 'same-origin' },
    remoteAddress: '10.3.1.2',
  });
  assert.equal(refreshed.statusCode, 401);
  const self = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/admins/${(await t.app.inject({ url: '/api/admin/admins', headers: { authorization: root } })).json().items[0].id}`,
    payload: { disabled: true },
    headers: { authorization: root },
  });
  assert.equal(self.statusCode, 409, 'no one disables themselves');
});
