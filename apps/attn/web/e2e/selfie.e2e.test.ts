// The student's face screens in a real browser, on the real API and face models: Chromium's fake
// camera shows a fixture face (a Y4M made from the photo at test time). Consent starts unticked
// and enrolment through the camera works; a selfie check-in is taken and sent, shows pending and
// then its verdict; with the camera denied the file input takes the selfie; a student without
// consent is never asked for a camera; withdrawal takes two activations from the home screen and
// leaves the API with no enrolment. (axe on these screens: face-accessibility.e2e.test.ts.)
// Nothing of /api is intercepted.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { faceConsents, faceEmbeddings } from '../../api/src/db/schema/index.ts';
import { enrol } from '../../api/test/attendance/verification-helpers.ts';
import { fixturesDir, fixturesMissing } from '../../api/test/face/sample-images.ts';
import type { TestUser } from '../../api/test/helpers.ts';
import { cameraAsked, pageFor, type SelfieRoom, startSelfieRoom, statuses } from './face-helpers.ts';
import { type Classroom, saveScreenshot } from './harness.ts';

const fixture = (name: string) => join(fixturesDir, name);
/** A verdict waits for the face job: the models' first load on a busy machine takes a while. */
const VERDICT_MS = 60_000;

let selfie: SelfieRoom;
let room: Classroom;
let sessionId: string;

before(async () => {
  if (fixturesMissing) return;
  selfie = await startSelfieRoom(fixture('person-a-1.jpg'), 7);
  ({ room, sessionId } = selfie);
});
after(() => selfie?.close());

const student = (i: number) => selfie.student(i);
const code = () => selfie.code();

