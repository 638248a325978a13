// The panel's event editor on the real API, as a staff member (who may do all of it): a new event
// refused first by the form (no title) and then by the server (an end before the start, shown
// beside the end); an image refused in the browser for its type and its size, refused by the
// server for bytes that are no image, then previewed, saved and shown on the public event page;
// an edit; publishing (the public events page lists it); cancelling after a confirmation that
// counts the registration it ends, whose holder is mailed. axe on the states along the way, and
// pictures at 1280 and 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import type { Page } from 'playwright-core';
import { sentTo } from '../../api/test/helpers.ts';
import { type Site, saveScreenshot, settled, startSite, WAIT_MS } from './harness.ts';

/** A real PNG of `width` × `height`: a teal field with a lighter band, for the preview to show. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const band = y > height / 3 && y < (2 * height) / 3;
    for (let x = 0; x < width; x++) {
      rows.set(band ? [180, 225, 220] : [20, 110, 100], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let site: Site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

/** The image's width as the browser decoded it (0: not shown). */
const shownWidth = (page: Page, alt: string) =>
  page
    .getByRole('img', { name: alt })
    .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);

test('staff create, illustrate, edit, publish and cancel an event from the panel', async () => {
  const staff = await site.newAdmin('staff');
  const { context, foreign } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await site.logIn(page, staff, '/admin/events');
  await page.getByRole('link', { name: 'New event' }).click();
  await page.getByRole('heading', { name: 'New event', level: 1 }).waitFor({ timeout: WAIT_MS });
  await settled(page);

  // Refused by the form first, then by the server: each message beside its field.
  const create = page.getByRole('button', { name: 'Create the draft' });
  await create.click();
  await page.getByRole('alert').getByText('Enter a title').waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByLabel('Title').getAttribute('aria-invalid'), 'true');
  const title = `Sleep and stress ${crypto.randomUUID().slice(0, 6)}`;
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description (optional)').fill('An hour about sleep and stress.\nQuestions after.');
  await page.getByLabel('Place (optional)').fill('Community hall, 2nd floor');
  await page.getByLabel('Start date').fill(day);
  await page.getByLabel('Start time').fill('18:00');
  await page.getByLabel('End date (optional)').fill(day);
  await page.getByLabel('End time (optional)').fill('17:00');
  await page.getByLabel('Places').fill('30');
  await create.click();
  const endError = page.locator('#event-end-date-error');
  await endError.getByText('The end must be after the start').waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByLabel('End date (optional)').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page), [], 'the form with the server’s error');
  await saveScreenshot(page, 'acube-admin-event-new-errors', { fullPage: true });
  await page.getByLabel('End time (optional)').fill('19:30');
  await create.click();
  await page.waitForURL(/\/admin\/events\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });
  await page.getByText('The draft is created.', { exact: false }).waitFor({ timeout: WAIT_MS });
  const id = new URL(page.url()).pathname.split('/').pop() as string;
  const stored = async () =>
    (
      await site.t.app.inject({
        url: `/api/admin/events/${id}`,
        headers: { authorization: staff.authorization },
      })
    ).json();
  // 18:00 and 19:30 on the wall in Europe/Istanbul (UTC+3).
  assert.deepEqual(await stored().then((e) => [e.status, e.starts_at, e.ends_at, e.capacity]), [
    'draft',
    `${day}T15:00:00.000Z`,
    `${day}T16:30:00.000Z`,
    30,
  ]);
  await page.getByText('PNG, JPEG or WebP; at most 10 MB.', { exact: false }).waitFor({ timeout: WAIT_MS });

  // The browser refuses a wrong type and a file over the limit before sending anything.
  const chooser = page.getByLabel('Choose an image file');
  await chooser.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') });
  await page.getByText('“notes.txt” is not a PNG, JPEG or WebP image.', { exact: false }).waitFor({
    timeout: WAIT_MS,
  });
  await chooser.setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.alloc(11 * 1024 * 1024, 1),
  });
  await page.getByText('“huge.png” is 11 MB: an image can be at most 10 MB.', { exact: false }).waitFor({
    timeout: WAIT_MS,
  });
  // A name and type that pass in the browser, bytes that the server refuses.
  await chooser.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a png') });
  await page.getByRole('button', { name: 'Save this image' }).click();
  await page
    .getByText('The server refused “fake.png”: its contents are not a PNG, JPEG or WebP image.')
    .waitFor({ timeout: WAIT_MS });
  assert.equal((await stored()).image_file_id, null);

  // A real image: previewed, then saved.
  await chooser.setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: png(480, 240) });
  const preview = 'Preview of the new image';
  await page.getByRole('img', { name: preview }).waitFor({ timeout: WAIT_MS });
  assert.equal(await shownWidth(page, preview), 480);
  assert.equal((await stored()).image_file_id, null, 'nothing saved before the button');
  assert.deepEqual(await axeViolations(page), [], 'the preview');
  await saveScreenshot(page, 'acube-admin-event-preview', { fullPage: true });
  await page.getByRole('button', { name: 'Save this image' }).click();
  await page.getByText('The image is saved.').waitFor({ timeout: WAIT_MS });
  await page.getByRole('img', { name: "The event's current image" }).waitFor({ timeout: WAIT_MS });
  assert.equal(await shownWidth(page, "The event's current image"), 480);
  assert.match((await stored()).image_file_id, /^[0-9a-f-]{36}$/);

  // An edit.
  await page.getByLabel('Title').fill(`${title} (edited)`);
  await page.getByLabel('Places').fill('1');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await page.getByText('The changes are saved.').waitFor({ timeout: WAIT_MS });
  await page.getByRole('heading', { name: `${title} (edited)`, level: 1 }).waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await stored().then((e) => [e.title, e.capacity]), [`${title} (edited)`, 1]);

  // Published: on the public events page, with its image on its own page.
  await page.getByRole('button', { name: 'Publish the event' }).click();
  await page.getByText('The event is published: it is on the public events page.').waitFor({
    timeout: WAIT_MS,
  });
  await saveScreenshot(page, 'acube-admin-event', { fullPage: true });
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, 'acube-admin-event-phone', { fullPage: true });
  await page.setViewportSize(LAPTOP);
  const visitor = await context.newPage();
  await visitor.goto('/events');
  await visitor.getByRole('link', { name: `${title} (edited)` }).click();
  await visitor.waitForURL(`**/events/${id}`, { timeout: WAIT_MS });
  const poster = visitor.locator('img.event__image');
  await poster.waitFor({ timeout: WAIT_MS });
  await visitor.waitForFunction(
    (img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0,
    await poster.elementHandle(),
    { timeout: WAIT_MS },
  );
  const registered = await site.t.app.inject({
    method: 'POST',
    url: `/api/events/${id}/register`,
    payload: { name: 'Ayşe Registrant', email: 'registrant@example.org' },
  });
  assert.equal(registered.statusCode, 201, registered.body);
  await visitor.close();

  // Cancelled from the list's link, after a confirmation that counts the registration it ends.
  await page.goto('/admin/events');
  const row = page.getByRole('row').filter({ hasText: `${title} (edited)` });
  await row.getByText(/, 18:00$/).waitFor({ timeout: WAIT_MS }); // the organisation's zone, as edited
  await row.getByRole('link', { name: `${title} (edited)` }).click();
  await page.getByRole('heading', { name: `${title} (edited)`, level: 1 }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  await page.getByRole('button', { name: 'Cancel the event…' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel “${title} (edited)”?` });
  await dialog
    .getByText('1 registration (confirmed or on the waiting list) ends and that person is mailed.')
    .waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await axeViolations(page), [], 'the confirmation');
  await saveScreenshot(page, 'acube-admin-event-cancel');
  await dialog.getByRole('button', { name: 'Keep the event' }).click();
  assert.equal((await stored()).status, 'published', 'kept');
  await page.getByRole('button', { name: 'Cancel the event…' }).click();
  await dialog.getByRole('button', { name: 'Yes, cancel the event' }).click();
  await page.getByText('The event is cancelled; 1 person was mailed.').waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByRole('button', { name: 'Save the changes' }).count(), 0, 'no longer editable');
  assert.equal((await stored()).status, 'cancelled');
  await site.t.mail(
    (m) => sentTo(m) === 'registrant@example.org' && /^Cancelled: /.test(m.subject ?? ''),
    'the cancellation mail',
  );
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, 'acube-admin-event-cancelled-phone', { fullPage: true });

  // In Turkish: the cancelled event, then a new one's form with its errors.
  await page.getByRole('button', { name: 'Türkçe' }).click();
  await page.getByText('Durum: İptal edildi').waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await axeViolations(page), [], 'the cancelled event in Turkish');
  await page.getByRole('link', { name: 'Tüm etkinlikler' }).click();
  await page.getByRole('link', { name: 'Yeni etkinlik' }).click();
  await page.getByRole('button', { name: 'Taslağı oluştur' }).click();
  await page.getByRole('alert').getByText('Bir başlık girin').waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await axeViolations(page), [], 'the new event form with errors in Turkish');
  await saveScreenshot(page, 'acube-admin-event-new-tr-phone', { fullPage: true });
  assert.deepEqual(foreign, [], 'no request leaves the site');
  await context.close();
});
