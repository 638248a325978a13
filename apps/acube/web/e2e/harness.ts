// What A-Cube's browser tests share: the real app (built as in production, on the database the
// run asks for: TEST_DB) listening on a loopback port and serving the built UI; the mail it
// writes as .eml files; a page on another local port standing for the quick-exit address (so
// "Exit this page" leaves the site without a request leaving the machine); Debian's Chromium.
// Nothing of /api is intercepted or faked.
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRunningTestClock } from '@campus/platform/clock';
import { launchBrowser } from '@campus/web/testing/browser.ts';
import type { ParsedMail } from 'mailparser';
import type { Browser, Locator, Page } from 'playwright-core';
import { type AcubeTest, sentTo, startAcube } from '../../api/test/helpers.ts';
import { encodeSolution, type Solvable, solveChallenge } from '../src/features/shell/bot-check-solver.ts';

export const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED_WEB_SRC = fileURLToPath(new URL('../../../../packages/web/src', import.meta.url));

/** Every wait in these tests gives up after this long. */
export const WAIT_MS = 10_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A plain page on its own port: where "Exit this page" is pointed in the tests. */
async function startExitPage() {
  const server = createHttpServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><html lang="en"><title>Weather</title><h1>Weather today</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/weather`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The password of every admin the tests make (the API's test helpers set it). */
export const ADMIN_PASSWORD = 'a test admin passphrase';

export interface TestAdmin {
  id: string;
  email: string;
  role: 'staff' | 'superadmin';
  password: string;
  /** `Bearer …` for the API, as the panel would send it. */
  authorization: string;
}

export interface Site {
  t: AcubeTest;
  url: string;
  /** Where "Exit this page" goes. */
  exitUrl: string;
  browser: Browser;
  /** A published event, made through the admin API. */
  event(fields?: { title?: string; capacity?: number; daysAhead?: number }): Promise<string>;
  /** A new admin of this role who can log in with `password`, and an Authorization header for the API. */
  newAdmin(role: 'staff' | 'superadmin'): Promise<TestAdmin>;
  /** Logs `page` in as `admin` through the panel's login page and waits for the page it lands on. */
  logIn(page: Page, admin: TestAdmin, next?: string): Promise<void>;
  /** Headers with a solved bot check, for a public form sent through the API rather than the page. */
  botCheckHeaders(): Promise<Record<string, string>>;
  /** The private link in the latest mail to `email` whose text matches. */
  linkInMail(
    email: string,
    path: '/booking' | '/registration' | '/admin/set-password',
    text?: RegExp,
  ): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the UI if its sources changed, starts A-Cube on a free port with PUBLIC_URL set to it, and a browser.
 * `botCheck`: the public forms ask for the bot check, solved by the page itself (at a complexity
 * the page solves in well under a second); off otherwise (the admin panel's tests).
 */
export async function startSite(opts: { botCheck?: boolean } = {}): Promise<Site> {
  const { ensureWebBuilt } = await import('@campus/platform/app');
  await ensureWebBuilt({ root: WEB_ROOT, sources: [SHARED_WEB_SRC] });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const exit = await startExitPage();
  const t = await startAcube(
    {
      PUBLIC_URL: url,
      QUICK_EXIT_URL: exit.url,
      TIME_ZONE: 'Europe/Istanbul',
      URGENT_HELP_TEXT: 'In an emergency call 112. Crisis line, day and night: 0800 000 00 00.',
      // The tests send more forms from one address in a minute than a person would.
      RATE_LIMIT_PUBLIC: '1000/minute',
      RATE_LIMIT_CHALLENGE: '1000/minute',
      BOT_CHECK: opts.botCheck ? 'on' : 'off',
      BOT_CHECK_COMPLEXITY: '5000',
      // The admin panel's tests log in, reload (each load refreshes the login) and page through
      // lists more often than one person would.
      RATE_LIMIT_AUTH: '1000/minute',
      RATE_LIMIT_ADMIN: '5000/minute',
      RATE_LIMIT_EXPORT: '1000/minute',
    },
    {
      // Real time: the browser drops a refresh cookie whose expiry the app reckons from a stopped clock.
      clock: createRunningTestClock(),
    },
  );
  await t.app.listen({ port, host: '127.0.0.1' });
  const browser = await launchBrowser();
  const admin = await t.admin('staff');
  return {
    t,
    url,
    exitUrl: exit.url,
    browser,
    async event(fields = {}) {
      const starts = new Date(Date.now() + (fields.daysAhead ?? 7) * 86_400_000);
      starts.setUTCHours(15, 0, 0, 0);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { authorization: admin.authorization },
        payload: {
          title: fields.title ?? `Evening talk ${crypto.randomUUID().slice(0, 6)}`,
          description: 'An hour about sleep and stress, with time for questions.',
          location: 'Community hall, 2nd floor',
          starts_at: starts.toISOString(),
          ends_at: new Date(starts.getTime() + 3_600_000).toISOString(),
          capacity: fields.capacity ?? 20,
        },
      });
      if (created.statusCode !== 201) throw new Error(`event not created: ${created.body}`);
      const id = created.json().id as string;
      const published = await t.app.inject({
        method: 'POST',
        url: `/api/admin/events/${id}/publish`,
        headers: { authorization: admin.authorization },
      });
      if (published.statusCode !== 200) throw new Error(`event not published: ${published.body}`);
      return id;
    },
    async botCheckHeaders(): Promise<Record<string, string>> {
      const c = (await t.app.inject({ url: '/api/bot-check/challenge' })).json() as Solvable & {
        enabled: boolean;
      };
      if (!c.enabled) return {};
      const number = await solveChallenge(c);
      if (number === null) throw new Error('bot check: no solution');
      return { 'x-bot-check': encodeSolution(c, number) };
    },
    async newAdmin(role) {
      const email = `${role}-${crypto.randomUUID().slice(0, 8)}@acube.test`;
      const made = await t.admin(role, email);
      return { ...made, email, role, password: ADMIN_PASSWORD };
    },
    async logIn(page, who, next) {
      await page.goto(next ? `/admin/login?next=${encodeURIComponent(next)}` : '/admin/login');
      await page.getByLabel(/^(Email address|E-posta adresi)$/).fill(who.email);
      await page.getByLabel(/^(Password|Parola)$/).fill(who.password);
      await page.getByRole('button', { name: /^(Log in|Giriş yap)$/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/admin/login'), { timeout: WAIT_MS });
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
      await settled(page);
    },
    async linkInMail(email, path, text) {
      const pattern = new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}\\?token=[^\\s"<>]+`);
      const mail: ParsedMail = await t.mail(
        (m) => sentTo(m).includes(email) && pattern.test(m.text ?? '') && (!text || text.test(m.text ?? '')),
        `a mail to ${email} with a ${path} link`,
      );
      const found = (mail.text ?? '').match(pattern);
      if (!found) throw new Error('no link');
      return found[0];
    },
    async close() {
      await browser.cleanup();
      await t.close();
      await exit.close();
    },
  };
}

/** Presses Tab until `target` has the focus (at most 80 times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator) {
  await target.waitFor({ timeout: WAIT_MS });
  for (let i = 0; i < 80; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

export function isFocused(target: Locator): Promise<boolean> {
  // (evaluated in the page, where `document` exists; the test's own types have no DOM)
  return target.evaluate(
    (el) => el === (globalThis as { document?: { activeElement: unknown } }).document?.activeElement,
  );
}

/** The page has its data: no "Loading…" left (the pages' own placeholder while they fetch). */
export async function settled(page: Page) {
  await page
    .getByText(/^(Loading…|Yükleniyor…)$/)
    .first()
    .waitFor({ state: 'detached', timeout: WAIT_MS });
}

/** Where screenshots go: SCREENSHOTS_DIR (the README's pictures: docs/screenshots), else .cache. */
export async function saveScreenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  const dir = process.env.SCREENSHOTS_DIR ?? join(WEB_ROOT, '../../../.cache/screenshots');
  const path = join(dir, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await page.screenshot({ fullPage: opts.fullPage ?? false }));
  return path;
}