async function faceStatus(user: TestUser) {
  const res = await room.t.app.inject({ url: '/api/student/face', headers: user.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { consent: unknown; enrolled: number };
}

test('consent starts unticked and asks again when not ticked; enrolment with a photo from the camera works', {
  skip: fixturesMissing,
}, async () => {
  const me = student(0);
  const { page, context } = await pageFor(room, me, { camera: true });
  await page.goto('/student');
  await page.getByRole('link', { name: 'Set up face verification' }).click();
  await page.getByRole('heading', { level: 1, name: 'Consent to face verification' }).waitFor();
  const box = page.getByRole('checkbox', { name: /I agree to face verification/ });
  assert.equal(await box.isChecked(), false, 'the box starts unticked');
  // What is kept, who sees what, for how long, and the way without a face; then the full text.
  for (const words of ['never the photos', 'seven days', 'until you withdraw', 'in person', 'Who sees what:'])
    assert.ok(await page.getByText(words).first().isVisible(), words);
  await saveScreenshot(page, 'attn-face-consent-phone', { fullPage: true });

  await page.getByRole('button', { name: 'Agree and continue' }).click();
  await page.getByRole('alert').getByText('Tick the box to agree').waitFor();
  assert.equal((await faceStatus(me)).consent, null, 'nothing recorded without the tick');

  await box.check();
  await page.getByRole('button', { name: 'Agree and continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Enrol your face' }).waitFor();
  // The explainer comes before the browser's prompt: no camera asked for yet.
  await page.getByText(/your browser asks whether this site may use your camera/).waitFor();
  assert.equal(await cameraAsked(page), 0);
  await saveScreenshot(page, 'attn-face-explainer-phone');
  await page.getByRole('button', { name: 'Turn on the camera' }).click();
  await page.getByRole('button', { name: 'Take photo' }).waitFor();
  await page.waitForFunction("(document.querySelector('video')?.videoWidth ?? 0) > 0");
  await saveScreenshot(page, 'attn-face-camera-phone');
  await page.getByRole('button', { name: 'Take photo' }).click();
  await page.getByRole('img', { name: 'The photo you took' }).waitFor();
  // Retake goes back to the camera, and a second photo is taken.
  await page.getByRole('button', { name: 'Retake' }).click();
  await page.getByRole('button', { name: 'Take photo' }).click();
  await page.getByRole('button', { name: 'Add this photo' }).click();
  await page.getByRole('img', { name: 'Photo 1' }).waitFor();
  await saveScreenshot(page, 'attn-face-photos-phone', { fullPage: true });
  await page.getByRole('button', { name: 'Enrol these photos' }).click();
  await page.getByText('Your face is enrolled from 1 photo.').waitFor({ timeout: VERDICT_MS });
  await saveScreenshot(page, 'attn-face-enrolled-phone');
  const status = await faceStatus(me);
  assert.ok(status.consent, 'consent recorded');
  assert.equal(status.enrolled, 1);
  await context.close();
});

/** The mean brightness (0-255) of the image named `name`: a photo taken before a frame is black. */
async function brightness(page: Page, name: string): Promise<number> {
  return page.evaluate(`(async () => {
    const img = [...document.querySelectorAll('img')].find((i) => i.alt === ${JSON.stringify(name)});
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 32;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, 32, 32);
    const data = ctx.getImageData(0, 0, 32, 32).data;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    return sum / (data.length / 4);
  })()`);
}

// The camera's stream reaches the page a second and a half before its first frame, as a slow
// phone camera does (a canvas stream that starts drawing the real one late).
const SLOW_CAMERA = `
  const devices = navigator.mediaDevices;
  const ask = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const source = document.createElement('video');
    source.muted = true;
    source.srcObject = await ask(constraints);
    await source.play();
    const canvas = document.createElement('canvas');
    const late = canvas.captureStream(25);
    setTimeout(() => {
      canvas.width = source.videoWidth;
      canvas.height = source.videoHeight;
      const draw = () => {
        canvas.getContext('2d').drawImage(source, 0, 0);
        requestAnimationFrame(draw);
      };
      draw();
    }, 1500);
    return late;
  };
`;

test("a photo asked for before the camera's first frame waits for a real picture, never a black one", {
  skip: fixturesMissing,
}, async () => {
  const me = student(5);
  const consent = await faceStatus(me);
  await room.t.app.inject({
    method: 'POST',
    url: '/api/student/face/consent',
    headers: me.headers,
    payload: {
      text_version: (consent as unknown as { consent_text: { version: string } }).consent_text.version,
    },
  });
  const { page, context } = await pageFor(room, me, { camera: true });
  await page.addInitScript(SLOW_CAMERA);
  await page.goto('/student/face/photos');
  await page.getByRole('button', { name: 'Turn on the camera' }).click();
  await page.getByRole('button', { name: 'Take photo' }).click();
  assert.equal(
    await page.evaluate("document.querySelector('video')?.videoWidth ?? 0"),
    0,
    'pressed before a frame',
  );
  await page.getByRole('img', { name: 'The photo you took' }).waitFor({ timeout: 10_000 });
  const shade = await brightness(page, 'The photo you took');
  assert.ok(shade > 30, `the photo is of the picture, not black (mean brightness ${shade})`);
  await page.getByRole('button', { name: 'Add this photo' }).waitFor();
  await context.close();
});

test('an enrolment photo the API refuses is named with its reason in plain words, and nothing is stored', {
  skip: fixturesMissing,
}, async () => {
  const me = student(6);
  await room.t.app.inject({
    method: 'POST',
    url: '/api/student/face/consent',
    headers: me.headers,
    payload: {
      text_version: ((await faceStatus(me)) as unknown as { consent_text: { version: string } }).consent_text
        .version,
    },
  });
  const { page, context } = await pageFor(room, me);
  await page.goto('/student/face/photos');
  await page.getByRole('button', { name: 'Take or choose a photo instead' }).click();
  await page.getByLabel('Take or choose a photo').setInputFiles(fixture('group-1.jpg'));
  await page.getByRole('button', { name: 'Add this photo' }).click();
  await page.getByRole('button', { name: 'Enrol these photos' }).click();
  await page
    .getByRole('alert')
    .getByText('Photo 1: more than one face is in it. Take a photo with only you in it.')
    .waitFor({ timeout: VERDICT_MS });
  await saveScreenshot(page, 'attn-face-refused-phone', { fullPage: true });
  assert.equal((await faceStatus(me)).enrolled, 0);
  await context.close();
});

test('acceptance 1: a selfie from the camera is taken and sent; the check-in shows pending, then the verdict', {
  skip: fixturesMissing,
}, async () => {
  const me = student(1);
  await enrol(room.t, me, await readFile(fixture('person-a-2.jpg')));
  const { page, context } = await pageFor(room, me, { camera: true });
  await page.goto('/student');
  await page.getByText('after the code, you take one with your camera').waitFor();
  await page.getByLabel('Code on the screen').fill(await code());
  await page.getByRole('button', { name: 'Check in' }).click();
  await page.getByRole('heading', { name: 'Take a selfie to finish' }).waitFor();
  assert.equal(await cameraAsked(page), 0, 'the explainer comes first');
  await page.getByRole('button', { name: 'Turn on the camera' }).click();
  await page.getByRole('button', { name: 'Take photo' }).click();
  await page.getByRole('img', { name: 'The photo you took' }).waitFor();
  await saveScreenshot(page, 'attn-selfie-preview-phone');
  await page.getByRole('button', { name: 'Send and check in' }).click();
  await page.getByRole('heading', { name: 'You are checked in' }).waitFor();
  await page.getByText('Selfie verified. Nothing more to do.').waitFor({ timeout: VERDICT_MS });
  await saveScreenshot(page, 'attn-selfie-verified-phone');
  const shown = await statuses(page);
  const pending = shown.indexOf('Checking your selfie…');
  assert.ok(pending >= 0, `pending was shown: ${JSON.stringify(shown)}`);
  assert.ok(pending < shown.indexOf('Selfie verified. Nothing more to do.'), 'pending, then the verdict');
  assert.equal(await cameraAsked(page), 1);
  await context.close();
});

test('acceptance 1: with the camera denied, the QR link takes the selfie through the file input', {
  skip: fixturesMissing,
}, async () => {
  const me = student(2);
  await enrol(room.t, me, await readFile(fixture('person-b-1.jpg')));
  const { page, context } = await pageFor(room, me, { camera: false });
  await page.goto(`/c/${sessionId}#${await code()}`);
  await page.getByRole('heading', { name: 'Take a selfie to finish' }).waitFor();
  await page.getByRole('button', { name: 'Turn on the camera' }).click();
  await page.getByText('The camera is blocked for this site').waitFor();
  const file = page.getByLabel('Take or choose a photo');
  assert.equal(await file.getAttribute('capture'), 'user');
  await saveScreenshot(page, 'attn-selfie-denied-phone');
  await file.setInputFiles(fixture('person-b-2.jpg'));
  await page.getByRole('button', { name: 'Send and check in' }).click();
  await page.getByRole('heading', { name: 'You are checked in' }).waitFor();
  const verdict = page.getByText(
    /^(Selfie verified\. Nothing more to do\.|Your teacher will look at your selfie and decide\.|Your selfie did not match)/,
  );
  await verdict.waitFor({ timeout: VERDICT_MS });
  assert.ok((await statuses(page)).includes('Checking your selfie…'), 'pending was shown first');
  const history = await room.t.app.inject({ url: '/api/student/history?limit=5', headers: me.headers });
  const row = history.json().items.find((i: { session_id: string }) => i.session_id === sessionId);
  assert.ok(row && row.verification !== 'pending', JSON.stringify(row));
  await context.close();
});

test('acceptance 1: a student without consent is checked in for the teacher and never asked for a camera', {
  skip: fixturesMissing,
}, async () => {
  const me = student(3);
  const { page, context } = await pageFor(room, me, { camera: true });
  await page.goto('/student');
  await page.getByText('you have not set up face verification: no camera is needed').waitFor();
  await page.getByLabel('Code on the screen').fill(await code());
  await page.getByRole('button', { name: 'Check in' }).click();
  await page.getByRole('heading', { name: 'You are checked in' }).waitFor();
  await page.getByText('so no camera is needed: your teacher confirms your attendance in person').waitFor();
  await saveScreenshot(page, 'attn-selfie-no-face-phone');
  assert.equal(await cameraAsked(page), 0, 'getUserMedia never called');
  assert.equal(await page.locator('input[type=file], video').count(), 0, 'no camera or file input shown');
  await context.close();
});

test('acceptance 2: withdrawal takes two activations from the home screen; the API then holds no enrolment', {
  skip: fixturesMissing,
}, async () => {
  const me = student(4);
  await enrol(room.t, me, await readFile(fixture('person-c-1.jpg')));
  const { page, context } = await pageFor(room, me);
  await page.goto('/student');
  await page.getByText('On: 1 photo enrolled.').waitFor();
  await page.getByRole('button', { name: 'Withdraw face consent' }).click(); // 1
  await page.getByRole('dialog', { name: 'Withdraw face consent?' }).waitFor();
  await saveScreenshot(page, 'attn-face-withdraw-phone');
  await page.getByRole('button', { name: 'Withdraw and delete' }).click(); // 2
  await page.getByText('Face consent withdrawn. Nothing of your face is stored.').waitFor();
  await page.getByRole('link', { name: 'Set up face verification' }).waitFor();
  await saveScreenshot(page, 'attn-face-withdrawn-phone');
  const status = await faceStatus(me);
  assert.equal(status.consent, null);
  assert.equal(status.enrolled, 0);
  const db = room.t.app.db;
  assert.equal((await db.select().from(faceEmbeddings).where(eq(faceEmbeddings.userId, me.id))).length, 0);
  const consents = await db.select().from(faceConsents).where(eq(faceConsents.userId, me.id));
  assert.ok(
    consents.every((c) => c.withdrawnAt !== null),
    'no live consent',
  );
  await context.close();
});
