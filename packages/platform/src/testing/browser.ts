// Debian's Chromium driven by playwright-core, for browser tests. Nothing is downloaded: the
// browser comes from the system package (deploy/services/ensure-packages.sh chromium).
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      'Chromium is not installed. Run `sudo bash deploy/services/ensure-packages.sh chromium` ' +
        '(or `apt-get install chromium`), or set CHROMIUM_PATH.',
    );
  }
  return path;
}

/**
 * `opts.args`: extra command-line switches after the defaults (e.g. Chromium's fake camera for a
 * selfie test: `--use-fake-device-for-media-stream`, `--use-file-for-fake-video-capture=<y4m>`).
 */
export async function launchBrowser(
  opts: { args?: readonly string[] } = {},
): Promise<Browser & { cleanup(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.args ?? []),
    ],
  });
  return Object.assign(browser, {
    async cleanup() {
      await browser.close();
    },
  });
}
