// Logging in to the admin panel: the access token lives in the page's memory only, so a reload
// asks the httpOnly refresh cookie and keeps the admin in; after "Log out" a reload shows the
// login page. Nobody logged in who opens a panel page lands on the login and comes back after.
// A forgotten password: the mailed link sets a new one, once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext } from '@campus/web/testing/browser.ts';
import { type Site, saveScreenshot, settled, startSite, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite();
});
after(() => site?.close());

test('a reload keeps the admin logged in; after logging out a reload shows the login page', async () => {
  const admin = await site.newAdmin('staff');
  const { context, foreign } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();

  // Nobody logged in: a panel page sends to the login, which comes back to it afterwards.
  await page.goto('/admin/audit?action=admin.password_set');
  await page.waitForURL(/\/admin\/login\?next=/, { timeout: WAIT_MS });
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-login');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page
    .getByRole('alert')
    .getByText(/not right/)
    .waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor({ timeout: WAIT_MS });
  assert.equal(new URL(page.url()).search, '?action=admin.password_set');

  // The token is nowhere a script could read it, or a later visit find it.
  assert.deepEqual(await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]'), [
    0,
    0,
    '',
  ]);
  const refresh = (await context.cookies()).find((c) => c.name === 'acube_refresh');
  assert.ok(refresh, 'the refresh cookie is set');
  assert.equal(refresh.httpOnly, true);
  assert.equal(refresh.secure, true);
  assert.equal(refresh.path, '/api/admin/auth');

  // Moving inside the panel adds history entries: Back returns to the page before.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.goBack();
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.goForward();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: WAIT_MS });

  await page.reload();
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  await page.getByText('Test staff (staff)').waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-dashboard');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor({ timeout: WAIT_MS });
  assert.equal(new URL(page.url()).pathname, '/admin/login');
  await page.reload();
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.goto('/admin');
  await page.waitForURL(/\/admin\/login/, { timeout: WAIT_MS });
  await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor({ timeout: WAIT_MS });
  // The old refresh token is spent on the server too, not only forgotten by the page.
  const again = await page.evaluate<number>(
    "fetch('/api/admin/auth/refresh', { method: 'POST' }).then((r) => r.status)",
  );
  assert.equal(again, 401);
  assert.deepEqual(foreign, [], 'no request leaves the site');
  await context.close();
});

test('a password reset link sets a new password once', async () => {
  const admin = await site.newAdmin('superadmin');
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByRole('heading', { name: 'Reset your password', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByRole('button', { name: 'Mail me a link' }).click();
  await page.getByRole('heading', { name: 'Check your email', level: 1 }).waitFor({ timeout: WAIT_MS });
  // An address without an account reads the same (nobody learns who is an admin).
  const link = await site.linkInMail(admin.email, '/admin/set-password');

  await page.goto(link);
  await page.getByRole('heading', { name: 'Choose your password', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save my password' }).click();
  await page.getByRole('alert').getByText('Use at least 12 characters').waitFor({ timeout: WAIT_MS });
  const chosen = 'a brand new passphrase';
  await page.getByLabel('New password').fill(chosen);
  await page.getByLabel('The same password again').fill(chosen);
  await saveScreenshot(page, 'acube-admin-set-password');
  await page.getByRole('button', { name: 'Save my password' }).click();
  await page.getByRole('heading', { name: 'Your password is saved', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('link', { name: 'Log in' }).click();
  await site.logIn(page, { ...admin, password: chosen });
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: WAIT_MS });

  // The same link a second time: spent.
  await page.goto(link);
  await page.getByLabel('New password').fill('another passphrase here');
  await page.getByLabel('The same password again').fill('another passphrase here');
  await page.getByRole('button', { name: 'Save my password' }).click();
  await page
    .getByRole('heading', { name: 'This link does not work any more', level: 1 })
    .waitFor({ timeout: WAIT_MS });
  // And the password it tried to set is not the password.
  const login = await site.t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/login',
    payload: { email: admin.email, password: 'another passphrase here' },
  });
  assert.equal(login.statusCode, 401);
  await context.close();
});
