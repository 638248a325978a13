// axe on the admin panel: no WCAG 2.2 AA violation (wcag2a, wcag2aa, wcag21aa, wcag22aa) on every
// route of src/admin/admin-routes.tsx at 1280 px, as a superadmin with a record of each kind to
// show, and on the login and the other pages for someone not logged in at 360 px too. The routes
// are read from the route table itself, so a page added there is checked here without a word
// more; a route with a :param needs a sample below (the test says which one lacks it).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LAPTOP, newContext, PHONE } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { sentTo } from '../../api/test/helpers.ts';
import {
  type Site,
  saveScreenshot,
  settled,
  startSite,
  type TestAdmin,
  WAIT_MS,
  WEB_ROOT,
} from './harness.ts';

interface TableRoute {
  path: string;
  role?: 'staff' | 'superadmin';
}

/** The entries of one array of the route table: each `{ path: '…', …, role: '…' }`. */
function entriesOf(source: string, name: string): TableRoute[] {
  const start = source.indexOf(`export const ${name}`);
  assert.ok(start >= 0, `${name} is in admin-routes.tsx`);
  const body = source.slice(start, source.indexOf('\n];', start));
  return [...body.matchAll(/\{[^{}]*?\bpath:\s*'([^']+)'[^{}]*\}/g)].map((m) => ({
    path: m[1] as string,
    role: /\brole:\s*'(staff|superadmin)'/.exec(m[0])?.[1] as TableRoute['role'],
  }));
}

const source = await readFile(join(WEB_ROOT, 'src/admin/admin-routes.tsx'), 'utf8');
const privateRoutes = entriesOf(source, 'adminRoutes');
const publicRoutes = entriesOf(source, 'adminPublicRoutes');

let site: Site;
let superadmin: TestAdmin;
let staff: TestAdmin;
/** A record of each kind, made in before(): what the :params stand for. */
const made = { booking: '', event: '', volunteer: '', contact: '', file: '' };
/** A sample value for each route with a :param. */
const samples: Record<string, () => string> = {
  '/admin/bookings/:id': () => made.booking,
  '/admin/events/:id': () => made.event,
  '/admin/registrations/:id': () => made.event,
  '/admin/volunteers/:id': () => made.volunteer,
  '/admin/contact/:id': () => made.contact,
  '/admin/downloads/:fileId': () => made.file,
};
const concrete = (path: string): string => {
  if (!path.includes(':')) return path;
  const sample = samples[path];
  assert.ok(sample, `no sample for ${path}: add one to the samples of admin-accessibility.e2e.test.ts`);
  return path.replace(/:[A-Za-z]+/, encodeURIComponent(sample()));
};

/** The id of the first item a list route answers. */
async function firstId(url: string): Promise<string> {
  const answer = await site.t.app.inject({ url, headers: { authorization: superadmin.authorization } });
  assert.equal(answer.statusCode, 200, answer.body);
  const id = answer.json().items[0]?.id as string | undefined;
  assert.ok(id, `${url} has an item`);
  return id;
}

let context: BrowserContext;
let page: Page;

before(async () => {
  site = await startSite();
  superadmin = await site.newAdmin('superadmin');
  staff = await site.newAdmin('staff');
  const post = (url: string, payload: object) => site.t.app.inject({ method: 'POST', url, payload });
  const settings = (await site.t.app.inject({ url: '/api/site' })).json();
  const sent = await Promise.all([
    post('/api/sessions/book', {
      name: 'A person',
      email: 'booked@example.org',
      session_type: 'individual',
      preferred_date: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
      preferred_time: '17:30',
      message: 'Evenings are easier for me.',
      health_consent: true,
      privacy_notice_version: settings.privacy_notice_version,
    }),
    post('/api/volunteers', {
      name: 'A volunteer',
      email: 'volunteer@example.org',
      availability: 'Evenings',
    }),
    post('/api/contact', {
      name: 'A sender',
      email: 'sender@example.org',
      subject: 'Hello',
      message: 'A question.',
    }),
  ]);
  for (const answer of sent) assert.ok(answer.statusCode < 300, answer.body);
  made.event = await site.event({ title: 'Open evening' });
  made.booking = await firstId('/api/sessions');
  made.volunteer = await firstId('/api/volunteers');
  made.contact = await firstId('/api/contact');
  // An audit export of the superadmin's: the file the download page fetches.
  const exported = await site.t.app.inject({
    method: 'POST',
    url: '/api/admin/bulk/export/audit-logs',
    headers: { authorization: superadmin.authorization },
    payload: {},
  });
  assert.equal(exported.statusCode, 202, exported.body);
  const mail = await site.t.mail(
    (m) => sentTo(m).includes(superadmin.email) && /\/admin\/downloads\//.test(m.text ?? ''),
    'the export-ready mail',
  );
  made.file = (mail.text ?? '').match(/\/admin\/downloads\/([0-9a-f-]{36})/)?.[1] ?? '';

  ({ context } = await newContext(site.browser, site.url, { viewport: LAPTOP }));
  page = await context.newPage();
  await site.logIn(page, superadmin);
});
after(async () => {
  await context?.close();
  await site?.close();
});

