// The teacher's live stream on a listening server (inject buffers whole responses, so streams
// are read over HTTP with fetch); refusals are ordinary JSON errors, checked through inject.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStreamClient } from '@campus/platform/live';
import { Validator } from '@seriousme/openapi-schema-validator';
import { checkins } from '../../src/db/schema/index.ts';
import { createAttnLive } from '../../src/live-channel.ts';
import { type AttnTest, startAttn, type TestCourse } from '../helpers.ts';
import { addSession } from '../reports/attendance-rows.ts';

let t: AttnTest;
let base: string;

before(async () => {
  t = await startAttn();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
after(() => t.close());

const openSession = (course: TestCourse) => addSession(t, course, { hoursAgo: 0, open: true });

const watch = async (sessionId: string, headers: Record<string, string>) => {
  const res = await fetch(`${base}/api/teacher/sessions/${sessionId}/live`, { headers });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  return new EventStreamClient(res);
};

test('a teacher’s stream starts with the session’s check-ins, then gets events of that session only', async () => {
  const course = await t.course({ students: 3 });
  const [s1, s2, s3] = course.students as [
    TestCourse['students'][0],
    TestCourse['students'][0],
    TestCourse['students'][0],
  ];
  const sessionId = await openSession(course);
  const otherSessionId = await openSession(course);
  const at = t.clock.now();
  // Two students on one device: both flagged for the teacher.
  await t.app.db.insert(checkins).values([
    { sessionId, studentId: s1.id, status: 'present', checkedInAt: at, deviceId: 'device-shared-1' },
    {
      sessionId,
      studentId: s2.id,
      status: 'late',
      checkedInAt: new Date(at.getTime() + 1000),
      deviceId: 'device-shared-1',
    },
    { sessionId: otherSessionId, studentId: s3.id, status: 'present', checkedInAt: at, deviceId: 'device-3' },
  ]);

  const events = await watch(sessionId, course.teacher.headers);
  const first = await events.nextEvent();
  assert.equal(first?.event, 'snapshot');
  assert.equal(first?.id, '1');
  const snapshot = JSON.parse(first?.data ?? '{}');
  assert.equal(snapshot.session_id, sessionId);
  assert.deepEqual(
    snapshot.checkins.map((c: { student: { id: string }; status: string; device_flagged: boolean }) => [
      c.student.id,
      c.status,
      c.device_flagged,
    ]),
    [
      [s1.id, 'present', true],
      [s2.id, 'late', true],
    ],
  );
  assert.equal(snapshot.checkins[0].student.school_number, s1.schoolNumber);

  const live = createAttnLive(t.app.live);
  const event = (id: string, schoolNumber: string) => ({
    type: 'checkin' as const,
    id: crypto.randomUUID(),
    student: { id, school_number: schoolNumber, full_name: 'A Student' },
    status: 'present' as const,
    checked_in_at: t.clock.now().toISOString(),
    verification: 'not_required',
  });
  live.publish(otherSessionId, event(s3.id, s3.schoolNumber));
  live.publish(sessionId, event(s3.id, s3.schoolNumber));
  const next = await events.nextEvent();
  assert.equal(next?.event, 'checkin');
  assert.equal(next?.id, '2');
  const data = JSON.parse(next?.data ?? '{}');
  assert.equal(data.type, 'checkin');
  assert.equal(data.student.id, s3.id, 'the other session’s event never came');
  await events.close();
});

test('another teacher, a student, an unknown session and no login are refused before any stream', async () => {
  const course = await t.course({ students: 1 });
  const sessionId = await openSession(course);
  const stranger = await t.user('teacher');
  // The test before closed its client; the server notices a moment later.
  for (let i = 0; i < 100 && t.app.live.openStreams > 0; i++) await sleep(20);
  const streamsBefore = t.app.live.openStreams;
  const url = `/api/teacher/sessions/${sessionId}/live`;
  const refused = async (headers: Record<string, string>, path = url) => {
    const res = await t.app.inject({ url: path, headers });
    assert.match(String(res.headers['content-type']), /^application\/json/);
    return { status: res.statusCode, code: res.json().error?.code };
  };
  assert.deepEqual(await refused(stranger.headers), { status: 403, code: 'FORBIDDEN' });
  assert.deepEqual(await refused(course.students[0]?.headers ?? {}), { status: 403, code: 'FORBIDDEN' });
  assert.deepEqual(
    await refused(course.teacher.headers, `/api/teacher/sessions/${crypto.randomUUID()}/live`),
    {
      status: 404,
      code: 'NOT_FOUND',
    },
  );
  assert.deepEqual(await refused({}), { status: 401, code: 'UNAUTHENTICATED' });
  assert.equal(t.app.live.openStreams, streamsBefore, 'no stream was opened');
});

test('a teacher who leaves ends the stream on the server', async () => {
  const course = await t.course({ students: 0 });
  const sessionId = await openSession(course);
  const events = await watch(sessionId, course.teacher.headers);
  assert.equal((await events.nextEvent())?.event, 'snapshot');
  const open = t.app.live.openStreams;
  const controller = new AbortController();
  const res = await fetch(`${base}/api/teacher/sessions/${sessionId}/live`, {
    headers: course.teacher.headers,
    signal: controller.signal,
  });
  await new EventStreamClient(res).nextEvent();
  assert.equal(t.app.live.openStreams, open + 1);
  controller.abort();
  for (let i = 0; i < 100 && t.app.live.openStreams > open; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(t.app.live.openStreams, open, 'the server noticed the hang-up');
  await events.close();
});

test('a real check-in reaches the teacher’s stream with the student and the answer’s status and time', async () => {
  const course = await t.course({ students: 1 });
  const student = course.students[0] as TestCourse['students'][0];
  const opened = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: course.teacher.headers,
    payload: { duration_minutes: 30 },
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const sessionId = opened.json().id;
  const events = await watch(sessionId, course.teacher.headers);
  assert.equal((await events.nextEvent())?.event, 'snapshot');
  const shown = await t.app.inject({
    url: `/api/teacher/sessions/${sessionId}/code`,
    headers: course.teacher.headers,
  });
  const checkedIn = await t.app.inject({
    method: 'POST',
    url: '/api/student/checkins',
    headers: student.headers,
    payload: { session_id: sessionId, code: shown.json().code, device_id: 'device-live-1' },
  });
  assert.equal(checkedIn.statusCode, 201, checkedIn.body);
  const event = await events.nextEvent();
  assert.equal(event?.event, 'checkin');
  const data = JSON.parse(event?.data ?? '{}');
  assert.equal(data.student.id, student.id);
  assert.equal(data.student.school_number, student.schoolNumber);
  assert.equal(data.status, checkedIn.json().status);
  assert.equal(data.checked_in_at, checkedIn.json().checked_in_at);
  await events.close();
});

test('the live route is in the OpenAPI document as an event stream, and the document is valid', async () => {
  const doc = (await t.app.inject({ url: '/openapi.json' })).json();
  const op = doc.paths['/api/teacher/sessions/{id}/live']?.get;
  assert.ok(op, 'documented');
  assert.ok(op.responses['200'].content['text/event-stream']);
  assert.ok(op.responses['403'] && op.responses['404']);
  const result = await new Validator().validate(doc);
  assert.equal(result.valid, true, String(JSON.stringify(result.errors)).slice(0, 2000));
});
