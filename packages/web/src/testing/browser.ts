// Browser contexts for the front ends' tests: Debian's Chromium (never a downloaded one), a
// phone or a laptop viewport, the language chosen, and every request to another host recorded
// (the front ends make none; the machine has no network, so such a request would fail anyway).
// Requests are only watched, never intercepted: the tests talk to the real API.
import { launchBrowser } from '@campus/platform/testing/browser';
import type { Browser, BrowserContext } from 'playwright-core';

export { launchBrowser };

export const PHONE = { width: 360, height: 740 };
export const NARROW_PHONE = { width: 320, height: 640 };
export const LAPTOP = { width: 1280, height: 800 };

export interface TestContext {
  context: BrowserContext;
  /** Requests the page made to any other origin. */
  foreign: string[];
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  opts: { viewport?: { width: number; height: number }; lang?: 'en' | 'tr'; mobile?: boolean } = {},
): Promise<TestContext> {
  const lang = opts.lang ?? 'en';
  const context = await browser.newContext({
    baseURL,
    viewport: opts.viewport ?? LAPTOP,
    locale: lang === 'tr' ? 'tr-TR' : 'en-GB',
    isMobile: opts.mobile,
    hasTouch: opts.mobile,
  });
  const foreign: string[] = [];
  const origin = new URL(baseURL).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return { context, foreign };
}
