// Check-in tickets: a scanned code exchanged, before login, for a two-minute ticket bound to the
// session and the device, which the check-in then takes in place of the code.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AttnTest, startAttn, type TestUser } from '../helpers.ts';
import { checkIn, codeOf, openSession } from '../sessions/session-helpers.ts';
import { form } from './verification-helpers.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const reasonOf = (res: { json(): { error: { details?: { reason?: string }[] } } }) =>
  res.json().error.details?.[0]?.reason;

const deviceOf = (student: TestUser) => `device-${student.id}`;

function takeTicket(
  body: { session_id: string; code: string; device_id: string },
  remoteAddress = '10.9.0.1',
) {
  return t.app.inject({ method: 'POST', url: '/api/checkin-tickets', payload: body, remoteAddress });
}

async function ticketFor(sessionId: string, code: string, student: TestUser) {
  const res = await takeTicket({ session_id: sessionId, code, device_id: deviceOf(student) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { ticket: string; session_id: string; expires_at: string };
}

test('a ticket taken before login checks the student in a minute later, while the code itself has expired', async () => {
  const course = await t.course({ students: 1 });
  const student = course.students[0] as TestUser;
  const session = await openSession(t, course, { code_step_seconds: 10 });
  const code = await codeOf(t, course.teacher, session.id);

  const res = await takeTicket({ session_id: session.id, code, device_id: deviceOf(student) });
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  assert.deepEqual(Object.keys(body).sort(), ['expires_at', 'session_id', 'ticket']);
  assert.equal(body.session_id, session.id);
  assert.equal(body.expires_at, new Date(t.clock.nowMs() + 120_000).toISOString());
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(String(res.headers['ratelimit-policy']), /600/, "the 'ticket' policy");

  t.clock.advance(60_000);
  const withCode = await checkIn(t, student, { session_id: session.id, code });
  assert.equal(withCode.statusCode, 422);
  assert.equal(reasonOf(withCode), 'code_expired');
  const withTicket = await t.app.inject({
    method: 'POST',
    url: '/api/student/checkins',
    headers: student.headers,
    payload: { session_id: session.id, ticket: body.ticket, device_id: deviceOf(student) },
    remoteAddress: '10.9.0.1',
  });
  assert.equal(withTicket.statusCode, 201, withTicket.body);
  assert.equal(withTicket.json().status, 'present');
  assert.equal(withTicket.json().checked_in_at, t.clock.now().toISOString(), 'checked in when it arrived');
  assert.ok(!JSON.stringify(t.logs).includes(body.ticket), 'the ticket is never logged');
});

test('a ticket is refused for another session, another device, once forged, and after two minutes', async () => {
  const course = await t.course({ students: 1 });
  const other = await t.course({ students: 0, teacher: course.teacher });
  const student = course.students[0] as TestUser;
  const session = await openSession(t, course);
  const otherSession = await openSession(t, other);
  const { ticket } = await ticketFor(
    otherSession.id,
    await codeOf(t, course.teacher, otherSession.id),
    student,
  );
  const mine = await ticketFor(session.id, await codeOf(t, course.teacher, session.id), student);
  const send = (body: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/student/checkins',
      headers: student.headers,
      payload: { session_id: session.id, device_id: deviceOf(student), ...body },
      remoteAddress: '10.9.0.1',
    });

  const cases: [string, Record<string, string>][] = [
    ["another session's ticket", { ticket }],
    ['another device', { ticket: mine.ticket, device_id: 'device-of-a-friend' }],
    ['forged', { ticket: `${mine.ticket.slice(0, -2)}AA` }],
    ['not a ticket at all', { ticket: 'hello' }],
  ];
  for (const [what, body] of cases) {
    const res = await send(body);
    assert.equal(res.statusCode, 422, what);
    assert.equal(reasonOf(res), 'ticket_invalid', what);
    assert.equal(res.json().error.details[0].field, 'body.ticket', what);
  }
  t.clock.advance(120_000);
  const late = await send({ ticket: mine.ticket });
  assert.equal(late.statusCode, 422);
  assert.equal(reasonOf(late), 'ticket_expired');
  assert.match(late.json().error.message, /two minutes/);
});

test('lateness is judged when the ticket was issued, when the student was in the room', async () => {
  const course = await t.course({ students: 2 });
  const [early, typist] = course.students as [TestUser, TestUser];
  const session = await openSession(t, course, { late_after_minutes: 1 });
  t.clock.advance(50_000);
  const code = await codeOf(t, course.teacher, session.id);
  const { ticket } = await ticketFor(session.id, code, early);
  t.clock.advance(60_000);
  const withTicket = await t.app.inject({
    method: 'POST',
    url: '/api/student/checkins',
    headers: early.headers,
    payload: { session_id: session.id, ticket, device_id: deviceOf(early) },
  });
  assert.equal(withTicket.statusCode, 201, withTicket.body);
  assert.equal(withTicket.json().status, 'present');
  const withCode = await checkIn(t, typist, {
    session_id: session.id,
    code: await codeOf(t, course.teacher, session.id),
  });
  assert.equal(withCode.json().status, 'late');
});

test('a ticket is refused as a check-in would be: unknown or closed session, wrong or expired code, network', async () => {
  const course = await t.course({ students: 1 });
  const student = course.students[0] as TestUser;
  const device_id = deviceOf(student);
  const session = await openSession(t, course, { allowed_networks: ['10.9.0.0/16'] });
  const code = await codeOf(t, course.teacher, session.id);

  const unknown = await takeTicket({ session_id: crypto.randomUUID(), code, device_id });
  assert.equal(unknown.statusCode, 404);
  assert.equal(reasonOf(unknown), 'session_not_found');
  const wrong = await takeTicket({
    session_id: session.id,
    code: code === '000000' ? '111111' : '000000',
    device_id,
  });
  assert.equal(wrong.statusCode, 422);
  assert.equal(reasonOf(wrong), 'code_invalid');
  const outside = await takeTicket({ session_id: session.id, code, device_id }, '203.0.113.9');
  assert.equal(outside.statusCode, 403);
  assert.equal(reasonOf(outside), 'network_not_allowed');
  const bad = await takeTicket({ session_id: session.id, code, device_id: 'abc' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.details[0].field, 'body.device_id');

  t.clock.advance(30_000);
  const expired = await takeTicket({ session_id: session.id, code, device_id });
  assert.equal(expired.statusCode, 422);
  assert.equal(reasonOf(expired), 'code_expired');

  t.clock.advance(60 * 60_000);
  const closed = await takeTicket({ session_id: session.id, code: 'any', device_id });
  assert.equal(closed.statusCode, 409, 'past its end');
  assert.equal(reasonOf(closed), 'session_closed');
});

test('a ticket does not outlive its session: closed by the teacher, the check-in with it is refused', async () => {
  const course = await t.course({ students: 1 });
  const student = course.students[0] as TestUser;
  const session = await openSession(t, course);
  const { ticket } = await ticketFor(session.id, await codeOf(t, course.teacher, session.id), student);
  const close = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/sessions/${session.id}/close`,
    headers: course.teacher.headers,
  });
  assert.equal(close.statusCode, 200);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/student/checkins',
    headers: student.headers,
    payload: { session_id: session.id, ticket, device_id: deviceOf(student) },
  });
  assert.equal(res.statusCode, 409);
  assert.equal(reasonOf(res), 'session_closed');
});

test('a check-in with both code and ticket, or with neither, is a 400 in the error shape, JSON or multipart', async () => {
  const course = await t.course({ students: 1 });
  const student = course.students[0] as TestUser;
  const session = await openSession(t, course);
  const code = await codeOf(t, course.teacher, session.id);
  const { ticket } = await ticketFor(session.id, code, student);
  const base = { session_id: session.id, device_id: deviceOf(student) };
  for (const payload of [{ ...base, code, ticket }, base]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/student/checkins',
      headers: student.headers,
      payload,
    });
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    assert.ok(res.json().error.requestId);
    const multipart = form(payload as Record<string, string>, { name: 'me.jpg', bytes: Buffer.from('jpeg') });
    const selfie = await t.app.inject({
      method: 'POST',
      url: '/api/student/checkins/selfie',
      headers: { ...student.headers, ...multipart.headers },
      payload: multipart.payload,
    });
    assert.equal(selfie.statusCode, 400, `multipart ${JSON.stringify(payload)}`);
    assert.equal(selfie.json().error.code, 'VALIDATION_FAILED');
  }
});

test('the selfie check-in takes a ticket too', async () => {
  const course = await t.course({ students: 1 });
  const student = course.students[0] as TestUser;
  const session = await openSession(t, course, { selfie_required: true });
  const { ticket } = await ticketFor(session.id, await codeOf(t, course.teacher, session.id), student);
  t.clock.advance(45_000);
  // Not enrolled for face verification: recorded for the teacher to confirm, the photo not kept.
  const multipart = form(
    { session_id: session.id, ticket, device_id: deviceOf(student) },
    { name: 'me.jpg', bytes: Buffer.from('jpeg') },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/student/checkins/selfie',
    headers: { ...student.headers, ...multipart.headers },
    payload: multipart.payload,
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().verification, 'needs_review');
});
