// The admin's screens in a real browser against the real app, with the shipped SIS simulator
// behind SIS_URL: a roster file's dry run lists its problems by line and nothing is imported,
// the corrected file is checked and imported; "run a sync now" on the SIS page ends with the
// sync's counts; the jobs page lists the queues; the privacy page finds a student, downloads
// their data and deletes their face data, and the student downloads their own; a teacher
// opening an admin address is told it is not theirs; a teacher sets up two-factor on the account
// page and logs in again with a code; and axe finds nothing on any admin route (and the account
// page) in both languages at 360 and 1280 px.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { totpCodeAt } from '@campus/platform/auth';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import type { Download, Page } from 'playwright-core';
import { faceConsents, faceEmbeddings } from '../../api/src/db/schema/index.ts';
import { FACE_EMBEDDING_MODEL } from '../../api/src/modules/face/face.repository.ts';
import { demoRoster } from '../../api/src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../api/src/modules/sis/simulator/sis-simulator.ts';
import type { TestUser } from '../../api/test/helpers.ts';
import { type Classroom, logIn, saveScreenshot, sessionCookie, startClassroom, WAIT_MS } from './harness.ts';

let sim: SisSimulator;
let room: Classroom;
let admin: TestUser;
let teacher: TestUser;

const tag = crypto.randomUUID().slice(0, 6);
const TERM = `Spring ${tag}`;
const HEADER = 'term,term_starts_on,term_ends_on,course_code,course_title,school_number,full_name,email,role';
const good = [
  `${TERM},2026-02-01,2026-06-15,HIST ${tag},History of Science,T${tag},Nil Ersoy,nil@uni.test,teacher`,
  `${TERM},2026-02-01,2026-06-15,HIST ${tag},History of Science,S${tag}a,"Acar, Deniz",,student`,
  `${TERM},2026-02-01,2026-06-15,HIST ${tag},History of Science,S${tag}b,Ece Tan,ece@uni.test,student`,
];
// Line 3 has a role the import does not know, line 4 a date that is no date.
const withProblems = [
  HEADER,
  good[0],
  `${TERM},2026-02-01,2026-06-15,HIST ${tag},History of Science,S${tag}a,"Acar, Deniz",,professor`,
  `${TERM},2026-02-01,15/06/2026,HIST ${tag},History of Science,S${tag}b,Ece Tan,ece@uni.test,student`,
].join('\n');
const corrected = [HEADER, ...good].join('\n');
const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

before(async () => {
  sim = await startSisSimulator({ data: demoRoster({ students: 6 }) });
  room = await startClassroom({ env: { SIS_URL: sim.url } });
  admin = await room.t.user('admin');
  teacher = await room.t.user('teacher');
});
after(async () => {
  await room?.close();
  await sim?.close();
});

async function pageAs(
  user: TestUser,
  opts: { lang?: 'en' | 'tr'; viewport?: { width: number; height: number } } = {},
) {
  const viewport = opts.viewport ?? LAPTOP;
  const made = await newContext(room.browser, room.url, {
    viewport,
    lang: opts.lang ?? 'en',
    mobile: viewport.width < 800,
  });
  await made.context.addCookies([sessionCookie(user, room.url)]);
  return { ...made, page: await made.context.newPage() };
}

/** The page has its data: no "Loading…" left. */
async function settled(page: Page) {
  await page
    .getByText(/^(Loading…|Yükleniyor…)$/)
    .first()
    .waitFor({ state: 'detached', timeout: WAIT_MS });
}

/** The rows of the table captioned `caption`, each as its cells' text. */
async function rowsOf(page: Page, caption: string | RegExp) {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor({ timeout: WAIT_MS });
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push((await row.locator('th, td').allTextContents()).map((text) => text.trim()));
  return rows;
}

