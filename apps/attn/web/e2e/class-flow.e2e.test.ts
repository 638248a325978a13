// The everyday class flow in a real browser, on the database the run asks for: the teacher logs
// in, opens a session and shows the projector; the QR is decoded from the page's pixels and
// opened on a phone by a logged-out student, who logs in and is checked in; the teacher's live
// list shows them without a reload, through the event stream, with no polling; then 30 more
// students check in through the API and each appears once. Latencies are printed, not asserted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import type { Page, Request } from 'playwright-core';
import type { TestCourse } from '../../api/test/helpers.ts';
import { type Classroom, logIn, readQr, saveScreenshot, since, startClassroom, WAIT_MS } from './harness.ts';

let room: Classroom;
let course: TestCourse;

before(async () => {
  room = await startClassroom();
  course = await room.t.course({ students: 31 });
});
after(() => room?.close());

/** The teacher's session in the app: log in, open the course, start a session with a 60 s code. */
async function openSessionAsTeacher(page: Page): Promise<string> {
  await page.goto('/');
  await logIn(page, course.teacher.schoolNumber);
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: WAIT_MS });
  const code = await courseCode();
  await page
    .getByRole('link', { name: new RegExp(code) })
    .first()
    .click();
  await page.getByLabel('Duration in minutes').fill('60');
  await page.getByLabel('New code every').selectOption('60');
  await page.getByRole('button', { name: 'Start the attendance session' }).click();
  await page.waitForURL(/\/teacher\/sessions\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });
  return page.url().split('/').at(-1) as string;
}

async function courseCode(): Promise<string> {
  const res = await room.t.app.inject({
    url: `/api/teacher/courses/${course.id}`,
    headers: course.teacher.headers,
  });
  return res.json().code as string;
}

/** Requests other than the page's own first loads: a polling page would make some. */
function watchRequests(page: Page) {
  const seen: Request[] = [];
  const listener = (request: Request) => seen.push(request);
  page.on('request', listener);
  return {
    stop() {
      page.off('request', listener);
      return seen;
    },
  };
}

test('a student scans the projected QR on a phone, logs in, is checked in, and the teacher sees it live; 30 more follow', async () => {
  const teacher = await newContext(room.browser, room.url, { viewport: LAPTOP });
  const live = await teacher.context.newPage();
  const sessionId = await openSessionAsTeacher(live);

  // The live list is open and connected before anyone checks in.
  const eventStreams: string[] = [];
  live.on('request', (r) => {
    if (r.resourceType() === 'eventsource') eventStreams.push(r.url());
  });
  await live.reload();
  await live
    .getByRole('table')
    .or(live.getByText(/No one has checked in|nobody/i))
    .first()
    .waitFor({ timeout: WAIT_MS });

  const projector = await teacher.context.newPage();
  await projector.goto(`/teacher/sessions/${sessionId}/projector`);
  const qrUrl = await readQr(projector);
  assert.match(qrUrl, new RegExp(`^${room.url}/c/${sessionId}#\\d{6}$`));
  await saveScreenshot(projector, 'projector');

  const watch = watchRequests(live);
  const phone = await newContext(room.browser, room.url, { viewport: PHONE, mobile: true });
  const student = await phone.context.newPage();
  const first = course.students[0];
  assert.ok(first);
  const scanned = performance.now();
  await student.goto(qrUrl);
  await logIn(student, first.schoolNumber);
  await student.getByRole('heading', { name: 'You are checked in' }).waitFor({ timeout: WAIT_MS });
  const checkedInMs = since(scanned);
  assert.doesNotMatch(student.url(), /#/, 'the code left the address bar');
  await saveScreenshot(student, 'phone-check-in');

  const shownAt = performance.now();
  const name = `Test student ${first.schoolNumber}`;
  await live
    .getByRole('cell', { name: first.schoolNumber })
    .or(live.getByText(name))
    .first()
    .waitFor({ timeout: WAIT_MS });
  console.log(
    `  scan to "checked in" on the phone: ${checkedInMs} ms; to the teacher's list: ${since(scanned)} ms (${since(shownAt)} after)`,
  );

  // 30 more through the API, with the code the projector shows.
  const codeRes = await room.t.app.inject({
    url: `/api/teacher/sessions/${sessionId}/code`,
    headers: course.teacher.headers,
  });
  const code = codeRes.json().code as string;
  const rest = course.students.slice(1);
  const started = performance.now();
  const answers = await Promise.all(
    rest.map((s) =>
      fetch(`${room.url}/api/student/checkins`, {
        method: 'POST',
        headers: { ...s.headers, 'content-type': 'application/json', origin: room.url },
        body: JSON.stringify({ session_id: sessionId, code, device_id: `device-${s.id}` }),
      }),
    ),
  );
  assert.deepEqual(
    answers.map((r) => r.status),
    rest.map(() => 201),
  );
  const apiMs = since(started);
  for (const s of rest) {
    await live.getByText(s.schoolNumber, { exact: true }).first().waitFor({ timeout: WAIT_MS });
  }
  console.log(
    `  30 check-ins through the API: answered in ${apiMs} ms, all on the teacher's list after ${since(started)} ms`,
  );

  // Each student once, and the count agrees.
  for (const s of course.students) {
    assert.equal(await live.getByRole('row').filter({ hasText: s.schoolNumber }).count(), 1, s.schoolNumber);
  }
  await live
    .getByText(/31 of 31/)
    .first()
    .waitFor({ timeout: WAIT_MS });

  const later = watch.stop();
  const polls = later.filter((r) => r.resourceType() !== 'eventsource' && r.url().includes('/api/'));
  assert.deepEqual(
    polls.map((r) => r.url()),
    [],
    'the live list asked the API for nothing while check-ins arrived',
  );
  assert.ok(
    eventStreams.some((u) => u.endsWith(`/api/teacher/sessions/${sessionId}/live`)),
    'it listens with EventSource',
  );
  assert.deepEqual([...teacher.foreign, ...phone.foreign], [], 'no request leaves the site');
  await saveScreenshot(live, 'live-list');
  await teacher.context.close();
  await phone.context.close();
});
