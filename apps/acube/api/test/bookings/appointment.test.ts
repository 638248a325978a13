// A booking's appointment through the real server: staff confirm it with a time, move it and
// cancel it; each time the person is mailed, with a calendar file that a calendar parser reads
// back to the same instant (one UID, a growing SEQUENCE); the text reads in the site's zone; the
// person's private link shows it; every change is audited without the message; only admins may.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AccessTokens } from '@campus/platform/auth';
import { auditLog } from '@campus/platform/tables';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { admins, bookings } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
let boss = '';
let ip = 0;
const SECRET = 'my private words about why I need help';

before(async () => {
  t = await startAcube({ TIME_ZONE: 'Europe/Istanbul', MAIL_FROM: 'A-Cube <hello@acube.example>' });
  staff = (await t.admin('staff')).authorization;
  boss = (await t.admin('superadmin')).authorization;
});
after(() => t.close());

/** A new pending booking: its id and the token of its private link. */
async function newBooking(email: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/sessions/book',
    remoteAddress: `10.9.0.${++ip}`,
    payload: {
      name: 'Ana Yılmaz',
      email,
      session_type: 'individual',
      preferred_date: '2030-01-15',
      message: SECRET,
      health_consent: true,
      privacy_notice_version: '2026-11',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const { reference } = res.json() as { reference: string };
  const [row] = await t.app.db
    .select({ id: bookings.id })
    .from(bookings)
    .where(eq(bookings.reference, reference));
  const mail = await t.mail((m) => sentTo(m) === email, 'the booking mail');
  const token = /booking\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
  assert.ok(row && token);
  return { id: row.id, reference, token };
}

function calendarOf(mail: ParsedMail) {
  const file = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(file, 'the mail carries a calendar file');
  const cal = new ICAL.Component(ICAL.parse(file.content.toString('utf8')));
  const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
  return {
    method: cal.getFirstPropertyValue('method'),
    event,
    status: event.component.getFirstPropertyValue('status'),
  };
}

const put = (id: string, body: object, authorization = staff) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/sessions/${id}/appointment`,
    headers: { authorization },
    payload: body,
  });
const del = (id: string, authorization = staff) =>
  t.app.inject({ method: 'DELETE', url: `/api/sessions/${id}/appointment`, headers: { authorization } });

test('confirming with an appointment mails an .ics that parses back to the same time, shown on the private link', async () => {
  const email = 'ana.confirm@example.org';
  const b = await newBooking(email);
  // 14:00 in Istanbul (UTC+3), sent with its offset.
  const res = await put(b.id, {
    starts_at: '2030-01-20T14:00:00+03:00',
    mode: 'online',
    with: 'Dr Deniz Kaya',
    location: 'https://video.acube.example/r/1',
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.status, 'confirmed');
  assert.deepEqual(body.appointment, {
    starts_at: '2030-01-20T11:00:00.000Z',
    duration_minutes: 50,
    mode: 'online',
    with: 'Dr Deniz Kaya',
    location: 'https://video.acube.example/r/1',
  });

  const mail = await t.mail(
    (m) => sentTo(m) === email && /confirmed/.test(m.subject ?? ''),
    'the confirmation',
  );
  assert.equal(mail.subject, `Your appointment (${b.reference}) is confirmed`);
  assert.match(mail.text ?? '', /Sunday, 20 January 2030, 14:00–14:50 \(Europe\/Istanbul\)/);
  assert.ok(!`${mail.text}${mail.html}`.includes(SECRET), 'the message is not in the mail');
  const cal = calendarOf(mail);
  assert.equal(cal.method, 'REQUEST');
  assert.equal(cal.event.startDate.toJSDate().toISOString(), body.appointment.starts_at);
  assert.equal(cal.event.endDate.toJSDate().toISOString(), '2030-01-20T11:50:00.000Z');
  assert.equal(cal.event.sequence, 0);
  assert.equal(cal.event.uid, `booking-${b.id}@acube.example`);

  const own = await t.app.inject({ method: 'GET', url: `/api/sessions/manage?token=${b.token}` });
  assert.equal(own.statusCode, 200);
  assert.deepEqual(own.json().appointment, body.appointment);
  assert.equal(own.json().status, 'confirmed');

  const detail = await t.app.inject({
    method: 'GET',
    url: `/api/sessions/${b.id}`,
    headers: { authorization: boss },
  });
  assert.deepEqual(detail.json().appointment, body.appointment);

  const entries = await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, b.id));
  const set = entries.find((e) => e.action === 'booking.appointment_set');
  assert.ok(set, JSON.stringify(entries.map((e) => e.action)));
  assert.deepEqual((set.changes as Record<string, unknown>).starts_at, {
    from: null,
    to: body.appointment.starts_at,
  });
  assert.ok(!JSON.stringify(entries).includes(SECRET), 'the audit log holds no message text');
  assert.ok(!JSON.stringify(t.logs).includes(SECRET), 'no log line holds the message text');
});

test('moving it mails a new .ics with the same UID and a higher SEQUENCE; cancelling mails METHOD:CANCEL', async () => {
  const email = 'ana.move@example.org';
  const b = await newBooking(email);
  const first = await put(b.id, {
    starts_at: '2030-02-01T09:30:00Z',
    duration_minutes: 60,
    mode: 'in_person',
    with: 'Dr Ece',
    location: 'Room 2',
  });
  assert.equal(first.statusCode, 200, first.body);
  const moved = await put(
    b.id,
    {
      starts_at: '2030-02-03T07:00:00Z',
      duration_minutes: 90,
      mode: 'in_person',
      with: 'Dr Ece',
      location: 'Room 3',
    },
    boss,
  );
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().appointment.starts_at, '2030-02-03T07:00:00.000Z');

  const movedMail = await t.mail(
    (m) => sentTo(m) === email && /has moved/.test(m.subject ?? ''),
    'the moved mail',
  );
  assert.match(movedMail.text ?? '', /Sunday, 3 February 2030, 10:00–11:30 \(Europe\/Istanbul\)/);
  assert.match(movedMail.text ?? '', /Place: Room 3/);
  const m = calendarOf(movedMail);
  assert.equal(m.method, 'REQUEST');
  assert.equal(m.event.startDate.toJSDate().toISOString(), '2030-02-03T07:00:00.000Z');
  assert.equal(m.event.sequence, 1);
  assert.equal(m.event.uid, `booking-${b.id}@acube.example`);

  const cancelled = await del(b.id);
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().status, 'cancelled');
  assert.equal(cancelled.json().appointment, null);
  const cancelMail = await t.mail(
    (x) => sentTo(x) === email && /cancelled/.test(x.subject ?? ''),
    'the cancel mail',
  );
  assert.match(cancelMail.text ?? '', /3 February 2030, 10:00–11:30/);
  const c = calendarOf(cancelMail);
  assert.equal(c.method, 'CANCEL');
  assert.equal(c.status, 'CANCELLED');
  assert.equal(c.event.uid, `booking-${b.id}@acube.example`);
  assert.equal(c.event.sequence, 2);

  // Nothing left to cancel, and a cancelled booking takes no new appointment.
  assert.equal((await del(b.id)).statusCode, 409);
  assert.equal(
    (await put(b.id, { starts_at: '2030-02-04T07:00:00Z', mode: 'online', with: 'Dr Ece' })).statusCode,
    409,
  );

  const actions = (await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, b.id))).map(
    (e) => e.action,
  );
  for (const a of [
    'booking.appointment_set',
    'booking.appointment_rescheduled',
    'booking.appointment_cancelled',
  ]) {
    assert.ok(actions.includes(a), `${a} in ${actions}`);
  }
});

test('a staff status change to cancelled also cancels the appointment in the calendar', async () => {
  const email = 'ana.status@example.org';
  const b = await newBooking(email);
  assert.equal(
    (await put(b.id, { starts_at: '2030-03-01T08:00:00Z', mode: 'online', with: 'Dr Ece' })).statusCode,
    200,
  );
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/sessions/${b.id}/status`,
    headers: { authorization: staff },
    payload: { status: 'cancelled' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().appointment, null);
  assert.equal(
    res.json().message,
    undefined,
    'a change answers without the message: only a reading is audited',
  );
  assert.equal(res.json().has_message, true);
  const mail = await t.mail(
    (m) => sentTo(m) === email && /cancelled/.test(m.subject ?? ''),
    'the cancel mail',
  );
  assert.equal(calendarOf(mail).method, 'CANCEL');
});

