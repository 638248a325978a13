// Mailed download links through the real server: the audit export's and the bulk report's mails
// link the panel's download page (PUBLIC_URL/admin/downloads/<fileId>), whose file the API gives
// to the admin who asked for it and to superadmins, and to nobody else; the audit export's job
// state leads the exports page to the same file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { bookings } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let owner = '';
let other = '';
let boss = '';

before(async () => {
  t = await startAcube();
  owner = (await t.admin('staff', 'owner@acube.test')).authorization;
  other = (await t.admin('staff', 'other@acube.test')).authorization;
  boss = (await t.admin('superadmin', 'boss@acube.test')).authorization;
});
after(() => t.close());

const get = (url: string, authorization?: string) =>
  t.app.inject({ url, ...(authorization ? { headers: { authorization } } : {}) });
const panelLink = (text: string | undefined) =>
  /https:\/\/acube\.example\/admin\/downloads\/([0-9a-f-]{36})(\s|$)/.exec(text ?? '')?.[1];

async function assertOnlyOwnerAndSuperadmin(fileId: string) {
  const url = `/api/admin/bulk/export/files/${fileId}`;
  assert.equal((await get(url)).statusCode, 401, 'no token');
  const refused = await get(url, other);
  assert.equal(refused.statusCode, 403, 'another staff member');
  assert.equal(refused.json().error.code, 'FORBIDDEN');
  const mine = await get(url, owner);
  assert.equal(mine.statusCode, 200, mine.body);
  assert.match(String(mine.headers['content-type']), /^text\/csv/);
  assert.equal((await get(url, boss)).statusCode, 200, 'a superadmin');
  return mine.body;
}

test('the audit export mail links the panel; its file and its job state go to the asker and superadmins only', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/bulk/export/audit-logs',
    payload: { entity: 'admin' },
    headers: { authorization: owner },
  });
  assert.equal(res.statusCode, 202, res.body);
  const jobId = res.json().job_id as string;

  const mail = await t.mail(
    (m) => sentTo(m) === 'owner@acube.test' && /export is ready/.test(m.subject ?? ''),
    'the export mail',
  );
  const fileId = panelLink(mail.text);
  assert.ok(fileId, mail.text);
  assert.ok(String(mail.html).includes(`href="https://acube.example/admin/downloads/${fileId}"`));
  assert.ok(!`${mail.text}${mail.html}`.includes('/api/'), 'no API address in the mail');
  await assertOnlyOwnerAndSuperadmin(fileId);

  // The job state: completed with the same file (the handler's output), once the job has finished.
  let state = (await get(`/api/admin/bulk/export/audit-logs/${jobId}`, owner)).json();
  for (let i = 0; i < 100 && state.state !== 'completed'; i++) {
    await sleep(100);
    state = (await get(`/api/admin/bulk/export/audit-logs/${jobId}`, owner)).json();
  }
  assert.deepEqual(state, {
    job_id: jobId,
    state: 'completed',
    file_id: fileId,
    file_url: `/api/admin/bulk/export/files/${fileId}`,
  });
  assert.equal((await get(`/api/admin/bulk/export/audit-logs/${jobId}`, other)).statusCode, 403);
  assert.equal((await get(`/api/admin/bulk/export/audit-logs/${jobId}`, boss)).statusCode, 200);
  assert.equal((await get(`/api/admin/bulk/export/audit-logs/${jobId}`)).statusCode, 401);
  assert.equal(
    (await get(`/api/admin/bulk/export/audit-logs/${crypto.randomUUID()}`, owner)).statusCode,
    404,
  );
  assert.equal((await get('/api/admin/bulk/export/audit-logs/not-a-uuid', owner)).statusCode, 400);
});

test('the bulk report mail links the panel; the report goes to the admin who ran it and superadmins only', async () => {
  const rows = await t.app.db
    .insert(bookings)
    .values(
      Array.from({ length: 101 }, (_, i) => ({
        reference: `B-DL${i}`,
        name: `P${i}`,
        email: `dl${i}@example.org`,
        sessionType: 'individual' as const,
        preferredDate: '2030-05-01',
        manageTokenHash: `dl-${i}`,
        dedupeKey: `dl-${i}`,
      })),
    )
    .returning({ id: bookings.id });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/bulk/status-update',
    payload: { entity: 'sessions', ids: rows.map((r) => r.id), status: 'completed' },
    headers: { authorization: owner },
  });
  assert.equal(res.statusCode, 202, res.body);
  const mail = await t.mail(
    (m) => sentTo(m) === 'owner@acube.test' && /^Bulk/.test(m.subject ?? ''),
    'the report mail',
  );
  const fileId = panelLink(mail.text);
  assert.ok(fileId, mail.text);
  const body = await assertOnlyOwnerAndSuperadmin(fileId);
  assert.equal(body.trim().split('\n').length, 102, 'a header and a line per booking');
});
