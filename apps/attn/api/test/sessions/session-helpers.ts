// What the session and check-in tests share: open a session as the course's teacher, read its
// current code, check a student in.
import assert from 'node:assert/strict';
import type { AttnTest, TestCourse, TestUser } from '../helpers.ts';

export async function openSession(t: AttnTest, course: TestCourse, body: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: course.teacher.headers,
    payload: { duration_minutes: 60, ...body },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; code_step_seconds: number; opened_at: string; ends_at: string };
}

export async function codeOf(t: AttnTest, teacher: TestUser, sessionId: string): Promise<string> {
  const res = await t.app.inject({
    url: `/api/teacher/sessions/${sessionId}/code`,
    headers: teacher.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().code;
}

export function checkIn(
  t: AttnTest,
  student: TestUser,
  body: { session_id: string; code: string; device_id?: string },
  remoteAddress = '10.9.0.1',
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/student/checkins',
    headers: student.headers,
    payload: { device_id: `device-${student.id}`, ...body },
    remoteAddress,
  });
}