test('a bulk cancel clears each appointment and mails its calendar cancellation; one without an appointment gets none', async () => {
  const held = await newBooking('ana.bulk@example.org');
  const plain = await newBooking('ana.bulkplain@example.org');
  assert.equal(
    (await put(held.id, { starts_at: '2030-05-01T08:00:00Z', mode: 'online', with: 'Dr Ece' })).statusCode,
    200,
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/bulk/status-update',
    headers: { authorization: staff },
    payload: { entity: 'sessions', ids: [held.id, plain.id], status: 'cancelled' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().done, 2);
  const rows = await t.app.db.select().from(bookings).where(eq(bookings.id, held.id));
  assert.equal(rows[0]?.status, 'cancelled');
  assert.equal(rows[0]?.appointmentStartsAt, null);
  const mail = await t.mail(
    (m) => sentTo(m) === 'ana.bulk@example.org' && /cancelled/.test(m.subject ?? ''),
    'the bulk cancel mail',
  );
  const cal = calendarOf(mail);
  assert.equal(cal.method, 'CANCEL');
  assert.equal(cal.event.startDate.toJSDate().toISOString(), '2030-05-01T08:00:00.000Z');
  const audits = await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, held.id));
  assert.ok(audits.some((a) => a.action === 'booking.status_changed'));
});

