// A forgotten password through the real server: the answer is always 202 (no account
// enumeration); an active account is mailed a link to the panel's set-password page, which works
// once and ends the account's other logins; the token never reaches a log line; disabled accounts
// get nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PasswordHasher } from '@campus/platform/auth';
import { auditLog } from '@campus/platform/tables';
import { eq } from 'drizzle-orm';
import { admins } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let ip = 0;
const OLD = 'the old and forgotten passphrase';
const NEW = 'a brand new and private passphrase';

before(async () => {
  t = await startAcube();
  const passwordHash = await new PasswordHasher().hash(OLD);
  await t.app.db.insert(admins).values([
    { email: 'forgot@acube.test', name: 'Forgetful', role: 'staff', passwordHash },
    { email: 'off@acube.test', name: 'Off', role: 'staff', passwordHash, disabledAt: new Date() },
  ]);
});
after(() => t.close());

const from = () => `10.4.0.${++ip}`;
const ask = (email: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/password-reset',
    payload: { email },
    remoteAddress: from(),
  });
const setPassword = (token: string, password = NEW) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/set-password',
    payload: { token, password },
    remoteAddress: from(),
  });
const login = (password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/login',
    payload: { email: 'forgot@acube.test', password },
    remoteAddress: from(),
  });

test('an account gets a one-time link to the set-password page; it sets the password once', async () => {
  const res = await ask('Forgot@acube.test');
  assert.equal(res.statusCode, 202, res.body);
  const mail = await t.mail((m) => sentTo(m) === 'forgot@acube.test', 'the reset mail');
  const token = /https:\/\/acube\.example\/admin\/set-password\?token=([A-Za-z0-9_%-]+)/.exec(
    mail.text ?? '',
  )?.[1];
  assert.ok(token, mail.text);
  assert.ok(String(mail.html).includes(`href="https://acube.example/admin/set-password?token=${token}"`));

  const before = await login(OLD);
  assert.equal(before.statusCode, 200, 'asking alone changes nothing');
  const cookie = before.cookies.find((c) => c.name === 'acube_refresh')?.value;
  assert.ok(cookie);
  const set = await setPassword(decodeURIComponent(token));
  assert.equal(set.statusCode, 200, set.body);
  const refreshed = await t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/refresh',
    headers: { cookie: `acube_refresh=${cookie}`, 'sec-fetch-site': 'same-origin' },
    remoteAddress: from(),
  });
  assert.equal(refreshed.statusCode, 401, 'the reset ends the logins made before it');
  assert.equal((await login(NEW)).statusCode, 200);
  assert.equal((await login(OLD)).statusCode, 401);
  const again = await setPassword(decodeURIComponent(token), 'yet another private passphrase');
  assert.equal(again.statusCode, 401, 'the link works once');
  assert.equal((await login(NEW)).statusCode, 200);

  const [row] = await t.app.db.select().from(admins).where(eq(admins.email, 'forgot@acube.test'));
  const actions = (
    await t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, row?.id ?? ''))
  ).map((e) => e.action);
  assert.ok(actions.includes('admin.password_reset_requested'), String(actions));
  assert.ok(actions.includes('admin.password_set'), String(actions));
  assert.ok(!JSON.stringify(t.logs).includes(decodeURIComponent(token)), 'the token is in no log line');
  assert.ok(!JSON.stringify(t.logs).includes('forgot@acube.test'), 'nor the address');
});

test('an unknown or disabled address gets the same 202 and no mail; a malformed one is a 400', async () => {
  const unknown = await ask('nobody@acube.test');
  const disabled = await ask('off@acube.test');
  assert.equal(unknown.statusCode, 202);
  assert.equal(disabled.statusCode, 202);
  assert.deepEqual(unknown.json(), disabled.json());
  assert.equal((await ask('not an address')).statusCode, 400);
  // A mail to an existing account, asked after them, arrives: by then theirs would have too.
  const count = async () => (await t.mails()).filter((m) => sentTo(m) === 'forgot@acube.test').length;
  const before = await count();
  await ask('forgot@acube.test');
  for (let i = 0; i < 300 && (await count()) === before; i++) await sleep(100);
  assert.equal(await count(), before + 1);
  const to = (await t.mails()).map(sentTo);
  assert.ok(!to.includes('nobody@acube.test') && !to.includes('off@acube.test'), String(to));
});
