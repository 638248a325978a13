// What the face screens' browser tests share: a page logged in as a student, with or without the
// camera allowed, that records the status messages it shows and each time it asks for the
// camera; and a student made "enrolled" without the face models (for screens that only need the
// API to say so).

import assert from 'node:assert/strict';
import { newContext, PHONE } from '@campus/web/testing/browser.ts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { faceConsents, faceEmbeddings } from '../../api/src/db/schema/index.ts';
import { FACE_EMBEDDING_MODEL } from '../../api/src/modules/face/face.repository.ts';
import type { TestCourse, TestUser } from '../../api/test/helpers.ts';
import { fakeCamera } from './fake-camera.ts';
import { type Classroom, sessionCookie, startClassroom } from './harness.ts';

/**
 * A page logged in as `user`. `camera`: the person answers "allow" to the camera prompt; else
 * headless Chromium denies it. The page records every status message it shows and each time it
 * asks for the camera.
 */
export async function pageFor(
  room: Classroom,
  user: TestUser,
  opts: { camera?: boolean; lang?: 'en' | 'tr'; viewport?: { width: number; height: number } } = {},
) {
  const viewport = opts.viewport ?? PHONE;
  const { context, foreign } = await newContext(room.browser, room.url, {
    viewport,
    lang: opts.lang ?? 'en',
    mobile: viewport.width < 800,
  });
  await context.addCookies([sessionCookie(user, room.url)]);
  if (opts.camera) await context.grantPermissions(['camera'], { origin: room.url });
  // A string: the test's own type check has no DOM (as the page.evaluate strings elsewhere).
  await context.addInitScript(`
    window.statuses = [];
    window.cameraAsked = 0;
    const devices = navigator.mediaDevices;
    if (devices) {
      const ask = devices.getUserMedia.bind(devices);
      devices.getUserMedia = (constraints) => {
        window.cameraAsked++;
        return ask(constraints);
      };
    }
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[role=status]')) {
        const text = el.textContent?.trim();
        if (text && !window.statuses.includes(text)) window.statuses.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  `);
  const page = await context.newPage();
  return { page, context, foreign };
}

/** Every status message the page has shown, in order. */
export const statuses = (page: Page) => page.evaluate<string[]>('window.statuses');
/** How many times the page called getUserMedia. */
export const cameraAsked = (page: Page) => page.evaluate<number>('window.cameraAsked');

/**
 * Consent through the student's own route, and one stored embedding of made-up numbers: enough
 * for the API to count the student enrolled (the screens' state), never compared with a face.
 */
export async function markEnrolled(room: Classroom, user: TestUser) {
  const status = await room.t.app.inject({ url: '/api/student/face', headers: user.headers });
  const consent = await room.t.app.inject({
    method: 'POST',
    url: '/api/student/face/consent',
    headers: user.headers,
    payload: { text_version: status.json().consent_text.version },
  });
  if (consent.statusCode >= 300) throw new Error(consent.body);
  const db = room.t.app.db;
  const [live] = await db
    .select()
    .from(faceConsents)
    .where(and(eq(faceConsents.userId, user.id), isNull(faceConsents.withdrawnAt)));
  if (!live) throw new Error('no consent');
  await db.insert(faceEmbeddings).values({
    userId: user.id,
    consentId: live.id,
    embedding: Array.from({ length: 128 }, (_, i) => Math.sin(i)),
    model: FACE_EMBEDDING_MODEL,
    createdAt: room.clock.now(),
  });
}

export interface SelfieRoom {
  room: Classroom;
  course: TestCourse;
  /** The open session that requires a selfie. */
  sessionId: string;
  student(i: number): TestUser;
  /** The session's current code, as the projector shows it. */
  code(): Promise<string>;
  close(): Promise<void>;
}

/**
 * ATTN with a browser whose fake camera shows `photo`, a course of `students` and an open session
 * of it that requires a selfie.
 */
export async function startSelfieRoom(photo: string, students: number): Promise<SelfieRoom> {
  const camera = await fakeCamera(photo);
  let room: Classroom;
  try {
    room = await startClassroom({ env: { FACE_THREADS: '1' }, browserArgs: camera.args });
  } catch (err) {
    await camera.remove();
    throw err;
  }
  const close = async () => {
    await room.close();
    await camera.remove();
  };
  const course = await room.t.course({ students });
  const opened = await room.t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: course.teacher.headers,
    payload: { duration_minutes: 60, selfie_required: true },
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const sessionId: string = opened.json().id;
  return {
    room,
    course,
    sessionId,
    student(i) {
      const s = course.students[i];
      assert.ok(s);
      return s;
    },
    async code() {
      const res = await room.t.app.inject({
        url: `/api/teacher/sessions/${sessionId}/code`,
        headers: course.teacher.headers,
      });
      return res.json().code;
    },
    close,
  };
}
