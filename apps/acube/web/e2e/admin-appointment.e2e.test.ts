// A booking confirmed with an appointment in the admin panel, on the real API: the person's mail
// carries an .ics that a calendar parser (ical.js) reads back to the same instant, and their own
// page shows the appointment in the organisation's zone (Europe/Istanbul here). The booking page
// and the contact message page pass axe.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { bookings, contactMessages } from '../../api/src/db/schema/index.ts';
import { sentTo } from '../../api/test/helpers.ts';
import { type Site, saveScreenshot, settled, startSite, WAIT_MS } from './harness.ts';

let site: Site;
before(async () => {
  site = await startSite();
});
after(() => site?.close());

test('an admin confirms a booking with an appointment; the .ics and the person’s page agree on the time', async () => {
  const email = 'appointment@example.org';
  const settings = (await site.t.app.inject({ url: '/api/site' })).json();
  const booked = await site.t.app.inject({
    method: 'POST',
    url: '/api/sessions/book',
    payload: {
      name: 'Ana',
      email,
      session_type: 'individual',
      preferred_date: '2030-01-18',
      preferred_time: '10:00',
      message: 'a private message',
      health_consent: true,
      privacy_notice_version: settings.privacy_notice_version,
    },
  });
  assert.equal(booked.statusCode, 201, booked.body);
  const reference = booked.json().reference as string;
  const [row] = await site.t.app.db.select().from(bookings).where(eq(bookings.reference, reference));
  assert.ok(row);

  const admin = await site.newAdmin('staff');
  const { context, page } = await newContext(site.browser, site.url, { viewport: LAPTOP }).then(
    async ({ context }) => ({ context, page: await context.newPage() }),
  );
  await site.logIn(page, admin, `/admin/bookings/${row.id}`);
  await page.getByRole('heading', { level: 1, name: `Booking ${reference}` }).waitFor({ timeout: WAIT_MS });
  await page.getByText('a private message').waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Date', { exact: true }).fill('2030-01-20');
  await page.getByLabel('Start time').fill('14:00');
  await page.getByLabel('Length in minutes (15 to 240)').fill('50');
  await page.getByRole('radio', { name: 'Online' }).check();
  await page.getByLabel('With whom (the therapist)').fill('Dr Deniz Kaya');
  await page.getByLabel('Video link (optional)').fill('https://video.acube.example/r/7');
  await page.getByRole('button', { name: 'Confirm and mail the person' }).click();
  await page
    .getByText('Saved. The person is mailed the appointment with a calendar file.')
    .waitFor({ timeout: WAIT_MS });
  await settled(page);
  await saveScreenshot(page, 'acube-admin-booking-appointment');
  assert.deepEqual(await axeViolations(page), []);

  // The mail's calendar file, read back by a calendar parser: 14:00 in Istanbul is 11:00 UTC.
  const mail = await site.t.mail(
    (m) => sentTo(m) === email && /is confirmed/.test(m.subject ?? ''),
    'the confirmation',
  );
  const file = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(file);
  const event = new ICAL.Event(
    new ICAL.Component(ICAL.parse(file.content.toString('utf8'))).getFirstSubcomponent('vevent') ?? undefined,
  );
  assert.equal(event.startDate.toJSDate().toISOString(), '2030-01-20T11:00:00.000Z');

  // The person's own page shows it in the organisation's zone.
  const link = await site.linkInMail(email, '/booking', /received/);
  const own = await context.newPage();
  await own.goto(link);
  await own.getByRole('heading', { level: 1, name: 'Your request' }).waitFor({ timeout: WAIT_MS });
  await own.getByText('Your appointment').waitFor({ timeout: WAIT_MS });
  await own.getByText(/14:00\s*–\s*14:50/).waitFor({ timeout: WAIT_MS });
  await own.getByText(/Online, with Dr Deniz Kaya/).waitFor({ timeout: WAIT_MS });
  await saveScreenshot(own, 'acube-booking-manage-appointment');
  assert.deepEqual(await axeViolations(own), []);

  // The contact message page and its reply form pass axe too.
  await site.t.app.inject({
    method: 'POST',
    url: '/api/contact',
    payload: { name: 'Ben', email: 'ben@example.org', subject: 'Hours', message: 'When are you open?' },
  });
  const [msg] = await site.t.app.db
    .select()
    .from(contactMessages)
    .where(eq(contactMessages.email, 'ben@example.org'));
  assert.ok(msg);
  await page.goto(`${site.url}/admin/contact/${msg.id}`);
  await page
    .getByRole('heading', { level: 1, name: `Contact message ${msg.reference}` })
    .waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Your answer (mailed to ben@example.org)').fill('We are open every weekday.');
  await page.getByRole('button', { name: 'Send the reply' }).click();
  await page.getByText('Sent. The message is marked replied.').waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-contact-reply');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
