// A person's data in the admin panel, on the real API: a superadmin looks a person up by address,
// sees what is held per kind, downloads all of it as one JSON file, erases it after a
// confirmation that repeats the counts, and then the counts are zero. The page with its counts
// and the dialog pass axe (the empty page is checked by admin-accessibility.e2e.test.ts).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import { type Site, saveScreenshot, settled, startSite, WAIT_MS } from './harness.ts';

let site: Site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

test('a superadmin downloads what is held for an address, erases it, and then nothing is held', async () => {
  const email = `selin-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const settings = (await site.t.app.inject({ url: '/api/site' })).json();
  const sent = [
    await site.t.app.inject({
      method: 'POST',
      url: '/api/sessions/book',
      payload: {
        name: 'Selin',
        email,
        session_type: 'individual',
        preferred_date: '2030-01-18',
        message: 'a private message',
        health_consent: true,
        privacy_notice_version: settings.privacy_notice_version,
      },
    }),
    await site.t.app.inject({
      method: 'POST',
      url: '/api/contact',
      payload: { name: 'Selin', email, subject: 'Hello', message: 'A question of mine' },
    }),
  ];
  assert.deepEqual(
    sent.map((r) => r.statusCode),
    [201, 201],
    sent.map((r) => r.body).join('\n'),
  );

  const admin = await site.newAdmin('superadmin');
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await site.logIn(page, admin);
  await page.getByRole('link', { name: "A person's data", exact: true }).click();
  await page.getByRole('heading', { level: 1, name: "A person's data" }).waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Their e-mail address').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Look up' }).click();
  const held = page.getByRole('region', { name: `Held for ${email.toUpperCase()}` });
  await held.getByText('In all').waitFor({ timeout: WAIT_MS });
  await settled(page);
  const value = (label: string) =>
    held.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  assert.equal(await value('Bookings').textContent(), '1');
  assert.equal(await value('Messages').textContent(), '1');
  await saveScreenshot(page, 'acube-admin-privacy');

  // The download: one JSON document with the person's records and what they wrote.
  const download = page.waitForEvent('download', { timeout: WAIT_MS });
  await page.getByRole('button', { name: 'Download everything (JSON)' }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'personal-data.json');
  const doc = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(doc.bookings[0].message, 'a private message');
  assert.equal(doc.contact_messages[0].message, 'A question of mine');
  await page.getByText('personal-data.json is saved to your downloads.').waitFor({ timeout: WAIT_MS });

  // The erasure asks first, naming what goes.
  await page.getByRole('button', { name: 'Erase everything…' }).click();
  const dialog = page.getByRole('dialog', { name: "Erase this person's data?" });
  await dialog.getByText(/This deletes 1 booking, 1 message/).waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-privacy-confirm');
  // axe on the page with its counts, under the open dialog (the empty page: the accessibility test).
  assert.deepEqual(await axeViolations(page), []);
  await dialog.getByRole('button', { name: /^Yes, erase \d+ records$/ }).click();
  await page.getByText(/^Erased: \d+ records and mails\.$/).waitFor({ timeout: WAIT_MS });
  await held.getByText('We hold nothing for this address.').waitFor({ timeout: WAIT_MS });
  assert.equal(await value('In all').textContent(), '0');
  await saveScreenshot(page, 'acube-admin-privacy-erased');
  await context.close();
});
