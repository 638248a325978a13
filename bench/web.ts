// bench/web: what a student's phone pays to check in, and what a person pays to reach A-Cube's
// booking form. Reported, not asserted.
//   npm run bench:web          (BENCH_RUNS=5 by default; BENCH_APPS=attn or acube for one)
// 1. The JS and CSS the check-in page (/c/<session>) loads, gzipped as the server sends them
//    (target: at most 100 KB), with brotli beside it.
// 2. Opening the QR link, logged in, until "You are checked in", under Lighthouse's mobile
//    profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, 4x CPU slowdown, 412 px phone),
//    cold cache each run; median of the runs (target: at most 3 s). Beside it, the same profile
//    on a baseline page (an HTML page that makes one API call and shows its answer), so the
//    ratio says what our page costs above the bare network and machine.
// 3. A-Cube's booking page (/book): its JS and CSS the same way (target: at most 120 KB gzip),
//    and opening it until the form can be used (its session types and its send button drawn,
//    which needs the site's settings from the API) under the same mobile profile (target 3 s).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { WEB_ROOT as ACUBE_WEB_ROOT, startSite } from '../apps/acube/web/e2e/harness.ts';
import { sessionCookie, startClassroom, WEB_ROOT } from '../apps/attn/web/e2e/harness.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const APPS = (process.env.BENCH_APPS ?? 'attn,acube').split(',');
const MOBILE = { width: 412, height: 823 };
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

async function mobilePage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: MOBILE, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

/** A baseline page under the same profile: HTML, one fetch, its answer shown. */
async function startBaseline() {
  const html =
    '<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">' +
    '<h1 id="out">…</h1><script>fetch("/api/ping").then(r=>r.json()).then(j=>{out.textContent=j.text})</script>';
  const server = createServer((req, res) => {
    if (req.url === '/api/ping') return res.end(JSON.stringify({ text: 'You are checked in' }));
    res.setHeader('content-type', 'text/html');
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** The JS and CSS a page loads, as the built files: raw, gzip (against `target` KB) and brotli. */
async function pageWeight(browser: Browser, baseURL: string, path: string, webRoot: string, target: number) {
  const { context, page } = await mobilePage(browser, baseURL);
  const loaded: string[] = [];
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (type === 'script' || type === 'stylesheet') loaded.push(new URL(r.url()).pathname);
  });
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of new Set(loaded)) {
    const bytes = await readFile(join(webRoot, 'dist', file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return `(${new Set(loaded).size} files): ${kb(raw)} raw, ${kb(gzip)} gzip (target ${target} KB), ${kb(brotli)} brotli`;
}

const fmt = (values: number[]) => values.map((v) => Math.round(v)).join(', ');

console.log(
  `web bench: ${RUNS} runs, ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(2)}`,
);

if (APPS.includes('attn')) {
  const room = await startClassroom();
  try {
    console.log('ATTN');
    const course = await room.t.course({ students: RUNS + 1 });
    const opened = await room.t.app.inject({
      method: 'POST',
      url: `/api/teacher/courses/${course.id}/sessions`,
      headers: course.teacher.headers,
      payload: { duration_minutes: 60, code_step_seconds: 60 },
    });
    const sessionId = opened.json().id as string;
    const currentCode = async () =>
      (
        await room.t.app.inject({
          url: `/api/teacher/sessions/${sessionId}/code`,
          headers: course.teacher.headers,
        })
      ).json().code as string;

    // 1. What the page loads, sized as the files the server sends.
    console.log(
      `  check-in page JS+CSS ${await pageWeight(room.browser, room.url, `/c/${sessionId}`, WEB_ROOT, 100)}`,
    );

    // 2. QR link to "checked in" on a throttled phone, against the baseline page.
    const baseline = await startBaseline();
    const ours: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const student = course.students[run];
      if (!student) break;
      const phone = await mobilePage(room.browser, room.url);
      await phone.context.addCookies([sessionCookie(student, room.url)]);
      await throttle(phone.page);
      const code = await currentCode();
      let started = performance.now();
      if (process.env.BENCH_TRACE) {
        phone.page.on('request', (r) =>
          console.log(
            `    ${Math.round(performance.now() - started)} ms  -> ${r.method()} ${new URL(r.url()).pathname}`,
          ),
        );
        phone.page.on('requestfinished', (r) =>
          console.log(`    ${Math.round(performance.now() - started)} ms  <- ${new URL(r.url()).pathname}`),
        );
      }
      await phone.page.goto(`/c/${sessionId}#${code}`);
      await phone.page.getByRole('heading', { name: 'You are checked in' }).waitFor({ timeout: 30_000 });
      ours.push(performance.now() - started);
      await phone.context.close();

      const plain = await mobilePage(room.browser, baseline.url);
      await throttle(plain.page);
      started = performance.now();
      await plain.page.goto('/');
      await plain.page.getByRole('heading', { name: 'You are checked in' }).waitFor({ timeout: 30_000 });
      bare.push(performance.now() - started);
      await plain.context.close();
    }
    await baseline.close();
    console.log(
      `  QR link to "checked in", mobile profile: median ${Math.round(median(ours))} ms (target 3000) [${fmt(ours)}]`,
    );
    console.log(
      `  baseline page, same profile:             median ${Math.round(median(bare))} ms [${fmt(bare)}]`,
    );
    console.log(`  ratio to baseline: x${(median(ours) / median(bare)).toFixed(2)}`);
  } finally {
    await room.close();
  }
}

if (APPS.includes('acube')) {
  const site = await startSite();
  try {
    console.log('A-Cube');
    console.log(
      `  booking page JS+CSS ${await pageWeight(site.browser, site.url, '/book', ACUBE_WEB_ROOT, 120)}`,
    );
    const baseline = await startBaseline();
    const times: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const phone = await mobilePage(site.browser, site.url);
      await throttle(phone.page);
      let started = performance.now();
      await phone.page.goto('/book');
      await phone.page.getByRole('radio').first().waitFor({ timeout: 30_000 });
      await phone.page.getByRole('button', { name: 'Send my request' }).waitFor({ timeout: 30_000 });
      times.push(performance.now() - started);
      await phone.context.close();

      const plain = await mobilePage(site.browser, baseline.url);
      await throttle(plain.page);
      started = performance.now();
      await plain.page.goto('/');
      await plain.page.getByRole('heading', { name: 'You are checked in' }).waitFor({ timeout: 30_000 });
      bare.push(performance.now() - started);
      await plain.context.close();
    }
    await baseline.close();
    console.log(
      `  booking page to a usable form, mobile profile: median ${Math.round(median(times))} ms (target 3000) [${fmt(times)}]`,
    );
    console.log(
      `  baseline page, same profile:                  median ${Math.round(median(bare))} ms [${fmt(bare)}]`,
    );
    console.log(`  ratio to baseline: x${(median(times) / median(bare)).toFixed(2)}`);
  } finally {
    await site.close();
  }
}
