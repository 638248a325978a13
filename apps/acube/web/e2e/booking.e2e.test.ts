// Booking a session by keyboard alone, from the form to its reference; then the private link in
// the mailed .eml opens the request's own page (sent privately: no-store, no referrer, noindex,
// a neutral title), which shows it and cancels it after a second yes. The same request sent
// again is "we already have your request", not an error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import { todayIn } from '../src/features/site/dates.ts';
import { type Site, saveScreenshot, startSite, tabTo, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite({ botCheck: true });
});
after(() => site?.close());

/** A date `days` ahead in the organisation's zone, as YYYY-MM-DD. */
function daysAhead(days: number): string {
  return todayIn('Europe/Istanbul', new Date(Date.now() + days * 86_400_000));
}

test('a booking made by keyboard alone ends on its reference, and its mailed link shows and cancels it', async () => {
  const { context, foreign } = await newContext(site.browser, site.url, { viewport: PHONE, mobile: true });
  const page = await context.newPage();
  const email = `kb-${crypto.randomUUID().slice(0, 8)}@example.org`;
  await page.goto('/book');
  await page.getByRole('heading', { name: 'Book a session', level: 1 }).waitFor({ timeout: WAIT_MS });
  await page.getByText('Times are in').first().waitFor({ timeout: WAIT_MS });
  // Someone in crisis sees what to do now in the first screen, before the form.
  const notice = await page.getByText('Sessions are not for emergencies.').boundingBox();
  const screen = page.viewportSize();
  assert.ok(
    notice && screen && notice.y + notice.height <= screen.height,
    JSON.stringify({ notice, screen }),
  );
  await saveScreenshot(page, 'acube-booking', { fullPage: false });

  // The kind of session: Tab into the radios, the arrow picks the next one (couple).
  await tabTo(page, page.getByRole('radio', { name: /Individual/ }));
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  // The date: Chromium's date field takes the digits in its own locale's order, day or month
  // first; the second order is tried when the first did not give the date.
  const date = daysAhead(10);
  const [year, month, day] = date.split('-');
  const dateField = page.getByLabel('Preferred date');
  await tabTo(page, dateField);
  await page.keyboard.type(`${day}${month}${year}`);
  if ((await dateField.inputValue()) !== date) {
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(`${month}${day}${year}`);
  }
  assert.equal(await dateField.inputValue(), date);
  await tabTo(page, page.getByLabel('Your name'));
  await page.keyboard.type('Deniz Kaya');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel(/Anything you want us to know/));
  await page.keyboard.type('Evenings are easier for me.');
  const consent = page.getByRole('checkbox', { name: /including information about my health/ });
  assert.equal(await consent.isChecked(), false, 'the consent is never ticked in advance');
  await tabTo(page, consent);
  await page.keyboard.press('Space');
  assert.equal(
    await page.evaluate('localStorage.length + sessionStorage.length'),
    0,
    'nothing typed is kept in the browser',
  );
  await tabTo(page, page.getByRole('button', { name: 'Send my request' }));
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'Your request is sent', level: 1 }).waitFor({ timeout: WAIT_MS });
  const reference = (await page.locator('.panel__reference').textContent())?.trim() ?? '';
  assert.match(reference, /^[A-Z0-9-]{5,}$/);
  await saveScreenshot(page, 'acube-booking-sent');
  assert.deepEqual(foreign, [], 'no request leaves the site');

  // The link in the mail opens the request's own page.
  const link = await site.linkInMail(email, '/booking');
  const manage = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const own = await manage.context.newPage();
  const response = await own.goto(link);
  assert.ok(response);
  const headers = response.headers();
  assert.equal(headers['cache-control'], 'no-store');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  assert.equal(headers['x-robots-tag'], 'noindex');
  await own.getByRole('heading', { name: 'Your request', level: 1 }).waitFor({ timeout: WAIT_MS });
  await own.getByText(reference).waitFor({ timeout: WAIT_MS });
  await own.getByText('Received, not yet confirmed').waitFor({ timeout: WAIT_MS });
  await own.getByText('Couple').waitFor({ timeout: WAIT_MS });
  const title = await own.title();
  assert.doesNotMatch(title, /book|session|therap|health|counsel/i, `a neutral title: ${title}`);
  await saveScreenshot(own, 'acube-booking-manage');

  await own.getByRole('button', { name: 'Cancel my request' }).click();
  await own.getByRole('heading', { name: 'Cancel this request?' }).waitFor({ timeout: WAIT_MS });
  await own.getByRole('button', { name: 'Yes, cancel it' }).click();
  await own.getByText('Your request is cancelled.').waitFor({ timeout: WAIT_MS });
  await own.getByText('Cancelled', { exact: true }).waitFor({ timeout: WAIT_MS });
  // Opened again, the link shows the request as cancelled, with nothing left to cancel.
  await own.reload();
  await own.getByText('Cancelled', { exact: true }).waitFor({ timeout: WAIT_MS });
  assert.equal(await own.getByRole('button', { name: 'Cancel my request' }).count(), 0);
  assert.deepEqual(manage.foreign, []);
  await context.close();
  await manage.context.close();
});

test('the same request sent twice is "we already have your request", with its reference', async () => {
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  const email = `twice-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const send = async () => {
    await page.goto('/book');
    await page.getByRole('radio', { name: 'Family' }).check();
    await page.getByLabel('Preferred date').fill(daysAhead(3));
    await page.getByLabel('Your name').fill('Ayşe Demir');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('checkbox', { name: /including information about my health/ }).check();
    await page.getByRole('button', { name: 'Send my request' }).click();
  };
  await send();
  await page.getByRole('heading', { name: 'Your request is sent' }).waitFor({ timeout: WAIT_MS });
  const reference = (await page.locator('.panel__reference').textContent())?.trim() ?? '';
  await send();
  await page.getByRole('heading', { name: 'We already have your request' }).waitFor({ timeout: WAIT_MS });
  await page.getByText(`We already have your request (${reference})`).waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByRole('alert').count(), 0, 'not an error');
  await context.close();
});
