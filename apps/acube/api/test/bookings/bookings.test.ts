// Therapy booking requests through the real A-Cube server: the seed's curl body, the private
// link mailed through the job system, duplicates, the public limit, and the admin-only reads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditLog } from '@campus/platform/tables';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staffToken = '';
let ipCount = 0;
const nextIp = () => `10.2.${Math.floor(ipCount / 200)}.${(ipCount++ % 200) + 1}`;

before(async () => {
  t = await startAcube();
  staffToken = (await t.admin('staff')).authorization.replace('Bearer ', '');
});
after(() => t.close());

// The seed's curl example, as written, with the consent a request needs now (consent.test.ts).
const seedBody = {
  email: 'test@example.com',
  name: 'Test',
  phone: '1234567890',
  session_type: 'individual',
  preferred_date: '2025-02-01',
  message: 'Test',
  health_consent: true,
  privacy_notice_version: '2026-11',
};
const book = (body: object, ip = nextIp()) =>
  t.app.inject({ method: 'POST', url: '/api/sessions/book', payload: body, remoteAddress: ip });

async function mails() {
  return (await t.mails()).map((m) => ({
    to: sentTo(m),
    subject: m.subject ?? '',
    text: m.text ?? '',
    html: String(m.html),
  }));
}
async function mailTo(address: string, count = 1) {
  for (let i = 0; i < 200; i++) {
    const found = (await mails()).filter((m) => m.to === address);
    if (found.length >= count) return found;
    await sleep(100);
  }
  throw new Error(`no mail to ${address}`);
}

test("the seed's curl body: its past date is a clear 400 naming the field; a future date is 201 and mails a private link", async () => {
  const past = await book(seedBody);
  assert.equal(past.statusCode, 400);
  assert.deepEqual(past.json().error.details, [
    { field: 'body.preferred_date', message: 'must be today (2026-01-01) or later' },
  ]);

  const res = await book({
    ...seedBody,
    preferred_date: '2026-02-01',
    email: 'ana@example.org',
    name: 'Ana <b>',
    message: 'I feel low',
  });
  assert.equal(res.statusCode, 201);
  const { reference, status } = res.json();
  assert.match(reference, /^B-[2-9A-Z]{6}$/);
  assert.equal(status, 'pending');

  const [mail] = await mailTo('ana@example.org');
  assert.ok(mail);
  assert.equal(mail.subject, `Your request ${reference} has been received`);
  assert.doesNotMatch(
    mail.subject + mail.text + mail.html,
    /individual|I feel low/,
    'no session type, no free text',
  );
  assert.match(mail.html, /Hello Ana &lt;b&gt;,/);
  const link = /https:\/\/acube\.example\/booking\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  assert.ok(link?.[1], mail.text);
  assert.ok(mail.html.includes(`href="https://acube.example/booking?token=${link[1]}"`));

  const view = await t.app.inject({ url: `/api/sessions/manage?token=${link[1]}` });
  assert.equal(view.statusCode, 200);
  assert.deepEqual(Object.keys(view.json()).sort(), [
    'appointment',
    'created_at',
    'name',
    'preferred_date',
    'preferred_time',
    'reference',
    'session_type',
    'status',
  ]);
  assert.equal(view.json().appointment, null, 'no appointment until staff set one');
  assert.equal(view.json().reference, reference);
  const forged = await t.app.inject({ url: `/api/sessions/manage?token=${'x'.repeat(43)}` });
  assert.equal(forged.statusCode, 404);

  const cancelled = await t.app.inject({
    method: 'POST',
    url: '/api/sessions/manage/cancel',
    payload: { token: link[1] },
  });
  assert.equal(cancelled.statusCode, 200);
  assert.equal(cancelled.json().status, 'cancelled');
  const both = await mailTo('ana@example.org', 2);
  assert.ok(both.some((m) => m.subject === `Your request ${reference} is cancelled`));

  const logs = JSON.stringify(t.logs);
  for (const secret of ['I feel low', 'ana@example.org', link[1]]) {
    const where = t.logs.filter((l) => JSON.stringify(l).includes(secret)).map((l) => JSON.stringify(l));
    assert.ok(!logs.includes(secret), `in the logs: ${where.join('\n')}`);
  }
  const audit = await t.app.db.select().from(auditLog);
  assert.ok(!JSON.stringify(audit).includes('I feel low'));
});

test('the same submission again within ten minutes gets the first reference, and no second record or mail', async () => {
  const body = { ...seedBody, preferred_date: '2026-03-01', email: 'ben@example.org' };
  const first = await book(body);
  const again = await book(body);
  assert.equal(first.statusCode, 201);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().reference, first.json().reference);
  await mailTo('ben@example.org');
  await sleep(1500);
  assert.equal((await mails()).filter((m) => m.to === 'ben@example.org').length, 1);
  t.clock.advance(11 * 60_000);
  assert.equal((await book(body)).statusCode, 201, 'after ten minutes it is a new request');
});

test('the 11th booking in a minute from one IP gets 429', async () => {
  const ip = '192.0.2.44';
  const statuses = [];
  for (let i = 0; i < 11; i++) {
    statuses.push(
      (await book({ ...seedBody, preferred_date: '2026-04-01', email: `p${i}@example.org` }, ip)).statusCode,
    );
  }
  assert.deepEqual(statuses, [...Array(10).fill(201), 429]);
});

test("the seed's public GET/PATCH routes need an admin; a staff member reads and changes a booking, audited", async () => {
  assert.equal((await t.app.inject({ url: '/api/sessions' })).statusCode, 401);
  const list = await t.app.inject({
    url: '/api/sessions?limit=5',
    headers: { authorization: `Bearer ${staffToken}` },
  });
  assert.equal(list.statusCode, 200);
  const [first] = list.json().items;
  assert.ok(first.email && 'has_message' in first && !('message' in first), 'the list carries no message');
  const changed = await t.app.inject({
    method: 'PATCH',
    url: `/api/sessions/${first.id}/status`,
    payload: { status: 'confirmed' },
    headers: { authorization: `Bearer ${staffToken}` },
  });
  assert.equal(changed.statusCode, 200);
  assert.equal(changed.json().status, 'confirmed');
  const audits = await t.app.db.select().from(auditLog);
  const entry = audits.find((a) => a.action === 'booking.status_changed' && a.entityId === first.id);
  assert.deepEqual(entry?.changes, { status: { from: first.status, to: 'confirmed' } });
  assert.ok(entry?.actorId);
  assert.equal(
    (
      await t.app.inject({
        method: 'PATCH',
        url: `/api/sessions/${first.id}/status`,
        payload: { status: 'confirmed' },
      })
    ).statusCode,
    401,
  );
});
