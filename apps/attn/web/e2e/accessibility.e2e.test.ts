// Every route of the router, as each person who reaches it would see it, in both languages, on
// a phone (360 px) and a laptop (1280 px): axe finds no WCAG 2.2 AA violation, <html lang>
// follows the language, and at 320 px no page scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, NARROW_PHONE, newContext, PHONE } from '@campus/web/testing/browser.ts';
import { axeViolations, horizontalOverflow } from '@campus/web/testing/page-checks.ts';
import type { Page } from 'playwright-core';
import type { TestUser } from '../../api/test/helpers.ts';
import { type Classroom, sessionCookie, startClassroom, WAIT_MS } from './harness.ts';

let room: Classroom;
let routes: { path: string; as: TestUser | null; name: string }[];

before(async () => {
  room = await startClassroom();
  const course = await room.t.course({ students: 3 });
  const [student, other] = course.students;
  assert.ok(student && other);
  const admin = await room.t.user('admin');
  const opened = await room.t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: course.teacher.headers,
    payload: { duration_minutes: 60, late_after_minutes: 10 },
  });
  const sessionId = opened.json().id as string;
  const code = (
    await room.t.app.inject({
      url: `/api/teacher/sessions/${sessionId}/code`,
      headers: course.teacher.headers,
    })
  ).json().code;
  await room.t.app.inject({
    method: 'POST',
    url: '/api/student/checkins',
    headers: other.headers,
    payload: { session_id: sessionId, code, device_id: 'device-other-student' },
  });
  routes = [
    { path: '/login', as: null, name: 'login' },
    { path: `/c/${sessionId}`, as: null, name: 'check-in, logged out' },
    { path: `/c/${sessionId}`, as: student, name: 'check-in, typed code' },
    { path: `/c/${sessionId}`, as: other, name: 'check-in, already checked in' },
    { path: '/student', as: student, name: 'student home' },
    { path: '/student/history', as: other, name: 'student history' },
    { path: '/teacher', as: course.teacher, name: 'teacher courses' },
    { path: `/teacher/courses/${course.id}`, as: course.teacher, name: 'course, session open' },
    { path: `/teacher/sessions/${sessionId}`, as: course.teacher, name: 'live list' },
    { path: `/teacher/sessions/${sessionId}/projector`, as: course.teacher, name: 'projector' },
    { path: '/admin', as: admin, name: 'admin home' },
    { path: '/teacher', as: student, name: 'another role’s page' },
    { path: '/no/such/page', as: null, name: 'not found' },
  ];
});
after(() => room?.close());

/** The page has its data: no "Loading…" left (the pages' own placeholder while they fetch). */
async function settled(page: Page) {
  await page
    .getByText(/^(Loading…|Yükleniyor…)$/)
    .first()
    .waitFor({ state: 'detached', timeout: WAIT_MS });
}

async function contextFor(
  user: TestUser | null,
  lang: 'en' | 'tr',
  viewport: { width: number; height: number },
) {
  const made = await newContext(room.browser, room.url, { viewport, lang, mobile: viewport.width < 800 });
  if (user) {
    await made.context.addCookies([sessionCookie(user, room.url)]);
  }
  return made;
}

for (const lang of ['en', 'tr'] as const) {
  for (const viewport of [PHONE, LAPTOP]) {
    test(`every route has no axe violation in ${lang} at ${viewport.width} px`, async () => {
      const failures: string[] = [];
      for (const route of routes) {
        const { context, foreign } = await contextFor(route.as, lang, viewport);
        const page = await context.newPage();
        await page.goto(route.path);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
        await settled(page);
        assert.equal(await page.evaluate('document.documentElement.lang'), lang, route.name);
        for (const v of await axeViolations(page)) failures.push(`${route.name} (${route.path}): ${v}`);
        assert.deepEqual(foreign, [], `${route.name}: no request leaves the site`);
        await context.close();
      }
      assert.deepEqual(failures, []);
    });
  }
}

test('no page scrolls sideways on a 320 px phone, in either language', async () => {
  const overflowing: string[] = [];
  for (const lang of ['en', 'tr'] as const) {
    for (const route of routes) {
      const { context } = await contextFor(route.as, lang, NARROW_PHONE);
      const page = await context.newPage();
      await page.goto(route.path);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
      await settled(page);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) overflowing.push(`${lang} ${route.name}: ${overflow} px too wide`);
      await context.close();
    }
  }
  assert.deepEqual(overflowing, []);
});
