// "Exit this page": after a few pages of the site, the button (or Shift pressed three times)
// replaces the page with the exit address, and Back does not bring the site back: navigation
// inside the site replaced its history entries, and the exit replaced the last one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import { type Site, startSite, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite({ botCheck: true });
});
after(() => site?.close());

test('after three public pages, "Exit this page" lands on the exit address and Back does not return', async () => {
  const { context } = await newContext(site.browser, site.url, { viewport: PHONE, mobile: true });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
  await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('navigation').getByRole('link', { name: 'Book a session' }).click();
  await page.getByRole('heading', { name: 'Book a session', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('navigation').getByRole('link', { name: 'Contact us' }).click();
  await page.getByRole('heading', { name: 'Contact us', level: 1 }).waitFor({ timeout: WAIT_MS });
  // Waits for the settings, so the button points at the configured address.
  await page.getByText(/In an emergency call 112/).waitFor({ timeout: WAIT_MS });

  await page.getByRole('link', { name: 'Exit this page' }).click();
  await page.waitForURL(site.exitUrl, { timeout: WAIT_MS });
  await page.getByRole('heading', { name: 'Weather today' }).waitFor({ timeout: WAIT_MS });
  await page.goBack({ timeout: WAIT_MS }).catch(() => null);
  assert.ok(!page.url().startsWith(site.url), `Back returned to ${page.url()}`);
  await context.close();
});

test('pressing Shift three times does the same', async () => {
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto('/events');
  await page.getByText(/In an emergency call 112/).waitFor({ timeout: WAIT_MS });
  await page.getByRole('navigation').getByRole('link', { name: 'Volunteer' }).click();
  await page.getByRole('heading', { name: 'Volunteer with us', level: 1 }).waitFor({ timeout: WAIT_MS });
  // Two presses, something else, and two more: not yet.
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('a');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  assert.ok(page.url().startsWith(site.url));
  await page.keyboard.press('Shift');
  await page.waitForURL(site.exitUrl, { timeout: WAIT_MS });
  await page.goBack({ timeout: WAIT_MS }).catch(() => null);
  assert.ok(!page.url().startsWith(site.url), `Back returned to ${page.url()}`);
  await context.close();
});
