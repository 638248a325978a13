// The admin panel's tables on the real API: a filter, a sort and a page survive a reload and Back
// (they live in the URL), a column choice survives a reload (this browser remembers it); the CSV
// of the current filter holds exactly the filtered rows; 250 records selected across pages ("all
// matching") change status as a background operation whose bar follows every poll and is still
// right after a reload, then shows the outcome, and the audit log has the operation. The records
// are demo data written straight into the database (250 public forms would meet the rate limit).
// axe runs here on what only these steps show (the confirmation, the outcome); every route of the
// panel is checked in admin-accessibility.e2e.test.ts.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { newContext } from '@campus/web/testing/browser.ts';
import { axeViolations } from '@campus/web/testing/page-checks.ts';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { volunteerApplications } from '../../api/src/db/schema/index.ts';
import {
  type Site,
  saveScreenshot,
  settled,
  startSite,
  type TestAdmin,
  WAIT_MS,
  WEB_ROOT,
} from './harness.ts';

let site: Site;
let staff: TestAdmin;
/** Every seeded record carries this in its reference and address, so `q` finds exactly them (each
 * test file has its own database; a fixed word keeps the README's picture the same). */
const RUN = 'K7Q';
const MATCHING = 250;
const ACCEPTED = 20;
/** Fixed times, so the README's picture is the same on every run. */
const BASE = Date.UTC(2026, 9, 12, 9, 0, 0);

/** Seeds the records: 250 new and 20 accepted that match `q=RUN`, and 30 others that do not. */
async function seed() {
  const pad = (n: number) => String(n).padStart(3, '0');
  const rows = [
    ...Array.from({ length: MATCHING }, (_, i) => ({ status: 'new' as const, i })),
    ...Array.from({ length: ACCEPTED }, (_, i) => ({ status: 'accepted' as const, i: MATCHING + i })),
  ].map(({ status, i }) => ({
    reference: `VOL-${RUN}-${pad(i + 1)}`,
    name: `Demo volunteer ${pad(i + 1)}`,
    email: `v${pad(i + 1)}@${RUN.toLowerCase()}.example`,
    phone: '',
    availability: 'Weekday evenings (demo)',
    message: 'A demo application.',
    status,
    dedupeKey: `seed-${RUN}-${i}`,
    createdAt: new Date(BASE - i * 3_600_000),
    updatedAt: new Date(BASE - i * 3_600_000),
  }));
  const others = Array.from({ length: 30 }, (_, i) => ({
    reference: `VOL-OTHER-${pad(i)}-${crypto.randomUUID().slice(0, 6)}`,
    name: `Another demo ${pad(i)}`,
    email: `other${pad(i)}@elsewhere.example`,
    dedupeKey: `other-${RUN}-${i}`,
    createdAt: new Date(BASE - i * 60_000),
  }));
  await site.t.app.db.insert(volunteerApplications).values([...rows, ...others]);
}

before(async () => {
  site = await startSite();
  staff = await site.newAdmin('staff');
  await seed();
});
after(() => site?.close());

const filters = (page: Page) => page.getByRole('search', { name: 'Filter' });
const range = (page: Page) => page.locator('.pager__range');
const firstReference = (page: Page) => page.locator('tbody tr').first().locator('th a').innerText();
const search = (page: Page) => new URL(page.url()).searchParams;

/** The table shows its rows for what the URL asks (no page loading, none being replaced). */
async function tableSettled(page: Page) {
  await settled(page);
  await page.locator('table.data-grid:not([aria-busy])').waitFor({ timeout: WAIT_MS });
}