/** Goes to `path` inside the panel as a link would (no reload), and waits for its data. */
async function visit(target: Page, path: string) {
  assert.ok(path.startsWith('/admin'), `${path} is a panel address`);
  const here = new URL(target.url());
  if (here.pathname + here.search === path) return settled(target);
  await target.evaluate((to) => {
    const w = globalThis as unknown as {
      document: { title: string };
      history: { pushState(s: unknown, t: string, u: string): void };
      dispatchEvent(e: unknown): void;
      PopStateEvent: new (type: string) => unknown;
    };
    w.document.title = 'navigating';
    w.history.pushState(null, '', to);
    w.dispatchEvent(new w.PopStateEvent('popstate'));
  }, path);
  await target.waitForFunction(
    () => (globalThis as unknown as { document: { title: string } }).document.title !== 'navigating',
    undefined,
    // (a detail page sets its title once its record has come: twice the usual wait on a busy machine)
    { timeout: 2 * WAIT_MS },
  );
  await target.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
  await settled(target);
}

test('the route table lists the panel', () => {
  const paths = privateRoutes.map((r) => r.path);
  for (const path of ['/admin', '/admin/audit', '/admin/exports', '/admin/admins', '/admin/jobs'])
    assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
  assert.ok(
    privateRoutes.every((r) => r.role),
    'every page names its role',
  );
  assert.deepEqual(
    publicRoutes.map((r) => r.path),
    ['/admin/login', '/admin/set-password', '/admin/reset-password'],
  );
});

for (const route of privateRoutes) {
  test(`${route.path}: no axe violation at 1280 px`, async () => {
    await visit(page, concrete(route.path));
    await saveScreenshot(
      page,
      `acube-admin-axe${route.path.replace(/^\/admin/, '').replace(/[/:]+/g, '-') || '-dashboard'}`,
    );
    assert.deepEqual(await axeViolations(page), []);
  });
}

test('"not allowed" (a staff member at a superadmin page): no axe violation at 1280 px', async () => {
  const { context: own } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const staffPage = await own.newPage();
  await site.logIn(staffPage, staff);
  await visit(staffPage, '/admin/admins');
  await staffPage.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await axeViolations(staffPage), []);
  await own.close();
});

/** The pages for someone not logged in, and their states worth a look. */
const publicPages: { name: string; path: string; act?: (p: Page) => Promise<void> }[] = [
  ...publicRoutes.map((r) => ({
    name: r.path,
    path: r.path === '/admin/set-password' ? `${r.path}?token=${'x'.repeat(43)}` : r.path,
  })),
  {
    name: 'login with errors',
    path: '/admin/login',
    act: async (p) => {
      await p.getByRole('button', { name: /^(Log in|Giriş yap)$/ }).click();
      await p.getByRole('alert').first().waitFor({ timeout: WAIT_MS });
    },
  },
  { name: 'set-password without a link', path: '/admin/set-password' },
];

/** Shows each page of `pages` in a browser of its own in `lang` at `viewport`: axe's violations. */
async function checkPublic(pages: typeof publicPages, lang: 'en' | 'tr', viewport: typeof PHONE) {
  const { context: own, foreign } = await newContext(site.browser, site.url, {
    viewport,
    lang,
    mobile: viewport.width < 800,
  });
  const visitor = await own.newPage();
  const found: string[] = [];
  for (const shown of pages) {
    await visitor.goto(shown.path);
    await visitor.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
    await settled(visitor);
    if (shown.act) await shown.act(visitor);
    assert.equal(await visitor.evaluate('document.documentElement.lang'), lang);
    for (const v of await axeViolations(visitor)) found.push(`${shown.name}: ${v}`);
  }
  assert.deepEqual(foreign, [], 'no request leaves the site');
  await own.close();
  return found;
}

test('the login and the other pages before it at 360 px: no axe violation', async () => {
  assert.deepEqual(await checkPublic(publicPages, 'en', PHONE), []);
});

test('the pages before the login at 1280 px: no axe violation', async () => {
  assert.deepEqual(await checkPublic(publicPages.slice(0, publicRoutes.length), 'en', LAPTOP), []);
});

test('the login in Turkish at 360 px, with its errors: no axe violation', async () => {
  const login = publicPages.filter((p) => p.path === '/admin/login');
  assert.deepEqual(await checkPublic(login, 'tr', PHONE), []);
});