test('a roster dry run lists the problems by line and imports nothing; the corrected file is imported', async () => {
  const { context, page } = await pageAs(admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Import a roster' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Import a roster' }).waitFor({ timeout: WAIT_MS });

  // Checking without a file says so at the field.
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByText('Choose a CSV file', { exact: true }).waitFor({ timeout: WAIT_MS });

  // A header line naming the wrong columns: the page says which.
  await page
    .getByLabel('Roster file (CSV)')
    .setInputFiles(csvFile('other.csv', 'term,course_code,emial\nx,y,z\n'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'expected columns' });
  await refusal.waitFor({ timeout: WAIT_MS });
  assert.match((await refusal.textContent()) ?? '', /emial unknown column/);

  await page.getByLabel('Roster file (CSV)').setInputFiles(csvFile('roster.csv', withProblems));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByText('2 problems in 3 lines. Nothing was imported.').waitFor({ timeout: WAIT_MS });
  const problems = await rowsOf(page, 'Problems, by line');
  assert.deepEqual(
    problems.map(([line, field]) => [line, field]),
    [
      ['3', 'role'],
      ['4', 'term_ends_on'],
    ],
  );
  assert.match(problems[0]?.[2] ?? '', /student|teacher/);
  assert.equal(await page.getByRole('button', { name: /^Import/ }).count(), 0, 'no import with problems');
  assert.deepEqual(await axeViolations(page), []);
  await saveScreenshot(page, 'attn-admin-import-problems', { fullPage: true });
  const terms = await room.t.app.inject({ url: '/api/admin/terms', headers: admin.headers });
  assert.ok(
    !terms.json().items.some((x: { title: string }) => x.title === TERM),
    'the dry run changed nothing',
  );

  await page.getByLabel('Roster file (CSV)').setInputFiles(csvFile('roster-fixed.csv', corrected));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page
    .getByText('No problems in 3 lines. Nothing has been imported yet.')
    .waitFor({ timeout: WAIT_MS });
  const planned = await rowsOf(page, 'What the import would do');
  assert.deepEqual(planned.find(([kind]) => kind === 'Students in courses')?.slice(1), ['2', '0', '0']);
  await page.getByRole('button', { name: 'Import 3 lines' }).click();
  await page.getByRole('heading', { name: 'Roster imported' }).waitFor({ timeout: WAIT_MS });
  await page.getByText('3 lines imported.').waitFor();
  assert.deepEqual(
    (await rowsOf(page, 'What the import did')).find(([kind]) => kind === 'Courses')?.slice(1),
    ['1', '0', '0'],
  );
  await saveScreenshot(page, 'attn-admin-import-applied', { fullPage: true });

  // The course is there, with its two students and one teacher, under its term.
  await page.getByRole('link', { name: 'See the terms and courses' }).click();
  await page.getByRole('heading', { level: 1, name: 'Terms and courses' }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('link', { name: `${TERM} – Show its courses` }).click();
  await page.getByRole('heading', { level: 2, name: `Courses of ${TERM}` }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  assert.match(page.url(), /\?term=/);
  assert.deepEqual(await rowsOf(page, `Courses of ${TERM}`), [
    [`HIST ${tag}`, 'History of Science', '2', '1'],
  ]);
  await saveScreenshot(page, 'attn-admin-courses', { fullPage: true });
  await context.close();
});

test('the SIS page runs a sync against the simulator and shows its counts', async () => {
  const { context, page } = await pageAs(admin);
  await page.goto('/admin/sis');
  await page.getByRole('heading', { level: 1, name: 'SIS sync' }).waitFor({ timeout: WAIT_MS });
  await page.getByText('The SIS answers').waitFor({ timeout: WAIT_MS });
  await page.getByText('No sync has run yet.').waitFor({ timeout: WAIT_MS });

  await page.getByRole('button', { name: 'Run a sync now' }).click();
  await page.getByText('The sync has started.', { exact: false }).waitFor({ timeout: WAIT_MS });
  // The button comes back when the run has finished; then its counts are on the page.
  await page.getByRole('button', { name: 'Run a sync now' }).waitFor({ timeout: 30_000 });
  const counts = await rowsOf(page, 'What the latest sync changed');
  assert.deepEqual(
    counts.filter(([kind]) => kind === 'Terms' || kind === 'Courses'),
    [
      ['Terms', '1', '0', '0'],
      ['Courses', '4', '0', '0'],
    ],
  );
  const people = Number(counts.find(([kind]) => kind === 'People')?.[1]);
  assert.equal(people, 6 + 3, 'six students and three teachers');
  const runs = await rowsOf(page, 'Recent syncs, newest first');
  assert.equal(runs.length, 1);
  assert.equal(runs[0]?.[1], 'Done');
  assert.equal(sim.requests > 0, true, 'the simulator was asked');
  await saveScreenshot(page, 'attn-admin-sis', { fullPage: true });

  // The synced courses are listed among the terms and courses.
  await page.goto('/admin/courses');
  await settled(page);
  const courses = (await rowsOf(page, 'All courses')).map(([code]) => code);
  for (const code of ['CENG 101', 'CENG 201', 'MATH 151', 'PHYS 101'])
    assert.ok(courses.includes(code), code);
  await context.close();
});

test('the jobs page lists every queue with its counts', async () => {
  const { context, page } = await pageAs(admin);
  await page.goto('/admin/jobs');
  await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  const queues = await rowsOf(page, 'Job queues and their counts');
  const sync = queues.find(([name]) => name === 'sis-sync');
  assert.ok(sync, 'the SIS sync queue is listed');
  assert.ok(Number(sync[5]) >= 1, 'the sync of the previous test is counted');
  for (const name of ['face-verify', 'attn-sessions-close'])
    assert.ok(
      queues.some(([q]) => q === name),
      name,
    );
  await page.getByText('No job has failed.').waitFor();
  await saveScreenshot(page, 'attn-admin-jobs', { fullPage: true });
  await context.close();
});

/** The JSON file a download link gave. */
async function downloaded(download: Download) {
  const path = await download.path();
  assert.ok(path, 'the file was downloaded');
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('the privacy page finds a student, downloads their data and deletes their face data; the student downloads their own', async () => {
  const course = await room.t.course({ students: 1, teacher });
  const student = course.students[0];
  assert.ok(student);
  const [consent] = await room.t.app.db
    .insert(faceConsents)
    .values({ userId: student.id, textVersion: '2026-11-v1', consentedAt: room.clock.now() })
    .returning();
  assert.ok(consent);
  const numbers = Array.from({ length: 128 }, (_, i) => 0.3141592 + i / 1_000_000);
  for (let i = 0; i < 2; i++)
    await room.t.app.db.insert(faceEmbeddings).values({
      userId: student.id,
      consentId: consent.id,
      embedding: numbers,
      model: FACE_EMBEDDING_MODEL,
      createdAt: room.clock.now(),
    });

  const { context, page } = await pageAs(admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Personal data requests' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Personal data requests' }).waitFor({ timeout: WAIT_MS });
  await page.getByLabel('School number').fill('nobody-0000');
  await page.getByRole('button', { name: 'Find' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'No student has the school number nobody-0000.' })
    .waitFor();

  await page.getByLabel('School number').fill(student.schoolNumber);
  await page.getByRole('button', { name: 'Find' }).click();
  await page
    .getByRole('heading', { level: 2, name: new RegExp(student.schoolNumber) })
    .waitFor({ timeout: WAIT_MS });
  const fact = (name: string) =>
    page
      .locator('.privacy-facts div')
      .filter({ has: page.getByText(name, { exact: true }) })
      .locator('dd');
  assert.equal(await fact('Enrolled photos').textContent(), '2');
  assert.equal(await fact('On an active course').textContent(), 'Yes');
  assert.equal(
    await fact('Deleted automatically on').textContent(),
    'Not while they are on an active course',
  );
  assert.deepEqual(await axeViolations(page), []);
  await saveScreenshot(page, 'attn-admin-privacy', { fullPage: true });

  const [adminFile] = await Promise.all([
    page.waitForEvent('download').then(downloaded),
    page.getByRole('link', { name: 'Download their data (JSON)' }).click(),
  ]);
  assert.match(adminFile.name, /^attn-data-.+\.json$/);
  const data = JSON.parse(adminFile.text);
  assert.equal(data.profile.school_number, student.schoolNumber);
  assert.equal(data.face.enrolled_photos.length, 2);
  assert.ok(!adminFile.text.includes('0.3141592'), 'no embedding in the file');

  await page.getByRole('button', { name: 'Delete their face data' }).click();
  await page.getByText(/^Delete the face data of /).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await saveScreenshot(page, 'attn-admin-privacy-confirm', { fullPage: true });
  await page.getByRole('button', { name: 'Yes, delete the face data' }).click();
  await page
    .getByRole('status')
    .filter({
      hasText: 'Face data deleted: consent withdrawn, enrolled photos deleted: 2, kept selfies deleted: 0.',
    })
    .waitFor({ timeout: WAIT_MS });
  await page.getByText('Nothing to delete', { exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal(await fact('Face consent').textContent(), 'None');
  assert.equal(await page.getByRole('button', { name: 'Delete their face data' }).count(), 0);
  await saveScreenshot(page, 'attn-admin-privacy-deleted', { fullPage: true });
  await context.close();

  const own = await pageAs(student, { viewport: PHONE });
  await own.page.goto('/student');
  const link = own.page.getByRole('link', { name: 'Download my data' });
  await link.waitFor({ timeout: WAIT_MS });
  // The download comes last on the page: a student in a hall comes for the class and the courses.
  const links = await own.page.getByRole('main').getByRole('link').allTextContents();
  assert.equal(links.at(-1), 'Download my data', links.join(' | '));
  await saveScreenshot(own.page, 'attn-student-home-data-link', { fullPage: true });
  const [studentFile] = await Promise.all([own.page.waitForEvent('download').then(downloaded), link.click()]);
  const mine = JSON.parse(studentFile.text);
  assert.equal(mine.profile.school_number, student.schoolNumber);
  assert.deepEqual(
    mine.face.consents.map((c: { withdrawn_at: string | null }) => c.withdrawn_at !== null),
    [true],
    'the consent history shows the withdrawal',
  );
  await own.context.close();
});

test("a teacher who opens an admin screen's address is told it is not theirs, and sees none of it", async () => {
  const { context, page } = await pageAs(teacher);
  for (const path of ['/admin/import', '/admin/sis', '/admin/jobs', '/admin/courses', '/admin/privacy']) {
    await page.goto(path);
    await page
      .getByRole('heading', { level: 1, name: 'This page is not for your account' })
      .waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByRole('button', { name: /Run a sync now|Check the file|Find/ }).count(), 0);
    assert.equal(await page.getByRole('table').count(), 0);
    await page.getByRole('link', { name: 'Go to your start page' }).waitFor();
  }
  await saveScreenshot(page, 'attn-admin-refused-teacher');
  await context.close();
});

test("on a phone the admin's links fold behind Menu, the language switch stays in sight, and a link followed folds them again", async () => {
  const { context, page } = await pageAs(admin, { viewport: PHONE });
  await page.goto('/admin');
  await settled(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await nav.isVisible(), false, 'the links are folded');
  assert.ok(await page.getByRole('button', { name: 'Türkçe' }).isVisible(), 'the language switch shows');
  const header = await page.locator('.app-header').boundingBox();
  assert.ok(header && header.height < 120, `the header is ${header?.height} px high`);
  await saveScreenshot(page, 'attn-admin-menu-folded-phone');

  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await nav.getByRole('link', { name: 'Background jobs' }).waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await axeViolations(page), [], 'the open menu');
  await saveScreenshot(page, 'attn-admin-menu-open-phone');
  await nav.getByRole('link', { name: 'Background jobs' }).click();
  await page.waitForURL('**/admin/jobs', { timeout: WAIT_MS });
  await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor({ timeout: WAIT_MS });
  assert.equal(await nav.isVisible(), false, 'following a link folds the menu');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  // The link to the page already open folds it too.
  await menu.click();
  await nav.getByRole('link', { name: 'Background jobs' }).click();
  await page.waitForFunction(
    "document.querySelector('.app-menu-button')?.getAttribute('aria-expanded') === 'false'",
  );
  assert.equal(await nav.isVisible(), false, 'the link to this page folds the menu');

  // On a laptop there is no menu button: the links are in the header.
  await page.setViewportSize(LAPTOP);
  assert.equal(await menu.isVisible(), false);
  assert.ok(await nav.getByRole('link', { name: 'Background jobs' }).isVisible());
  await context.close();
});

test('a teacher sets up two-factor on the account page, then logs in with the password and a code', async () => {
  const own = await room.t.user('teacher');
  const { context, page } = await pageAs(own);
  await page.goto('/account');
  await page.getByRole('heading', { name: 'Account security', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await page.getByRole('img', { name: 'QR code of your two-factor key' }).waitFor({ timeout: WAIT_MS });
  const secret = (await page.locator('#two-factor-secret').textContent())?.trim() ?? '';
  await saveScreenshot(page, 'attn-account-2fa-enrol');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Code from the app').fill(totpCodeAt(secret, room.clock.nowMs()));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor({ timeout: WAIT_MS });
  assert.equal((await page.locator('.recovery-codes code').allTextContents()).length, 10);
  await page.getByRole('button', { name: 'I have saved my codes' }).click();
  await page.getByText(/Recovery codes left: 10/).waitFor({ timeout: WAIT_MS });
  await context.close();

  const fresh = await newContext(room.browser, room.url, { viewport: LAPTOP });
  const login = await fresh.context.newPage();
  await login.goto('/login');
  await logIn(login, own.schoolNumber);
  await login.getByRole('heading', { name: 'Enter your code' }).waitFor({ timeout: WAIT_MS });
  await saveScreenshot(login, 'attn-login-2fa-code');
  assert.deepEqual(await axeViolations(login), []);
  // The next 30-second step's code: the one that turned two-factor on is spent.
  await login.getByLabel('Code', { exact: true }).fill(totpCodeAt(secret, room.clock.nowMs() + 30_000));
  await login.getByRole('button', { name: 'Continue' }).click();
  await login.waitForURL(/\/teacher$/, { timeout: WAIT_MS });
  await fresh.context.close();
});

const ROUTES = [
  '/admin',
  '/admin/courses',
  '/admin/import',
  '/admin/sis',
  '/admin/jobs',
  '/admin/privacy',
  '/account',
];

for (const lang of ['en', 'tr'] as const) {
  for (const viewport of [PHONE, LAPTOP]) {
    test(`the admin routes have no axe violation in ${lang} at ${viewport.width} px`, async () => {
      const { context, page, foreign } = await pageAs(admin, { lang, viewport });
      const failures: string[] = [];
      for (const path of ROUTES) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
        await settled(page);
        assert.equal(await page.evaluate('document.documentElement.lang'), lang, path);
        for (const v of await axeViolations(page)) failures.push(`${path}: ${v}`);
        // The journeys above took the English pictures; these are the Turkish ones.
        if (lang === 'tr') {
          const name = path.slice(1).replaceAll('/', '-');
          await saveScreenshot(page, `attn-${name}-${lang}-${viewport.width}`, { fullPage: true });
        }
      }
      assert.deepEqual(foreign, [], 'no request leaves the site');
      assert.deepEqual(failures, []);
      await context.close();
    });
  }
}