test("the person's own cancel of a booking with an appointment mails the calendar's cancellation", async () => {
  const email = 'ana.own@example.org';
  const b = await newBooking(email);
  assert.equal(
    (await put(b.id, { starts_at: '2030-06-01T08:00:00Z', mode: 'in_person', with: 'Dr Ece' })).statusCode,
    200,
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/sessions/manage/cancel',
    payload: { token: b.token },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().appointment, null);
  const mail = await t.mail(
    (m) => sentTo(m) === email && /cancelled/.test(m.subject ?? ''),
    'the own cancel mail',
  );
  const cal = calendarOf(mail);
  assert.equal(cal.method, 'CANCEL');
  assert.equal(cal.event.startDate.toJSDate().toISOString(), '2030-06-01T08:00:00.000Z');
  const [entry] = (await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, b.id))).filter(
    (e) => e.action === 'booking.cancelled_by_requester',
  );
  assert.ok(entry, "audited as the requester's cancel");
});

test('the body is checked, an unknown booking is a 404, and only admins may set or cancel', async () => {
  const b = await newBooking('ana.refused@example.org');
  const valid = { starts_at: '2030-04-01T08:00:00Z', mode: 'online', with: 'Dr Ece' };
  assert.equal((await put(b.id, { ...valid, duration_minutes: 5 })).statusCode, 400);
  assert.equal((await put(b.id, { ...valid, mode: 'phone' })).statusCode, 400);
  assert.equal((await put(b.id, { ...valid, starts_at: 'tomorrow' })).statusCode, 400);
  assert.equal((await put(crypto.randomUUID(), valid)).statusCode, 404);
  const anonymous = await t.app.inject({
    method: 'PUT',
    url: `/api/sessions/${b.id}/appointment`,
    payload: valid,
  });
  assert.equal(anonymous.statusCode, 401);
  // Both admin roles may; anyone else is refused: a token whose subject is no admin, and a
  // disabled admin's token (roles come from the account, not from the token).
  const tokens = new AccessTokens({
    appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'acube',
    clock: t.clock,
  });
  const stranger = `Bearer ${await tokens.sign({ sub: crypto.randomUUID(), roles: ['staff'], sid: crypto.randomUUID() })}`;
  assert.equal((await put(b.id, valid, stranger)).statusCode, 401);
  const gone = await t.admin('staff');
  await t.app.db.update(admins).set({ disabledAt: new Date() }).where(eq(admins.id, gone.id));
  assert.equal((await put(b.id, valid, gone.authorization)).statusCode, 401);
  assert.equal((await del(b.id, gone.authorization)).statusCode, 401);
  const [row] = await t.app.db.select().from(bookings).where(eq(bookings.id, b.id));
  assert.equal(row?.status, 'pending');
  assert.equal(row?.appointmentStartsAt, null);
});