test('filter, sort and page survive a reload and Back; the column choice survives a reload; the CSV holds exactly the filtered rows', async () => {
  const { context, foreign } = await newContext(site.browser, site.url, {
    viewport: { width: 1000, height: 760 },
  });
  const page = await context.newPage();
  await site.logIn(page, staff, '/admin/volunteers');
  await page.getByRole('heading', { name: 'Volunteer applications', level: 1 }).waitFor({ timeout: WAIT_MS });
  await tableSettled(page);

  // Filter: the text and the status, applied together.
  await filters(page).getByLabel('Name, email or reference').fill(RUN);
  await filters(page).getByLabel('Status', { exact: true }).selectOption('new');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL((u) => u.searchParams.get('status') === 'new', { timeout: WAIT_MS });
  await tableSettled(page);
  await range(page).getByText(`1–25 of ${MATCHING}`).waitFor({ timeout: WAIT_MS });

  // Sort by name: the header's button, and the header says so.
  const nameHeader = page.getByRole('columnheader', { name: 'Name' });
  assert.equal(await nameHeader.getAttribute('aria-sort'), null);
  await nameHeader.getByRole('button').click();
  await page.waitForURL((u) => u.searchParams.get('sort') === 'name', { timeout: WAIT_MS });
  await tableSettled(page);
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
  assert.equal(await firstReference(page), `VOL-${RUN}-001`);

  // Page 3.
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2', { timeout: WAIT_MS });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '3', { timeout: WAIT_MS });
  await tableSettled(page);
  await range(page).getByText(`51–75 of ${MATCHING}`).waitFor({ timeout: WAIT_MS });
  assert.equal(await firstReference(page), `VOL-${RUN}-051`);

  // A reload shows the same rows, the same filter in its fields, the same sort.
  await page.reload();
  await page.getByRole('heading', { name: 'Volunteer applications', level: 1 }).waitFor({ timeout: WAIT_MS });
  await tableSettled(page);
  await range(page).getByText(`51–75 of ${MATCHING}`).waitFor({ timeout: WAIT_MS });
  assert.equal(await firstReference(page), `VOL-${RUN}-051`);
  assert.equal(await filters(page).getByLabel('Name, email or reference').inputValue(), RUN);
  assert.equal(await filters(page).getByLabel('Status', { exact: true }).inputValue(), 'new');
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');

  // Back: page 2, then page 1, then the default sort (newest first), then no filter.
  await page.goBack();
  await range(page).getByText(`26–50 of ${MATCHING}`).waitFor({ timeout: WAIT_MS });
  await page.goBack();
  await range(page).getByText(`1–25 of ${MATCHING}`).waitFor({ timeout: WAIT_MS });
  assert.equal(search(page).get('page'), null);
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('sort'), { timeout: WAIT_MS });
  await tableSettled(page);
  assert.equal(await nameHeader.getAttribute('aria-sort'), null);
  assert.equal(search(page).get('q'), RUN);
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('q'), { timeout: WAIT_MS });
  await tableSettled(page);
  assert.equal(await filters(page).getByLabel('Name, email or reference').inputValue(), '');
  await page.goForward();
  await page.waitForURL((u) => u.searchParams.get('q') === RUN, { timeout: WAIT_MS });
  await tableSettled(page);

  // The column chooser: Email hidden, and still hidden after a reload.
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Email' }).uncheck();
  await page.getByRole('columnheader', { name: 'Email' }).waitFor({ state: 'detached', timeout: WAIT_MS });
  await page.reload();
  await tableSettled(page);
  await page.getByRole('columnheader', { name: 'Name' }).waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByRole('columnheader', { name: 'Email' }).count(), 0);
  await page.getByText('Columns', { exact: true }).click();
  assert.equal(await page.getByRole('checkbox', { name: 'Email' }).isChecked(), false);

  // The table for the README (demo data only): ten rows a page, sorted by name, Email hidden.
  await page.goto(`/admin/volunteers?q=${RUN}&status=new&sort=name&page_size=10`);
  await tableSettled(page);
  await range(page).getByText(`1–10 of ${MATCHING}`).waitFor({ timeout: WAIT_MS });
  await page.getByRole('checkbox', { name: `Select VOL-${RUN}-002` }).check();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(WEB_ROOT, '../../../docs/admin-table.png'), fullPage: true });
  await page.goBack();
  await tableSettled(page);

  // The CSV of the current filter (text and status): exactly those rows, no free text.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const records: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, bom: true });
  assert.equal(records.length, MATCHING);
  const references = records.map((r) => r.reference ?? '');
  // In the table's order too (newest first: the seed's first is the newest).
  assert.deepEqual(
    references,
    Array.from({ length: MATCHING }, (_, i) => `VOL-${RUN}-${String(i + 1).padStart(3, '0')}`),
  );
  assert.ok(
    records.every((r) => r.status === 'new'),
    'only the filtered status',
  );
  assert.ok(!('message' in (records[0] ?? {})) && !('availability' in (records[0] ?? {})), 'no free text');
  assert.deepEqual(foreign, [], 'no request leaves the site');
  await context.close();
});

