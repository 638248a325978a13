// Scaled out, Redis dies under an open stream: the stream stays open (heartbeats, this
// instance's own events), and when Redis is back the teacher gets a fresh snapshot holding what
// other instances did meanwhile (here, a check-in written straight to the database).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { EventStreamClient } from '@campus/platform/live';
import { startRedisServer } from '@campus/platform/testing';
import { checkins } from '../../src/db/schema/index.ts';
import { createAttnLive } from '../../src/live-channel.ts';
import { startAttn, type TestCourse } from '../helpers.ts';
import { addSession } from '../reports/attendance-rows.ts';

test('Redis down and back under an open stream: local events go on, then a new snapshot fills the gap', {
  skip: !existsSync('/usr/bin/redis-server') && "needs Debian's redis-server at /usr/bin/redis-server",
  timeout: 60_000,
}, async () => {
  const redis = await startRedisServer();
  const t = await startAttn({
    REDIS_URL: redis.url,
    REDIS_PREFIX: `test-${crypto.randomUUID().slice(0, 8)}:`,
  });
  try {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const course = await t.course({ students: 2 });
    const [s1, s2] = course.students as [TestCourse['students'][0], TestCourse['students'][0]];
    const now = t.clock.now();
    const sessionId = await addSession(t, course, { hoursAgo: 0, open: true });
    const res = await fetch(`${base}/api/teacher/sessions/${sessionId}/live`, {
      headers: course.teacher.headers,
    });
    const events = new EventStreamClient(res);
    assert.deepEqual(JSON.parse((await events.nextEvent())?.data ?? '{}').checkins, []);

    await redis.stop();
    const live = createAttnLive(t.app.live);
    live.publish(sessionId, {
      type: 'checkin',
      student: { id: s1.id, school_number: s1.schoolNumber, full_name: 'One' },
      status: 'present',
      checked_in_at: now.toISOString(),
      verification: 'not_required',
    });
    const local = await events.nextEvent();
    assert.equal(local?.event, 'checkin', 'this instance’s events still arrive');
    assert.equal(JSON.parse(local?.data ?? '{}').student.id, s1.id);
    // Meanwhile another instance checks a student in; its event is lost with Redis.
    await t.app.db.insert(checkins).values({ sessionId, studentId: s2.id, status: 'late', checkedInAt: now });

    await redis.start();
    const again = await events.nextEvent(20_000);
    assert.equal(again?.event, 'snapshot');
    const ids = JSON.parse(again?.data ?? '{}').checkins.map(
      (c: { student: { id: string } }) => c.student.id,
    );
    assert.deepEqual(ids, [s2.id]);
    await events.close();
  } finally {
    await t.close();
    await redis.stop();
  }
});
