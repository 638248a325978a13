// The panel's own pages at work on the real API: a superadmin adds an admin (who is mailed a link
// to choose a password), changes their role and disables them after a second yes, and cannot
// touch their own account; the audit log's filter and keyset pages live in the URL (a reload
// keeps them, Back returns to the newer page, then to the unfiltered log).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { LAPTOP, newContext } from '@campus/web/testing/browser.ts';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { type Site, saveScreenshot, settled, startSite, WAIT_MS } from './harness.ts';

let site: Site;

before(async () => {
  site = await startSite();
});
after(() => site?.close());

const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

test('a superadmin adds an admin, changes their role and disables them; never their own account', async () => {
  const superadmin = await site.newAdmin('superadmin');
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await site.logIn(page, superadmin, '/admin/admins');
  await page.getByRole('heading', { name: 'Admins', level: 1 }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  const own = rowOf(page, superadmin.email);
  await own.getByText('This is you').waitFor({ timeout: WAIT_MS });
  assert.equal(await own.getByRole('button').count(), 0, 'no button on one’s own account');

  // A missing name and a malformed address are caught before anything is sent.
  await page.getByRole('button', { name: 'Add the admin' }).click();
  await page.getByRole('alert').getByText('Enter their name').waitFor({ timeout: WAIT_MS });
  const email = `new-${crypto.randomUUID().slice(0, 6)}@acube.test`;
  await page.getByLabel('Name').fill('Nur Demir');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Add the admin' }).click();
  await page.getByText(`Nur Demir is added; a link to choose a password is mailed to ${email}.`).waitFor({
    timeout: WAIT_MS,
  });
  const row = rowOf(page, email);
  await row.getByText('password not chosen yet').waitFor({ timeout: WAIT_MS });
  await site.linkInMail(email, '/admin/set-password');

  // The same address again: refused beside the field.
  await page.getByLabel('Name').fill('Nur Demir');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Add the admin' }).click();
  await page.getByRole('alert').getByText('An admin with this email address already exists').waitFor({
    timeout: WAIT_MS,
  });

  await row.getByRole('button', { name: 'Make superadmin (Nur Demir)' }).click();
  await page.getByText('Nur Demir is now superadmin.').waitFor({ timeout: WAIT_MS });
  await row.getByRole('button', { name: 'Make staff (Nur Demir)' }).waitFor({ timeout: WAIT_MS });

  await row.getByRole('button', { name: 'Disable (Nur Demir)' }).click();
  await row.getByText('Disable Nur Demir? Their logins end at once.').waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-admins', { fullPage: true });
  await row.getByRole('button', { name: 'Yes, disable' }).click();
  await page.getByText('Nur Demir is disabled; their logins have ended.').waitFor({ timeout: WAIT_MS });
  await row.getByText('disabled', { exact: true }).waitFor({ timeout: WAIT_MS });

  const listed = await site.t.app.inject({
    url: '/api/admin/admins',
    headers: { authorization: superadmin.authorization },
  });
  const made = listed.json().items.find((a: { email: string }) => a.email === email);
  assert.deepEqual({ role: made.role, disabled: made.disabled }, { role: 'superadmin', disabled: true });
  await context.close();
});

test('the audit log: a filter and its pages survive a reload, and Back returns through them', async () => {
  const start = Date.now() - 3_600_000;
  await site.t.app.db.insert(auditLog).values(
    Array.from({ length: 60 }, (_, i) => ({
      at: new Date(start + i * 1000),
      actorId: null,
      action: 'test.seeded',
      entity: 'booking',
      entityId: `seed-${i}`,
      changes: { n: i },
    })),
  );
  const staff = await site.newAdmin('staff');
  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await site.logIn(page, staff, '/admin/audit');
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor({ timeout: WAIT_MS });
  await settled(page);
  const rows = () => page.getByRole('table').locator('tbody tr');

  await page.getByLabel('Action').fill('test.seeded');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await page.waitForURL(/\?action=test\.seeded$/, { timeout: WAIT_MS });
  await page.getByRole('table', { name: 'Audit entries, newest first' }).waitFor({ timeout: WAIT_MS });
  await rows().first().getByText('seed-59').waitFor({ timeout: WAIT_MS });
  assert.equal(await rows().count(), 50);
  await saveScreenshot(page, 'acube-admin-audit');

  await page.getByRole('link', { name: 'Older entries' }).click();
  await page.waitForURL(/[?&]before=\d+/, { timeout: WAIT_MS });
  await rows().first().getByText('seed-9').waitFor({ timeout: WAIT_MS });
  assert.equal(await rows().count(), 10);
  assert.equal(await page.getByRole('link', { name: 'Older entries' }).count(), 0, 'the oldest page');

  await page.reload();
  await rows().first().getByText('seed-9').waitFor({ timeout: WAIT_MS });
  assert.equal(await rows().count(), 10);
  assert.equal(await page.getByLabel('Action').inputValue(), 'test.seeded');

  await page.goBack();
  await rows().first().getByText('seed-59').waitFor({ timeout: WAIT_MS });
  assert.equal(await rows().count(), 50);
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/admin/audit' && u.search === '', { timeout: WAIT_MS });
  await page.getByRole('table', { name: 'Audit entries, newest first' }).waitFor({ timeout: WAIT_MS });
  assert.equal(await page.getByLabel('Action').inputValue(), '');
  await context.close();
});

test('the jobs page shows a failed job with its error and runs it again', async () => {
  const superadmin = await site.newAdmin('superadmin');
  // A job of the audit export's queue that ran out of retries (written as pg-boss keeps one).
  const failed = (await site.t.app.db.execute(sql`
    insert into pgboss.job (name, data, state, output)
    values ('audit-export', ${JSON.stringify({ adminId: superadmin.id, filter: {} })}::jsonb, 'failed',
            '{"message":"the file store was full"}'::jsonb)
    returning id`)) as unknown as { rows?: { id: string }[] } & { id: string }[];
  const id = (failed.rows ?? failed)[0]?.id ?? '';
  assert.match(id, /^[0-9a-f-]{36}$/);
  const short = id.slice(0, 8);

  const { context } = await newContext(site.browser, site.url, { viewport: LAPTOP });
  const page = await context.newPage();
  await site.logIn(page, superadmin, '/admin/jobs');
  await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor({ timeout: WAIT_MS });
  const queue = page
    .getByRole('table', { name: 'Queues' })
    .getByRole('row')
    .filter({ hasText: 'audit-export' });
  await queue.waitFor({ timeout: WAIT_MS });
  const job = page.getByRole('table', { name: 'Failed jobs of audit-export' }).getByRole('row').filter({
    hasText: short,
  });
  await job.getByText('the file store was full').waitFor({ timeout: WAIT_MS });
  await saveScreenshot(page, 'acube-admin-jobs');
  await job.getByRole('button', { name: `Run again (${short})` }).click();
  await page.getByText(`Job ${short} will run again.`).waitFor({ timeout: WAIT_MS });

  const audit = await site.t.app.inject({
    url: '/api/admin/audit-logs?action=job.retried',
    headers: { authorization: superadmin.authorization },
  });
  assert.deepEqual(
    audit.json().items.map((e: { entity_id: string }) => e.entity_id),
    [id],
  );
  await context.close();
});
