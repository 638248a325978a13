// Every public route, in both languages, on a phone (360 px) and a laptop (1280 px): axe finds
// no WCAG 2.2 AA violation, <html lang> follows the language, nothing is asked of another host;
// at 320 px no page scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, NARROW_PHONE, newContext, PHONE } from '@campus/web/testing/browser.ts';
import { axeViolations, horizontalOverflow } from '@campus/web/testing/page-checks.ts';
import type { Page } from 'playwright-core';
import { type Site, settled, startSite, WAIT_MS } from './harness.ts';

let site: Site;
/** What before() makes: an open and a full event, and the private links of a booking and of a place on a waiting list. */
const made = { open: '', full: '', booking: '', waiting: '' };

const sendEmpty = (button: RegExp) => async (page: Page) => {
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('alert').first().waitFor({ timeout: WAIT_MS });
};

const routes: { name: string; path: () => string; act?: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: () => '/' },
  { name: 'booking form', path: () => '/book' },
  {
    name: 'booking form with errors',
    path: () => '/book',
    act: sendEmpty(/^(Send my request|Talebimi gönder)$/),
  },
  { name: 'booking, own page', path: () => made.booking },
  { name: 'events', path: () => '/events' },
  { name: 'event with places', path: () => `/events/${made.open}` },
  { name: 'full event', path: () => `/events/${made.full}` },
  { name: 'registration, own page, waiting', path: () => made.waiting },
  { name: 'registration, broken link', path: () => '/registration?token=not-a-real-token-at-all-000' },
  { name: 'volunteer', path: () => '/volunteer' },
  { name: 'contact', path: () => '/contact' },
  {
    name: 'contact with errors',
    path: () => '/contact',
    act: sendEmpty(/^(Send my message|Mesajımı gönder)$/),
  },
  { name: 'not found', path: () => '/no/such/page' },
];

const pathOf = (link: string) => {
  const url = new URL(link);
  return url.pathname + url.search;
};

before(async () => {
  site = await startSite({ botCheck: true });
  made.open = await site.event({ title: 'Open evening', capacity: 30 });
  made.full = await site.event({ title: 'Small group', capacity: 1 });
  const register = async (email: string) =>
    site.t.app.inject({
      method: 'POST',
      url: `/api/events/${made.full}/register`,
      headers: await site.botCheckHeaders(),
      payload: { name: 'A person', email },
    });
  await register('place@example.org');
  await register('waiting@example.org');
  const booked = await site.t.app.inject({
    method: 'POST',
    url: '/api/sessions/book',
    headers: await site.botCheckHeaders(),
    payload: {
      name: 'A person',
      email: 'booked@example.org',
      session_type: 'individual',
      preferred_date: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
      preferred_time: '17:30',
      health_consent: true,
      privacy_notice_version: (await site.t.app.inject({ url: '/api/site' })).json().privacy_notice_version,
    },
  });
  assert.ok(booked.statusCode < 300, booked.body);
  made.booking = pathOf(await site.linkInMail('booked@example.org', '/booking'));
  made.waiting = pathOf(await site.linkInMail('waiting@example.org', '/registration'));
});
after(() => site?.close());

async function open(page: Page, route: (typeof routes)[number]) {
  await page.goto(route.path());
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
  await settled(page);
  // The settings' text has arrived (the urgent help at the foot).
  await page.getByText(/112/).first().waitFor({ timeout: WAIT_MS });
  if (route.act) await route.act(page);
}

for (const lang of ['en', 'tr'] as const) {
  for (const viewport of [PHONE, LAPTOP]) {
    for (const route of routes) {
      test(`${route.name}: no axe violation in ${lang} at ${viewport.width} px`, async () => {
        const { context, foreign } = await newContext(site.browser, site.url, {
          viewport,
          lang,
          mobile: viewport.width < 800,
        });
        const page = await context.newPage();
        await open(page, route);
        assert.equal(await page.evaluate('document.documentElement.lang'), lang);
        assert.deepEqual(await axeViolations(page), []);
        assert.deepEqual(foreign, [], 'no request leaves the site');
        await context.close();
      });
    }
  }
}

for (const lang of ['en', 'tr'] as const) {
  test(`no public page scrolls sideways on a 320 px phone in ${lang}`, async () => {
    const overflowing: string[] = [];
    for (const route of routes) {
      const { context } = await newContext(site.browser, site.url, {
        viewport: NARROW_PHONE,
        lang,
        mobile: true,
      });
      const page = await context.newPage();
      await open(page, route);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) overflowing.push(`${route.name}: ${overflow} px too wide`);
      await context.close();
    }
    assert.deepEqual(overflowing, []);
  });
}
