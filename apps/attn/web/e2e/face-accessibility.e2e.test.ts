// The student's face screens under axe (WCAG 2.2 AA): consent, the home screen with face
// verification on, enrolment (the camera explainer and the camera live, Chromium's fake camera
// fed a fixture face) and the selfie step after a scanned QR, in both languages on a phone
// (360 px) and a laptop (1280 px); <html lang> follows the language; no request leaves the site.
// The students count as enrolled through the API's own tables (no face model needed here).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LAPTOP, PHONE } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import type { Page } from 'playwright-core';
import { fixturesDir, groupSample } from '../../api/test/face/sample-images.ts';
import type { TestCourse, TestUser } from '../../api/test/helpers.ts';
import { markEnrolled, pageFor, type SelfieRoom, startSelfieRoom } from './face-helpers.ts';
import { type Classroom, saveScreenshot, WAIT_MS } from './harness.ts';

let selfie: SelfieRoom;
let room: Classroom;
let course: TestCourse;
let sessionId: string;

before(async () => {
  // The fixture face if it is there; else the face photo that ships in an npm package's demo.
  const photo = join(fixturesDir, 'person-a-1.jpg');
  selfie = await startSelfieRoom(existsSync(photo) ? photo : groupSample, 2);
  ({ room, course, sessionId } = selfie);
  for (const s of course.students) await markEnrolled(room, s);
});
after(() => selfie?.close());

const student = (i: number) => selfie.student(i);
const code = () => selfie.code();

for (const lang of ['en', 'tr'] as const) {
  for (const viewport of [PHONE, LAPTOP]) {
    test(`the face screens and the selfie step have no axe violation in ${lang} at ${viewport.width} px`, async () => {
      const fresh = await room.t.user('student');
      const enrolled = student(lang === 'en' ? 0 : 1);
      const failures: string[] = [];
      const screens: { name: string; as: TestUser; open(page: Page): Promise<void> }[] = [
        {
          name: 'consent',
          as: fresh,
          open: (page) => page.goto('/student/face/consent').then(() => undefined),
        },
        {
          name: 'home with face verification on',
          as: enrolled,
          open: async (page) => {
            await page.goto('/student');
            await page.locator('#face-card-title').waitFor();
          },
        },
        {
          name: 'enrolment, the explainer',
          as: enrolled,
          open: async (page) => {
            await page.goto('/student/face/photos');
            await page.locator('.photo-taker__explain').waitFor();
          },
        },
        {
          name: 'enrolment, the camera live',
          as: enrolled,
          open: async (page) => {
            await page.locator('.photo-taker__explain .button').first().click();
            await page.locator('video').waitFor();
          },
        },
        {
          name: 'selfie step after a scanned QR',
          as: enrolled,
          open: async (page) => {
            await page.goto(`/c/${sessionId}#${await code()}`);
            await page.locator('#selfie-title').waitFor({ timeout: WAIT_MS });
          },
        },
      ];
      {
        const pages = new Map<TestUser, Awaited<ReturnType<typeof pageFor>>>();
        for (const screen of screens) {
          let opened = pages.get(screen.as);
          if (!opened) {
            opened = await pageFor(room, screen.as, { camera: true, lang, viewport });
            pages.set(screen.as, opened);
          }
          const { page } = opened;
          await screen.open(page);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page
            .getByText(/^(Loading…|Yükleniyor…)$/)
            .first()
            .waitFor({ state: 'detached', timeout: WAIT_MS });
          assert.equal(await page.evaluate('document.documentElement.lang'), lang);
          for (const v of await axeViolations(page))
            failures.push(`${lang} ${screen.name} ${viewport.width}px: ${v}`);
          const name = `attn-face-${screen.name.replaceAll(/\W+/g, '-')}-${lang}-${viewport.width}`;
          await saveScreenshot(page, name, { fullPage: true });
        }
        for (const { context, foreign } of pages.values()) {
          assert.deepEqual(foreign, [], 'no request leaves the site');
          await context.close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }
}
