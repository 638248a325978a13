// What each role sees in the admin panel, on the real API: a staff member has no Admins or Jobs
// link and no bulk delete, and a direct URL to those pages says "not allowed"; a superadmin has
// all three. The mailed audit-export link (/admin/downloads/<file>) gives the file to the admin
// who asked for it, after the login page when they were not logged in, and refuses another. A
// staff member's reading of a booking's message is in the audit log.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext } from '@campus/web/testing/browser.ts';
import type { Page } from 'playwright-core';
import { sentTo } from '../../api/test/helpers.ts';
import { type Site, saveScreenshot, settled, startSite, type TestAdmin, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite();
  // A booking, so the bookings list has a row to select.
  const settings = (await site.t.app.inject({ url: '/api/site' })).json();
  const booked = await site.t.app.inject({
    method: 'POST',
    url: '/api/sessions/book',
    payload: {
      name: 'A person',
      email: 'booked@example.org',
      session_type: 'individual',
      preferred_date: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
      preferred_time: '17:30',
      health_consent: true,
      privacy_notice_version: settings.privacy_notice_version,
      message: 'What I would tell only a therapist',
    },
  });
  assert.ok(booked.statusCode < 300, booked.body);
});
after(() => site?.close());

async function loggedIn(who: TestAdmin) {
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await site.logIn(page, who);
  return { context, page };
}

/** The header's links, by name. */
async function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Admin' }).getByRole('link').allTextContents();
}

/** The bookings list with its first row selected: the bulk bar's buttons. */
async function bulkButtons(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: 'Bookings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Bookings' }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  await page
    .getByRole('checkbox', { name: /^Select (?!every)/ })
    .first()
    .check();
  const bar = page.getByRole('region', { name: 'With the selection' });
  await bar.waitFor({ timeout: WAIT_MS });
  return bar.getByRole('button').allTextContents();
}

test('a staff member sees no admins, jobs or bulk delete, and a direct URL says "not allowed"', async () => {
  const staff = await site.newAdmin('staff');
  const { context, page } = await loggedIn(staff);
  // The dashboard counts the booking waiting and links it; the jobs' figures are not links for staff.
  const figure = (label: string) => page.getByRole('listitem').filter({ hasText: label });
  await figure('New bookings').getByText('1', { exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal(
    await figure('New bookings').getByRole('link').getAttribute('href'),
    '/admin/bookings?status=pending',
  );
  assert.equal(await figure('Jobs failed').getByRole('link').count(), 0);
  const links = await navLinks(page);
  assert.ok(links.includes('Audit log'), links.join(', '));
  assert.ok(!links.includes('Admins') && !links.includes('Jobs'), links.join(', '));
  const buttons = await bulkButtons(page);
  assert.ok(
    buttons.some((b) => /^Set status/.test(b)),
    buttons.join(', '),
  );
  assert.ok(!buttons.some((b) => /Delete/.test(b)), buttons.join(', '));

  for (const path of ['/admin/admins', '/admin/jobs']) {
    await page.goto(path);
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor({ timeout: WAIT_MS });
    await page.getByText('this page is for superadmins only').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByRole('table').count(), 0, `${path} shows nothing of its own`);
  }
  await saveScreenshot(page, 'acube-admin-not-allowed');

  // Therapy free text is need-to-know: opening the booking shows its message, and that reading
  // is in the audit log under the staff member's id.
  const list = await site.t.app.inject({
    url: '/api/sessions',
    headers: { authorization: staff.authorization },
  });
  const bookingId: string = list.json().items[0].id;
  await page.goto(`/admin/bookings/${bookingId}`);
  await page.getByText('What I would tell only a therapist').waitFor({ timeout: WAIT_MS });
  await page.goto('/admin/audit?action=booking.message_read');
  const entry = page
    .getByRole('table', { name: 'Audit entries, newest first' })
    .locator('tbody tr')
    .filter({ hasText: bookingId });
  await entry.waitFor({ timeout: WAIT_MS });
  assert.equal(await entry.getByRole('link').first().getAttribute('title'), staff.id);
  await context.close();
});

test('a superadmin sees the admins and jobs pages and bulk delete', async () => {
  const { context, page } = await loggedIn(await site.newAdmin('superadmin'));
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Jobs failed' })
    .getByRole('link')
    .waitFor({ timeout: WAIT_MS });
  const links = await navLinks(page);
  assert.ok(links.includes('Admins') && links.includes('Jobs'), links.join(', '));
  const buttons = await bulkButtons(page);
  assert.ok(
    buttons.some((b) => /^Delete/.test(b)),
    buttons.join(', '),
  );
  await page.getByRole('link', { name: 'Admins', exact: true }).click();
  await page.getByRole('heading', { name: 'Admins', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('table', { name: 'Queues' }).waitFor({ timeout: WAIT_MS });
  await context.close();
});

test('the mailed audit-export link downloads the file for the admin who asked, and refuses another', async () => {
  const asker = await site.newAdmin('staff');
  const other = await site.newAdmin('staff');
  const mine = await loggedIn(asker);
  await mine.page.getByRole('link', { name: 'Exports', exact: true }).click();
  await mine.page.getByRole('heading', { name: 'Exports', level: 1 }).waitFor({ timeout: WAIT_MS });
  await mine.page.getByRole('button', { name: 'Start the export' }).click();
  await mine.page.waitForURL(/[?&]job=/, { timeout: WAIT_MS });
  await mine.page.getByText('The file is ready.').waitFor({ timeout: 30_000 });
  await saveScreenshot(mine.page, 'acube-admin-exports');
  // A reload shows the same export (its job is in the URL).
  await mine.page.reload();
  await mine.page.getByText('The file is ready.').waitFor({ timeout: WAIT_MS });
  await mine.context.close();

  const mail = await site.t.mail(
    (m) => sentTo(m).includes(asker.email) && /\/admin\/downloads\//.test(m.text ?? ''),
    'the export-ready mail',
  );
  const link = (mail.text ?? '').match(/https?:\/\/\S+\/admin\/downloads\/[0-9a-f-]{36}/)?.[0];
  assert.ok(link, mail.text);
  assert.ok(link.startsWith(site.url), 'the link is the panel of this site');

  // The asker, not logged in in this browser: the login page first, then the file.
  const fresh = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await fresh.context.newPage();
  await page.goto(link);
  await page.waitForURL(/\/admin\/login\?next=%2Fadmin%2Fdownloads%2F/, { timeout: WAIT_MS });
  await page.getByLabel('Email address').fill(asker.email);
  await page.getByLabel('Password').fill(asker.password);
  const download = page.waitForEvent('download', { timeout: WAIT_MS });
  await page.getByRole('button', { name: 'Log in' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^audit-log-.*\.csv$/);
  const text = await readFile(await file.path(), 'utf8');
  assert.match(text.split('\n')[0] ?? '', /action/);
  assert.match(text, /audit\.export_requested/);
  await page
    .getByText(`Your browser has the file: ${file.suggestedFilename()}.`)
    .waitFor({ timeout: WAIT_MS });
  assert.equal(new URL(page.url()).pathname, new URL(link).pathname);
  await fresh.context.close();

  // Another staff member: refused, in words.
  const theirs = await loggedIn(other);
  let downloaded = false;
  theirs.page.on('download', () => {
    downloaded = true;
  });
  await theirs.page.goto(link);
  await theirs.page
    .getByRole('alert')
    .getByText('This file is not yours.', { exact: false })
    .waitFor({ timeout: WAIT_MS });
  await saveScreenshot(theirs.page, 'acube-admin-download-refused');
  assert.equal(downloaded, false);
  await theirs.context.close();
});
