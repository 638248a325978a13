// Answering a contact message by mail through the real server: the sender gets the answer, the
// message becomes replied, the reply is audited without its text, and the text is in no log line
// (debug included); only admins may answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { eq } from 'drizzle-orm';
import { admins, contactMessages } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
let ip = 0;
const REPLY =
  'Dear Ana,\n\nthank you: our open day is on Saturday 14:00 <b>at the centre</b>.\nSee you there.';
const SECRET_LINE = 'our open day is on Saturday 14:00';

before(async () => {
  t = await startAcube();
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

async function newMessage(email: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/contact',
    remoteAddress: `10.7.0.${++ip}`,
    payload: { name: 'Ana', email, subject: 'Open day', message: 'When is your open day?' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const [row] = await t.app.db.select().from(contactMessages).where(eq(contactMessages.email, email));
  assert.ok(row);
  return row;
}
const reply = (id: string, body: unknown, authorization?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/contact/${id}/reply`,
    payload: { body },
    ...(authorization ? { headers: { authorization } } : {}),
  });

test('a reply is mailed to the sender, the message becomes replied, audited without the text, logged nowhere', async () => {
  const msg = await newMessage('ana.reply@example.org');
  const res = await reply(msg.id, REPLY, staff);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'replied');
  assert.equal(res.json().reference, msg.reference);

  const mail = await t.mail(
    (m) => sentTo(m) === 'ana.reply@example.org' && /^Re:/.test(m.subject ?? ''),
    'the reply',
  );
  assert.equal(mail.subject, `Re: Open day (${msg.reference})`);
  assert.ok(mail.text?.includes(SECRET_LINE), mail.text);
  assert.match(String(mail.html), /at the centre/);
  assert.ok(!String(mail.html).includes('<b>at the centre'), 'the reply is escaped in HTML');
  assert.ok(!`${mail.text}`.includes('When is your open day?'), 'what the person wrote is not quoted back');

  const [row] = await t.app.db.select().from(contactMessages).where(eq(contactMessages.id, msg.id));
  assert.equal(row?.status, 'replied');
  const entries = await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, msg.id));
  const replied = entries.find((e) => e.action === 'contact.replied');
  assert.ok(replied, String(entries.map((e) => e.action)));
  assert.ok(replied.actorId);
  assert.ok(!JSON.stringify(entries).includes(SECRET_LINE), 'not in the audit log');
  const lines = t.logs.map((l) => JSON.stringify(l));
  assert.ok(
    lines.some((l) => l.includes('contact.replied')),
    'the reply itself is logged, as an event',
  );
  assert.ok(
    !lines.some((l) => l.includes(SECRET_LINE) || l.includes('at the centre')),
    'the text is in no log line',
  );
});

test('an empty or unknown reply target is refused, and only admins may answer', async () => {
  const msg = await newMessage('ana.refused@example.org');
  assert.equal((await reply(msg.id, '', staff)).statusCode, 400);
  assert.equal((await reply(msg.id, 'x'.repeat(10001), staff)).statusCode, 400);
  assert.equal((await reply(crypto.randomUUID(), 'hello', staff)).statusCode, 404);
  assert.equal((await reply(msg.id, 'hello')).statusCode, 401);
  // A disabled admin's token is refused (roles come from the account, not from the token).
  const gone = await t.admin('staff');
  await t.app.db.update(admins).set({ disabledAt: new Date() }).where(eq(admins.id, gone.id));
  assert.equal((await reply(msg.id, 'hello', gone.authorization)).statusCode, 401);
  const [row] = await t.app.db.select().from(contactMessages).where(eq(contactMessages.id, msg.id));
  assert.equal(row?.status, 'new');
  assert.equal((await t.mails()).filter((m) => sentTo(m) === 'ana.refused@example.org').length <= 1, true);
});
