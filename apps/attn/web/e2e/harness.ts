// What ATTN's browser tests share: the real app (built as in production, on the database the
// run asks for: TEST_DB) listening on a loopback port and serving the built UI, with a clock
// that runs with real time and can be moved on; Debian's Chromium; users with a known password.
// Nothing of /api is intercepted or faked.
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRunningTestClock, type TestClock } from '@campus/platform/clock';
import { launchBrowser } from '@campus/web/testing/browser.ts';
import jsQRModule from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { SESSION_COOKIE } from '../../api/src/modules/auth/index.ts';
import { type AttnTest, startAttn, TEST_PASSWORD, type TestUser } from '../../api/test/helpers.ts';

export { TEST_PASSWORD };

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

export interface Classroom {
  t: AttnTest;
  clock: TestClock;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the UI if its sources changed, starts ATTN on a free port with PUBLIC_URL set to it, and a
 * browser. `opts.env`: more settings for the app (e.g. FACE_THREADS); `opts.browserArgs`: extra
 * Chromium switches (e.g. a fake camera).
 */
export async function startClassroom(
  opts: { env?: Record<string, string>; browserArgs?: readonly string[] } = {},
): Promise<Classroom> {
  const { ensureWebBuilt } = await import('@campus/platform/app');
  await ensureWebBuilt({ root: WEB_ROOT, sources: [SHARED_WEB_SRC] });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const clock = createRunningTestClock();
  const t = await startAttn({ ...opts.env, PUBLIC_URL: url }, { clock });
  await t.app.listen({ port, host: '127.0.0.1' });
  const browser = await launchBrowser({ args: opts.browserArgs });
  return {
    t,
    clock,
    url,
    browser,
    async close() {
      await browser.cleanup();
      await t.close();
    },
  };
}

/** Logs in through the login page as a person would. */
export async function logIn(page: Page, schoolNumber: string, password = TEST_PASSWORD) {
  await page.getByLabel(/School number|Okul numarası/).fill(schoolNumber);
  await page.getByLabel(/^(Password|Parola)$/).fill(password);
  await page.getByRole('button', { name: /^(Log in|Giriş yap)$/ }).click();
}

/** Where screenshots go: SCREENSHOTS_DIR (the README's pictures: docs/screenshots), else .cache. */
export async function saveScreenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  const dir = process.env.SCREENSHOTS_DIR ?? join(WEB_ROOT, '../../../.cache/screenshots');
  const path = join(dir, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await page.screenshot({ fullPage: opts.fullPage ?? false }));
  return path;
}

/** Milliseconds since `start`, rounded, for the latencies the tests print. */
export const since = (start: number) => Math.round(performance.now() - start);

// jsqr is CommonJS: its function is the module itself at run time and `default` in its types.
const decode = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** The text of the QR code in the page's image named like /QR/, read from its pixels. */
export async function readQr(page: Page): Promise<string> {
  const png = await page.getByRole('img', { name: /QR/ }).screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = decode(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  );
  if (!found) throw new Error('no QR code readable in the page');
  return found.data;
}

/** The browser cookie of a test user's live session, for a context that starts logged in. */
export function sessionCookie(user: TestUser, url: string) {
  const value = (user.headers.cookie ?? '').slice(`${SESSION_COOKIE}=`.length);
  return { name: SESSION_COOKIE, value, url };
}