test('all 250 matching records selected across pages change status in the background: the bar follows every poll and a reload, then the outcome; the audit log has the operation', async () => {
  const { context } = await newContext(site.browser, site.url);
  // What the bar shows, as it changes, across reloads (the recorder is installed on every load).
  const shown: number[] = [];
  await context.exposeBinding('recordBar', (_source, value: number) => void shown.push(value));
  await context.addInitScript(() => {
    const w = globalThis as unknown as {
      recordBar(v: number): void;
      MutationObserver: new (
        cb: () => void,
      ) => { observe(target: unknown, options: Record<string, unknown>): void };
      document: {
        querySelector(s: string): { getAttribute(n: string): string | null } | null;
      };
    };
    let last: string | null = null;
    const look = () => {
      const value = w.document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null;
      if (value !== null && value !== last) w.recordBar(Number(value));
      last = value;
    };
    new w.MutationObserver(look).observe(w.document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
  const page = await context.newPage();
  // Every answer of the operation's progress route the page received (not while it reloads).
  const polled: number[] = [];
  let reloading = false;
  page.on('response', async (response) => {
    if (!/\/api\/admin\/bulk\/operations\//.test(response.url()) || !response.ok() || reloading) return;
    const body = (await response.json().catch(() => null)) as { progress?: { done: number } } | null;
    if (body?.progress) polled.push(body.progress.done);
  });

  await site.logIn(page, staff, `/admin/volunteers?q=${RUN}&status=new`);
  await tableSettled(page);
  await range(page).getByText(`1–25 of ${MATCHING}`).waitFor({ timeout: WAIT_MS });

  // Staff never see a bulk delete.
  await page.getByRole('checkbox', { name: 'Select every row on this page' }).check();
  await page.getByText('25 selected.').waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByRole('button', { name: /^Delete/ }).count(), 0);
  await page.getByRole('button', { name: `Select all ${MATCHING} matching the filter` }).click();
  await page
    .getByText(`All ${MATCHING} records matching the filter are selected.`)
    .waitFor({ timeout: WAIT_MS });
  // The selection holds on another page.
  await page.getByRole('button', { name: 'Next' }).click();
  await tableSettled(page);
  assert.equal(await page.getByRole('checkbox', { name: `Select VOL-${RUN}-026` }).isChecked(), true);

  await page.getByLabel('New status').selectOption('reviewing');
  await page.getByRole('button', { name: `Set status of ${MATCHING} records` }).click();
  const dialog = page.getByRole('dialog', { name: 'Please confirm' });
  await dialog
    .getByText(`Set the status of ${MATCHING} volunteer applications to “Reviewing”?`)
    .waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await axeViolations(page), [], 'the confirmation');
  await saveScreenshot(page, 'acube-admin-bulk-confirm');
  await dialog.getByRole('button', { name: `Yes, change ${MATCHING}` }).click();

  await page.waitForURL((u) => u.searchParams.has('operation'), { timeout: WAIT_MS });
  const operationId = search(page).get('operation') ?? '';
  const bar = page.getByRole('progressbar', { name: 'Progress of the bulk change' });
  await bar.waitFor({ timeout: WAIT_MS });
  assert.equal(await bar.getAttribute('aria-valuemax'), String(MATCHING));
  await saveScreenshot(page, 'acube-admin-bulk-progress');

  // A reload while it runs (or once it has ended) shows the same operation's bar.
  reloading = true;
  await page.reload();
  reloading = false;
  await bar.waitFor({ timeout: WAIT_MS });
  assert.equal(search(page).get('operation'), operationId);

  // Then the outcome.
  await page.getByRole('heading', { name: 'Bulk change finished' }).waitFor({ timeout: 30_000 });
  assert.equal(await bar.getAttribute('aria-valuenow'), String(MATCHING));
  await page.getByText(`${MATCHING} done`, { exact: true }).waitFor({ timeout: WAIT_MS });
  await page.getByText('0 not found', { exact: true }).waitFor({ timeout: WAIT_MS });
  await page.getByText('0 failed', { exact: true }).waitFor({ timeout: WAIT_MS });
  await page.getByRole('link', { name: 'Download the report' }).waitFor({ timeout: WAIT_MS });
  assert.deepEqual(await axeViolations(page), [], 'the outcome');
  await saveScreenshot(page, 'acube-admin-bulk-outcome');

  assert.ok(polled.length >= 2, `the bar was fed by the progress route (${polled.length} answers)`);
  for (const done of polled)
    assert.ok(shown.includes(done), `the bar showed ${done} (shown: ${shown.join(', ')})`);

  // The records changed, and the list shows it.
  const list = await site.t.app.inject({
    url: `/api/volunteers?q=${RUN}&status=reviewing&page_size=1`,
    headers: { authorization: staff.authorization },
  });
  assert.equal(list.json().total, MATCHING);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.waitForURL((u) => !u.searchParams.has('operation'), { timeout: WAIT_MS });
  await range(page).getByText('0 of 0').waitFor({ timeout: WAIT_MS });
  // Page 2 no longer exists: the table went back to the first in place.
  await page.waitForURL((u) => !u.searchParams.has('page'), { timeout: WAIT_MS });

  // The audit log has the operation: what was done, to how many, by which filter (no names).
  const audit = await site.t.app.inject({
    url: `/api/admin/audit-logs?entity_id=${operationId}`,
    headers: { authorization: staff.authorization },
  });
  assert.equal(audit.statusCode, 200);
  const entries = audit.json().items as {
    action: string;
    actor_id: string;
    changes: Record<string, unknown>;
  }[];
  assert.equal(entries.length, 1, JSON.stringify(entries));
  assert.equal(entries[0]?.action, 'bulk.status_update');
  assert.equal(entries[0]?.actor_id, staff.id);
  assert.equal(entries[0]?.changes.count, MATCHING);
  assert.equal(entries[0]?.changes.status, 'reviewing');
  await context.close();
});

test('every list opens with its rows and leads to their detail; a count changed before it runs is asked again; a superadmin changes or deletes chosen rows at once', async () => {
  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await site.t.app.inject({ method: 'POST', url, payload });
    assert.ok(res.statusCode < 300, `${url}: ${res.body}`);
  };
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await post('/api/sessions/book', {
    name: 'Demo client',
    email: 'client@demo.example',
    session_type: 'individual',
    preferred_date: inAWeek,
  });
  const eventId = await site.event({ title: 'Demo evening talk' });
  await post(`/api/events/${eventId}/register`, { name: 'Demo guest', email: 'guest@demo.example' });
  for (const n of [1, 2]) {
    await post('/api/contact', {
      name: `Demo sender ${n}`,
      email: `sender${n}@demo.example`,
      message: 'Hello (demo).',
    });
  }
  const superadmin = await site.newAdmin('superadmin');
  const { context } = await newContext(site.browser, site.url);
  const page = await context.newPage();
  await site.logIn(page, superadmin);

  const lists = [
    { path: '/admin/bookings', title: 'Bookings', row: 'Demo client', detail: /^\/admin\/bookings\/[\w-]+$/ },
    { path: '/admin/events', title: 'Events', row: 'Demo evening talk', detail: /^\/admin\/events\/[\w-]+$/ },
    {
      path: '/admin/registrations',
      title: 'Registrations',
      row: 'Demo evening talk',
      detail: /^\/admin\/events\//,
    },
    { path: '/admin/contact', title: 'Messages', row: 'Demo sender 1', detail: /^\/admin\/contact\/[\w-]+$/ },
  ];
  for (const list of lists) {
    await page.goto(list.path);
    await page.getByRole('heading', { name: list.title, level: 1 }).waitFor({ timeout: WAIT_MS });
    await tableSettled(page);
    const row = page.locator('tbody tr', { hasText: list.row }).first();
    await row.waitFor({ timeout: WAIT_MS });
    await saveScreenshot(page, `acube-admin${list.path.replaceAll('/', '-').replace('-admin', '')}`);
    await row.getByRole('link').first().click();
    await page.waitForURL((u) => list.detail.test(u.pathname), { timeout: WAIT_MS });
  }

  // A volunteer application in full, and its status changed there.
  await page.goto(`/admin/volunteers?q=${RUN}-001`);
  await tableSettled(page);
  await page.getByRole('link', { name: `VOL-${RUN}-001` }).click();
  await page
    .getByRole('heading', { name: `Volunteer application VOL-${RUN}-001`, level: 1 })
    .waitFor({ timeout: WAIT_MS });
  await page.getByText('Weekday evenings (demo)').waitFor({ timeout: WAIT_MS });
  await page.getByLabel('Status', { exact: true }).selectOption('accepted');
  await page.getByRole('button', { name: 'Save the status' }).click();
  await page.getByText('The status is saved.').waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-volunteer');
  await page.goBack();
  await tableSettled(page);
  assert.equal(
    await page.getByRole('combobox', { name: `Status of VOL-${RUN}-001` }).inputValue(),
    'accepted',
  );

  // All matching, when one more record matches by the time it runs: the count is asked again.
  await page.goto(`/admin/volunteers?q=${RUN}&status=accepted&page_size=10`);
  await tableSettled(page);
  const accepted = ACCEPTED + 1;
  await range(page).getByText(`1–10 of ${accepted}`).waitFor({ timeout: WAIT_MS });
  await page.getByRole('checkbox', { name: 'Select every row on this page' }).check();
  await page.getByRole('button', { name: `Select all ${accepted} matching the filter` }).click();
  await page.getByLabel('New status').selectOption('rejected');
  await page.getByRole('button', { name: `Set status of ${accepted} records` }).click();
  const confirm = page.getByRole('dialog', { name: 'Please confirm' });
  await confirm.getByRole('button', { name: `Yes, change ${accepted}` }).waitFor({ timeout: WAIT_MS });
  await site.t.app.db.insert(volunteerApplications).values({
    reference: `VOL-${RUN}-LATE`,
    name: 'Demo volunteer, late',
    email: `late@${RUN.toLowerCase()}.example`,
    status: 'accepted',
    dedupeKey: `late-${RUN}`,
  });
  await confirm.getByRole('button', { name: `Yes, change ${accepted}` }).click();
  await confirm
    .getByText(`The filter now matches ${accepted + 1} records, not ${accepted}`, { exact: false })
    .waitFor({ timeout: WAIT_MS });
  await confirm.getByRole('button', { name: `Yes, change ${accepted + 1}` }).click();
  await page.getByText(`${accepted + 1} records updated.`).waitFor({ timeout: WAIT_MS });
  await range(page).getByText('0 of 0').waitFor({ timeout: WAIT_MS });

  // Two messages chosen by hand: their status changes at once; a superadmin may delete one.
  await page.goto('/admin/contact?q=sender');
  await tableSettled(page);
  await range(page).getByText('1–2 of 2').waitFor({ timeout: WAIT_MS });
  await page.getByRole('checkbox', { name: 'Select every row on this page' }).check();
  await page.getByLabel('New status').selectOption('archived');
  await page.getByRole('button', { name: 'Set status of 2 records' }).click();
  const dialog = page.getByRole('dialog', { name: 'Please confirm' });
  await dialog.getByRole('button', { name: 'Yes, change 2' }).click();
  await page.getByText('2 records updated.').waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-contact-updated');
  await tableSettled(page);
  assert.equal(
    await page
      .getByRole('combobox', { name: /^Status of / })
      .first()
      .inputValue(),
    'archived',
  );

  const first = page.locator('tbody tr').first();
  await first.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete 1 record' }).click();
  await dialog.getByText(/^Delete 1 message\?/).waitFor({ timeout: WAIT_MS });
  await dialog.getByRole('button', { name: 'Yes, delete 1' }).click();
  await page.getByText('1 record deleted.').waitFor({ timeout: WAIT_MS });
  await range(page).getByText('1–1 of 1').waitFor({ timeout: WAIT_MS });
  await context.close();
});
