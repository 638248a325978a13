// A form sent with mistakes: the error summary appears at the top and takes the focus, each
// entry moves the focus to its field, and each field carries its message beside it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext } from '@campus/web/testing/browser.ts';
import type { Page } from 'playwright-core';
import { isFocused, type Site, saveScreenshot, startSite, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite({ botCheck: true });
});
after(() => site?.close());

/** What the check below reads of an element (the test's own types have no DOM). */
interface DomElement {
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
}

/** Follows each link of the summary and checks the focus lands on the field it names. */
async function followSummary(page: Page, expected: string[]) {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor({ timeout: WAIT_MS });
  assert.ok(await isFocused(summary), 'the summary takes the focus');
  const links = summary.getByRole('link');
  assert.deepEqual(await links.allTextContents(), expected);
  for (let i = 0; i < expected.length; i++) {
    const link = links.nth(i);
    const target = ((await link.getAttribute('href')) ?? '').slice(1);
    await link.focus();
    await page.keyboard.press('Enter');
    const field = page.locator(`[id="${target}"]`);
    assert.ok(await isFocused(field), `"${expected[i]}" moves the focus to #${target}`);
    // A text field is marked invalid itself; a group of radios through its fieldset.
    const marks = await field.evaluate((node) => {
      const el = node as unknown as DomElement;
      const group = el.getAttribute('type') === 'radio' ? el.closest('fieldset') : null;
      return {
        invalid: group ? 'true' : el.getAttribute('aria-invalid'),
        described: (group ?? el).getAttribute('aria-describedby') ?? '',
      };
    });
    assert.equal(marks.invalid, 'true', `#${target} is marked invalid`);
    assert.ok(marks.described.includes(`${target}-error`), `#${target} is described by its message`);
    assert.equal((await page.locator(`[id="${target}-error"]`).textContent())?.trim(), expected[i]);
  }
}

test('the booking form sent empty lists every mistake, and each entry moves the focus to its field', async () => {
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto('/book');
  await page.getByRole('button', { name: 'Send my request' }).click();
  await followSummary(page, [
    'Choose the kind of session',
    'Enter your preferred date',
    'Enter your name',
    'Enter an email address like name@example.com',
    'Tick the box to agree, so we can arrange your session',
  ]);
  await context.close();
});

test('the contact form sent with mistakes does the same', async () => {
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto('/contact');
  await page.getByLabel('Email address').fill('not an address');
  await page.getByRole('button', { name: 'Send my message' }).click();
  await followSummary(page, [
    'Enter your name',
    'Enter an email address like name@example.com',
    'Enter your message',
  ]);
  await context.close();
});

test('the bot check says what it does, in English and Turkish, asks no other host, and lets a keyboard user send', async () => {
  for (const [lang, done] of [
    ['en', 'Checking that you are not a robot… done.'],
    ['tr', 'Robot olmadığınız kontrol ediliyor… tamam.'],
  ] as const) {
    const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP, lang });
    const page = await context.newPage();
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto('/contact');
    await page.getByRole('status').filter({ hasText: done }).waitFor({ timeout: WAIT_MS });
    await saveScreenshot(page, `bot-check-contact-${lang}`);
    if (lang === 'en') {
      await page.getByLabel('Your name').focus();
      await page.keyboard.type('Ada');
      await page.keyboard.press('Tab');
      await page.keyboard.type('bot-check@example.org');
      await page.getByLabel('Your message').focus();
      await page.keyboard.type('Hello, with a solved bot check');
      await page.getByRole('button', { name: 'Send my message' }).focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('heading', { level: 1, name: 'Your message is sent' })
        .waitFor({ timeout: WAIT_MS });
    }
    assert.deepEqual([...hosts], [new URL(site.url).host], 'only our own server is asked');
    await context.close();
  }
});
