// The class flow by keyboard alone: the teacher logs in, finds the course, opens a session and
// shows the projector; the student opens the link, logs in and is checked in. Only Tab,
// Shift+Tab, typing, Space and Enter: no click, no focus() from the test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import type { Locator, Page } from 'playwright-core';
import type { TestCourse } from '../../api/test/helpers.ts';
import { type Classroom, readQr, startClassroom, TEST_PASSWORD, WAIT_MS } from './harness.ts';

let room: Classroom;
let course: TestCourse;

before(async () => {
  room = await startClassroom();
  course = await room.t.course({ students: 2 });
});
after(() => room?.close());

/** Presses Tab until `target` has the focus (at most 60 times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  await target.waitFor({ timeout: WAIT_MS });
  for (let i = 0; i < 60; i++) {
    // (evaluated in the page, where `document` exists; the test's own types have no DOM)
    if (
      await target.evaluate(
        (el) => el === (globalThis as { document?: { activeElement: unknown } }).document?.activeElement,
      )
    )
      return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${target}`);
}

async function logInByKeyboard(page: Page, schoolNumber: string) {
  await tabTo(page, page.getByLabel('School number'));
  await page.keyboard.type(schoolNumber);
  await page.keyboard.press('Tab');
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press('Enter');
}

test('the class flow can be done by keyboard alone', async () => {
  const teacher = await newContext(room.browser, room.url, { viewport: LAPTOP });
  const page = await teacher.context.newPage();
  await page.goto('/login');
  await logInByKeyboard(page, course.teacher.schoolNumber);
  await page.waitForURL(/\/teacher$/, { timeout: WAIT_MS });

  const code = (
    await room.t.app.inject({ url: `/api/teacher/courses/${course.id}`, headers: course.teacher.headers })
  ).json().code as string;
  await tabTo(page, page.getByRole('link', { name: new RegExp(code) }).first());
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Duration in minutes'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('45');
  await tabTo(page, page.getByRole('button', { name: 'Start the attendance session' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/teacher\/sessions\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });

  await tabTo(page, page.getByRole('link', { name: /projector/i }).first());
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/projector$/, { timeout: WAIT_MS });
  const qrUrl = await readQr(page);

  const phone = await newContext(room.browser, room.url, { viewport: PHONE, mobile: true });
  const student = await phone.context.newPage();
  await student.goto(qrUrl);
  const first = course.students[0];
  assert.ok(first);
  await logInByKeyboard(student, first.schoolNumber);
  await student.getByRole('heading', { name: 'You are checked in' }).waitFor({ timeout: WAIT_MS });

  // The projector's own controls answer the keyboard too: hide the code, show it again.
  await tabTo(page, page.getByRole('button', { name: 'Hide code' }));
  await page.keyboard.press('Space');
  await page.getByText(/The code is hidden/).waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Space');
  await page.getByRole('img', { name: /QR/ }).waitFor({ timeout: WAIT_MS });
  await teacher.context.close();
  await phone.context.close();
});
