// A full event: a person joins its waiting list and sees their position; someone with a place
// cancels through their own page from the mail; the first person waiting then finds, through
// the link they were sent when they joined the list, that they have the place.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import type { Page } from 'playwright-core';
import { type Site, saveScreenshot, startSite, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite({ botCheck: true });
});
after(() => site?.close());

async function register(page: Page, name: string, email: string, button: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: button }).click();
}

test('a full event offers its waiting list, and a cancellation moves the first person waiting in', async () => {
  const title = `Sleep and stress ${crypto.randomUUID().slice(0, 4)}`;
  const id = await site.event({ title, capacity: 1 });
  const first = `first-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const waiting = `waiting-${crypto.randomUUID().slice(0, 8)}@example.org`;

  // The one place goes to the first person.
  const a = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const pageA = await a.context.newPage();
  await pageA.goto('/events');
  await pageA.getByRole('link', { name: title }).click();
  await pageA.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: WAIT_MS });
  await pageA.getByText('1 place left').waitFor({ timeout: WAIT_MS });
  await register(pageA, 'Ece Yıldız', first, 'Save my place');
  await pageA.getByRole('heading', { name: 'Your place is saved' }).waitFor({ timeout: WAIT_MS });

  // The next person finds it full and is offered the waiting list in words before sending.
  const b = await newContext(site.browser, site.url, { viewport: PHONE, mobile: true });
  const pageB = await b.context.newPage();
  await pageB.goto(`/events/${id}`);
  await pageB.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: WAIT_MS });
  await pageB.getByText(/This event is full\. You can join the waiting list/).waitFor({ timeout: WAIT_MS });
  await register(pageB, 'Mert Aydın', waiting, 'Join the waiting list');
  await pageB.getByRole('heading', { name: 'You are on the waiting list' }).waitFor({ timeout: WAIT_MS });
  await pageB.getByText('You are number 1 on the waiting list').waitFor({ timeout: WAIT_MS });
  await saveScreenshot(pageB, 'acube-waiting-list');

  // Their own page says the same.
  const waitingLink = await site.linkInMail(waiting, '/registration');
  await pageB.goto(waitingLink);
  await pageB.getByRole('heading', { name: 'Your place', level: 1 }).waitFor({ timeout: WAIT_MS });
  await pageB.getByText('You are number 1 on the waiting list.').waitFor({ timeout: WAIT_MS });

  // The first person cancels through their own link.
  const firstLink = await site.linkInMail(first, '/registration');
  await pageA.goto(firstLink);
  await pageA.getByText('You have a place.').waitFor({ timeout: WAIT_MS });
  await pageA.getByRole('button', { name: 'Cancel my place' }).click();
  await pageA.getByRole('button', { name: 'Yes, cancel my place' }).click();
  await pageA.getByText('Done. Your registration is cancelled.').waitFor({ timeout: WAIT_MS });
  await pageA.getByText('This registration is cancelled.').waitFor({ timeout: WAIT_MS });

  // The link the waiting person got when they joined the list now shows them in.
  await pageB.goto(waitingLink);
  await pageB.getByText('You have a place.').waitFor({ timeout: WAIT_MS });
  assert.deepEqual([...a.foreign, ...b.foreign], [], 'no request leaves the site');
  await a.context.close();
  await b.context.close();
});

test('a person on the waiting list can leave it from their own page', async () => {
  const title = `Parents' group ${crypto.randomUUID().slice(0, 4)}`;
  const id = await site.event({ title, capacity: 1 });
  const taken = await site.t.app.inject({
    method: 'POST',
    url: `/api/events/${id}/register`,
    headers: await site.botCheckHeaders(),
    payload: { name: 'Someone', email: `someone-${crypto.randomUUID().slice(0, 8)}@example.org` },
  });
  assert.equal(taken.json().status, 'confirmed');
  const email = `leaver-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto(`/events/${id}`);
  await register(page, 'Can Öztürk', email, 'Join the waiting list');
  await page.getByText('You are number 1 on the waiting list').waitFor({ timeout: WAIT_MS });
  await page.goto(await site.linkInMail(email, '/registration'));
  await page.getByRole('button', { name: 'Leave the waiting list' }).click();
  await page.getByRole('button', { name: 'Yes, leave the list' }).click();
  await page.getByText('This registration is cancelled.').waitFor({ timeout: WAIT_MS });
  await context.close();
});
