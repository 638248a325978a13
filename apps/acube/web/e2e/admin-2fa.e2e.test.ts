// Two-factor in the admin panel, as an admin does it: on the account security page they set it
// up (the key read from the page's text, as one would type it into an app), see their recovery
// codes once, log out, and log in again with the password and then a code from the app.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { totpCodeAt } from '@campus/platform/auth';
import { LAPTOP, newContext } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import { type Site, saveScreenshot, settled, startSite, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite();
});
after(() => site?.close());

const codeAt = totpCodeAt;

test('an admin sets up two-factor with the QR page, then logs in with the password and a code', async () => {
  const admin = await site.newAdmin('staff');
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await site.logIn(page, admin, '/admin/account');
  await page.getByRole('heading', { name: 'Account security', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByText('Two-factor authentication is off.').waitFor({ timeout: WAIT_MS });
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await page.getByRole('img', { name: 'QR code of your two-factor key' }).waitFor({ timeout: WAIT_MS });
  const secret = (await page.locator('#two-factor-secret').textContent())?.trim() ?? '';
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await settled(page);
  await saveScreenshot(page, 'acube-admin-2fa-enrol');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByLabel('Code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page
    .getByRole('alert')
    .getByText(/not right/)
    .waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Code from the app').fill(codeAt(secret, Date.now()));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor({ timeout: WAIT_MS });
  const codes = await page.locator('.recovery-codes code').allTextContents();
  assert.equal(codes.length, 10);
  await saveScreenshot(page, 'acube-admin-2fa-recovery-codes');
  await page.getByRole('button', { name: 'I have saved my codes' }).click();
  await page.getByText(/Recovery codes left: 10/).waitFor({ timeout: WAIT_MS });
  await settled(page);
  await saveScreenshot(page, 'acube-admin-2fa-on');
  assert.deepEqual(await axeViolations(page), []);

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Enter your code', level: 1 }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  await saveScreenshot(page, 'acube-admin-2fa-code-step');
  assert.deepEqual(await axeViolations(page), []);
  // The code of the next 30-second step: the one that turned two-factor on is spent.
  await page.getByLabel('Code', { exact: true }).fill(codeAt(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: WAIT_MS });
  await context.close();
});
