// Who may call each A-Cube route: every route is listed here, and the guard must agree.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AccessTokens, PasswordHasher } from '@campus/platform/auth';
import { assertAccess, createTestApp, type TestApp, type TestCaller } from '@campus/platform/testing';
import { admins } from '../src/db/schema/index.ts';
import { acubeSpec } from '../src/spec.ts';

let t: TestApp;
let callers: Record<string, TestCaller>;
let dir = '';
before(async () => {
  // A data dir of its own: the superadmin's call to POST /api/admin/backups writes a backup there.
  dir = await mkdtemp(join(tmpdir(), 'acube-access-'));
  t = await createTestApp(acubeSpec, { env: { DEMO_DATA: 'false', DATA_DIR: dir } });
  const passwordHash = await new PasswordHasher().hash('not used here at all');
  const [boss, staff] = await t.app.db
    .insert(admins)
    .values([
      { email: 'boss@acube.test', name: 'Boss', role: 'superadmin', passwordHash },
      { email: 'staff@acube.test', name: 'Staff', role: 'staff', passwordHash },
    ])
    .returning();
  const tokens = new AccessTokens({
    appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'acube',
    clock: t.clock,
  });
  const as = (id: string, role: string): TestCaller => ({
    roles: [role],
    headers: async () => ({
      authorization: `Bearer ${await tokens.sign({ sub: id, roles: [role], sid: crypto.randomUUID() })}`,
    }),
  });
  callers = { superadmin: as(boss?.id ?? '', 'superadmin'), staff: as(staff?.id ?? '', 'staff') };
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

test('every A-Cube route declares the access this table gives it', async () => {
  await assertAccess({
    app: t.app,
    clock: t.clock,
    expected: {
      'POST /api/admin/auth/login': 'public',
      'POST /api/admin/auth/refresh': 'public',
      'POST /api/admin/auth/logout': 'authenticated',
      'POST /api/admin/auth/login/code': 'public',
      'POST /api/admin/auth/login/enrol': 'public',
      'POST /api/admin/auth/login/enrol/confirm': 'public',
      'GET /api/admin/two-factor': ['staff', 'superadmin'],
      'POST /api/admin/two-factor/enrol': ['staff', 'superadmin'],
      'POST /api/admin/two-factor/confirm': ['staff', 'superadmin'],
      'POST /api/admin/two-factor/disable': ['staff', 'superadmin'],
      'PUT /api/admin/two-factor/requirement': ['superadmin'],
      'POST /api/sessions/book': 'public',
      'GET /api/sessions/manage': 'public',
      'POST /api/sessions/manage/cancel': 'public',
      'GET /api/sessions': ['staff', 'superadmin'],
      'GET /api/sessions/:id': ['staff', 'superadmin'],
      'PATCH /api/sessions/:id/status': ['staff', 'superadmin'],
      'PUT /api/sessions/:id/appointment': ['staff', 'superadmin'],
      'DELETE /api/sessions/:id/appointment': ['staff', 'superadmin'],
      'POST /api/events/:id/register': 'public',
      'POST /api/events/registrations/cancel': 'public',
      'POST /api/volunteers': 'public',
      'GET /api/volunteers': ['staff', 'superadmin'],
      'GET /api/volunteers/:id': ['staff', 'superadmin'],
      'PATCH /api/volunteers/:id/status': ['staff', 'superadmin'],
      'POST /api/contact': 'public',
      'GET /api/bot-check/challenge': 'public',
      'GET /api/contact': ['staff', 'superadmin'],
      'GET /api/contact/:id': ['staff', 'superadmin'],
      'PATCH /api/contact/:id/status': ['staff', 'superadmin'],
      'POST /api/contact/:id/reply': ['staff', 'superadmin'],
      'GET /api/admin/dashboard': ['staff', 'superadmin'],
      'GET /api/admin/jobs': ['superadmin'],
      'GET /api/admin/jobs/:queue/failed': ['superadmin'],
      'POST /api/admin/jobs/:queue/:id/retry': ['superadmin'],
      'POST /api/admin/jobs/:queue/:id/cancel': ['superadmin'],
      'GET /api/admin/backups': ['superadmin'],
      'POST /api/admin/backups': ['superadmin'],
      'POST /api/admin/bulk/export/audit-logs': ['staff', 'superadmin'],
      'GET /api/admin/bulk/export/files/:id': ['staff', 'superadmin'],
      'GET /api/admin/bulk/export/audit-logs/:job_id': ['staff', 'superadmin'],
      'GET /api/admin/bulk/export/:entity': ['staff', 'superadmin'],
      'GET /api/admin/audit-logs': ['staff', 'superadmin'],
      'GET /api/admin/audit-logs/export.csv': ['staff', 'superadmin'],
      'POST /api/admin/bulk/count': ['staff', 'superadmin'],
      'POST /api/admin/bulk/delete': ['superadmin'],
      'POST /api/admin/bulk/status-update': ['staff', 'superadmin'],
      'GET /api/admin/bulk/operations/:id': ['staff', 'superadmin'],
      'POST /api/admin/privacy/count': ['superadmin'],
      'POST /api/admin/privacy/export': ['superadmin'],
      'POST /api/admin/privacy/erase': ['superadmin'],
      'GET /api/admin/admins': ['superadmin'],
      'POST /api/admin/admins': ['superadmin'],
      'PATCH /api/admin/admins/:id': ['superadmin'],
      'POST /api/admin/auth/set-password': 'public',
      'POST /api/admin/auth/password-reset': 'public',
      'POST /api/events': ['staff', 'superadmin'],
      'GET /api/admin/events': ['staff', 'superadmin'],
      'GET /api/admin/events/:id': ['staff', 'superadmin'],
      'GET /api/admin/events/image-rules': ['staff', 'superadmin'],
      'GET /api/admin/registrations': ['staff', 'superadmin'],
      'PATCH /api/admin/events/:id': ['staff', 'superadmin'],
      'POST /api/admin/events/:id/publish': ['staff', 'superadmin'],
      'POST /api/admin/events/:id/cancel': ['staff', 'superadmin'],
      'GET /api/admin/events/:id/registrations': ['staff', 'superadmin'],
      'POST /api/admin/uploads': ['staff', 'superadmin'],
      'GET /api/admin/uploads/:id': ['staff', 'superadmin'],
      'GET /api/events': 'public',
      'GET /api/events/:id': 'public',
      'GET /api/site': 'public',
      'GET /api/events/:id/image': 'public',
      'GET /api/events/registrations/manage': 'public',
      'PUT /api/admin/events/:id/image': ['staff', 'superadmin'],
    },
    callers,
  });
});
