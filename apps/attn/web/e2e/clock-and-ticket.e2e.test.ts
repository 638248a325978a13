// Time in the class flow: the projector follows the server's clock, not the laptop's, and a
// student who scans and then takes a minute to log in is still checked in (the ticket taken
// when the page opened). Each refusal a student can meet here has its own message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import type { Page } from 'playwright-core';
import type { TestCourse, TestUser } from '../../api/test/helpers.ts';
import { type Classroom, logIn, readQr, sessionCookie, startClassroom, WAIT_MS } from './harness.ts';

let room: Classroom;
let course: TestCourse;

before(async () => {
  room = await startClassroom();
  course = await room.t.course({ students: 4 });
});
after(() => room?.close());

async function openSession(codeStepSeconds: number): Promise<string> {
  const res = await room.t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: course.teacher.headers,
    payload: { duration_minutes: 60, code_step_seconds: codeStepSeconds },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

async function closeSession(id: string) {
  await room.t.app.inject({
    method: 'POST',
    url: `/api/teacher/sessions/${id}/close`,
    headers: course.teacher.headers,
  });
}

async function currentCode(sessionId: string) {
  const res = await room.t.app.inject({
    url: `/api/teacher/sessions/${sessionId}/code`,
    headers: course.teacher.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { code: string; rotates_at: string };
}

/**
 * The projected code beside the server's current one, read while the server's stays the same: on a
 * busy machine reading the QR from the screen can take long enough to straddle a rotation, and
 * then the pair is read again.
 */
async function projectedAndCurrent(page: Page, sessionId: string) {
  // A rotation just before the read leaves the page a moment behind the server (it follows at
  // the rotation by its own clock, then draws): read again, a little later, a few times.
  for (let attempt = 1; ; attempt++) {
    const before = (await currentCode(sessionId)).code;
    const projected = (await readQr(page)).split('#')[1] ?? '';
    const after = (await currentCode(sessionId)).code;
    if ((before === after && projected === after) || attempt === 5) return { projected, current: after };
    await page.waitForTimeout(500);
  }
}

/** A browser context whose clock is `skewMs` off real time, and flows. */
async function skewedContext(skewMs: number, viewport = LAPTOP, mobile = false) {
  const made = await newContext(room.browser, room.url, { viewport, mobile });
  await made.context.clock.install({ time: Date.now() + skewMs });
  await made.context.clock.resume();
  return made;
}

function apiCheckIn(student: TestUser, sessionId: string, code: string) {
  return fetch(`${room.url}/api/student/checkins`, {
    method: 'POST',
    headers: { ...student.headers, 'content-type': 'application/json', origin: room.url },
    body: JSON.stringify({ session_id: sessionId, code, device_id: `device-${student.id}` }),
  });
}

test('with the laptop clock 5 minutes off either way, the projector shows the code the server accepts, and follows its rotation', async () => {
  const sessionId = await openSession(10);
  // Closed whatever happens, so that a failure here leaves the next tests a course to open.
  try {
    const [ahead, behind] = course.students;
    assert.ok(ahead && behind);
    for (const [skew, student] of [
      [5 * 60_000, ahead],
      [-5 * 60_000, behind],
    ] as const) {
      const teacher = await skewedContext(skew);
      await teacher.context.addCookies([sessionCookie(course.teacher, room.url)]);
      const page = await teacher.context.newPage();
      await page.goto(`/teacher/sessions/${sessionId}/projector`);
      const first = await projectedAndCurrent(page, sessionId);
      assert.equal(first.projected, first.current, 'the projected code is the current one');
      // After the next rotation on the server's clock, the page shows the new code on its own.
      const { rotates_at } = await currentCode(sessionId);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, Date.parse(rotates_at) - room.clock.nowMs()) + 1500),
      );
      const { projected: next, current } = await projectedAndCurrent(page, sessionId);
      assert.notEqual(next, first.projected, 'the code rotated');
      assert.equal(next, current);
      const res = await apiCheckIn(student, sessionId, next);
      assert.equal(res.status, 201, await res.text());
      await teacher.context.close();
    }
  } finally {
    await closeSession(sessionId);
  }
});

test('a student who opens the link and takes a minute to log in is still checked in', async () => {
  const sessionId = await openSession(10);
  const { code } = await currentCode(sessionId);
  const phone = await newContext(room.browser, room.url, { viewport: PHONE, mobile: true });
  const page = await phone.context.newPage();
  await page.goto(`/c/${sessionId}#${code}`);
  await page.getByText(/Code received/).waitFor({ timeout: WAIT_MS });
  room.clock.advance(60_000);
  assert.notEqual((await currentCode(sessionId)).code, code, 'the scanned code has expired meanwhile');
  const student = course.students[2];
  assert.ok(student);
  await logIn(page, student.schoolNumber);
  await page.getByRole('heading', { name: 'You are checked in' }).waitFor({ timeout: WAIT_MS });
  await phone.context.close();
  await closeSession(sessionId);
});

test('a wrong code, an expired code and a second check-in each say what happened', async () => {
  const sessionId = await openSession(10);
  const student = course.students[3];
  assert.ok(student);
  const phone = await newContext(room.browser, room.url, { viewport: PHONE, mobile: true });
  await phone.context.addCookies([sessionCookie(student, room.url)]);
  const page = await phone.context.newPage();

  // A wrong code typed by hand.
  const { code } = await currentCode(sessionId);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.goto(`/c/${sessionId}`);
  const codeField = page.getByLabel(/Code on the screen/);
  await codeField.fill(wrong);
  await page.getByRole('button', { name: 'Check in' }).click();
  await page
    .getByText(/That code is not right/)
    .first()
    .waitFor({ timeout: WAIT_MS });

  // An expired one: typed after it rotated away (no ticket: typed codes take none).
  room.clock.advance(30_000);
  await codeField.fill(code);
  await page.getByRole('button', { name: 'Check in' }).click();
  await page
    .getByText(/That code has already changed/)
    .first()
    .waitFor({ timeout: WAIT_MS });

  // The right one, then the QR again: already checked in.
  await codeField.fill((await currentCode(sessionId)).code);
  await page.getByRole('button', { name: 'Check in' }).click();
  await page.getByRole('heading', { name: 'You are checked in' }).waitFor({ timeout: WAIT_MS });
  // Scanned again: a camera app opens the link in a new tab.
  const again = await phone.context.newPage();
  await again.goto(`/c/${sessionId}#${(await currentCode(sessionId)).code}`);
  await again
    .getByText(/You had already checked in/)
    .first()
    .waitFor({ timeout: WAIT_MS });
  await phone.context.close();
  await closeSession(sessionId);
});
