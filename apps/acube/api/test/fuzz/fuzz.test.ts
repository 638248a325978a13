// A-Cube under fuzz (issue 17): every operation of /openapi.json, valid and mutated requests,
// anonymously and as staff and superadmin, with the rate limits raised by configuration. Valid
// requests use real records made here first (a booking and its manage link, a published event
// and a registration, a volunteer application, a message, an upload, an export, a bulk
// operation, a waiting job; two-factor set up through the API with codes from its secret).
// Fails on a 5xx, a 4xx outside the error shape, a hang, or an operation that never succeeds
// for a caller allowed to use it. FUZZ_SEED replays a run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokens } from '@campus/platform/auth';
import {
  type FuzzCaller,
  type FuzzRequest,
  formatReport,
  fuzzSettings,
  nulWalk,
  type Operation,
  runFuzz,
  testDbKind,
  twoFactorTesting,
} from '@campus/platform/testing';
import { sql } from 'drizzle-orm';
import { acubeSpec } from '../../src/spec.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

const settings = fuzzSettings();
const UNLIMITED = '100000/minute';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const BOUNDARY = '----acubefuzz';
const upload = () =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);

let twoFactor: ReturnType<typeof twoFactorTesting>;
let t: AcubeTest;
let callers: Record<string, FuzzCaller>;
const ids: Record<string, string> = {};
/** Each caller's admin id, and the admin whose logins the two-factor login routes finish. */
const subjects: Record<string, string> = {};
const PASSWORD = 'a test admin passphrase';
const TWO_FACTOR_EMAIL = 'fuzz-2fa@acube.test';

async function call(method: string, url: string, authorization?: string, payload?: unknown) {
  const res = await t.app.inject({
    method: method as 'POST',
    url,
    headers: { 'sec-fetch-site': 'same-origin', ...(authorization ? { authorization } : {}) },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const tokenIn = (text: string | undefined, path: string) =>
  new RegExp(`https://acube\\.example/${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text ?? '')?.[1];

before(async () => {
  t = await startAcube(
    Object.fromEntries(
      Object.keys(acubeSpec.policies ?? {}).map((name) => [`RATE_LIMIT_${name.toUpperCase()}`, UNLIMITED]),
    ),
  );
  twoFactor = twoFactorTesting(t.app.db, t.clock);
  const tokens = new AccessTokens({
    appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'acube',
    clock: t.clock,
  });
  const staff = await t.admin('staff', 'fuzz-staff@acube.test');
  const boss = await t.admin('superadmin', 'fuzz-boss@acube.test');
  const as = (id: string, role: string): FuzzCaller => ({
    roles: [role],
    headers: async () => ({
      authorization: `Bearer ${await tokens.sign({ sub: id, roles: [role], sid: crypto.randomUUID() })}`,
    }),
  });
  callers = { staff: as(staff.id, 'staff'), superadmin: as(boss.id, 'superadmin') };
  subjects.staff = staff.id;
  subjects.superadmin = boss.id;
  const twoFactorAdmin = await t.admin('staff', TWO_FACTOR_EMAIL);
  subjects.twoFactor = twoFactorAdmin.id;
  ids.twoFactorAuth = twoFactorAdmin.authorization;
  const staffAuth = staff.authorization;
  const bossAuth = boss.authorization;
  ids.otherAdmin = (await t.admin('staff', 'fuzz-other@acube.test')).id;
  ids.privacyNotice = (await call('GET', '/api/site')).privacy_notice_version;

  const day = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000);
  const booking = async (email: string) =>
    call('POST', '/api/sessions/book', undefined, {
      name: `Fuzz ${email.split('@')[0]}`,
      email,
      phone: '',
      session_type: 'individual',
      preferred_date: day(3).toISOString().slice(0, 10),
      message: 'hello',
    });
  await booking('booker@example.org');
  await booking('cancel-booker@example.org');
  await booking('appointment@example.org');
  await booking('bulk@example.org');
  await call('POST', '/api/volunteers', undefined, {
    name: 'Vol',
    email: 'vol@example.org',
    phone: '',
    availability: 'weekends',
    message: 'hi',
  });
  await call('POST', '/api/contact', undefined, {
    name: 'Con',
    email: 'con@example.org',
    subject: 'Hi',
    message: 'a question',
  });
  const event = await call('POST', '/api/events', staffAuth, {
    title: 'Fuzz event',
    description: '',
    location: 'Hall',
    starts_at: day(10).toISOString(),
    capacity: 1000,
  });
  ids.event = event.id;
  await call('POST', `/api/admin/events/${event.id}/publish`, staffAuth);
  const spare = await call('POST', '/api/events', staffAuth, {
    title: 'Spare event',
    description: '',
    location: 'Hall',
    starts_at: day(12).toISOString(),
    capacity: 10,
  });
  ids.spareEvent = spare.id;
  await call('POST', `/api/events/${event.id}/register`, undefined, {
    name: 'Reg',
    email: 'reg@example.org',
  });
  await call('POST', `/api/events/${event.id}/register`, undefined, {
    name: 'Reg2',
    email: 'reg2@example.org',
  });

  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/admin/uploads',
    payload: upload(),
    headers: { authorization: staffAuth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  ids.upload = uploaded.json().id;
  await call('PUT', `/api/admin/events/${event.id}/image`, staffAuth, { file_id: ids.upload });

  const sessions = (await call('GET', '/api/sessions', staffAuth)).items as { id: string; name: string }[];
  const bookingOf = (who: string) => sessions.find((b) => b.name === `Fuzz ${who}`)?.id ?? '';
  ids.booking = bookingOf('booker');
  ids.bulkBooking = bookingOf('bulk');
  ids.appointmentBooking = bookingOf('appointment');
  assert.ok(ids.booking && ids.bulkBooking && ids.appointmentBooking, JSON.stringify(sessions));
  ids.volunteer = ((await call('GET', '/api/volunteers', staffAuth)).items[0] as { id: string }).id;
  ids.contact = ((await call('GET', '/api/contact', staffAuth)).items[0] as { id: string }).id;

  const exportJob = await call('POST', '/api/admin/bulk/export/audit-logs', staffAuth, {});
  ids.exportJob = exportJob.job_id;
  // More ids than one request handles: a background operation, with an id to read it by.
  const bulk = await call('POST', '/api/admin/bulk/status-update', staffAuth, {
    entity: 'sessions',
    ids: Array.from({ length: 101 }, () => crypto.randomUUID()),
    status: 'confirmed',
  });
  ids.bulkOperation = bulk.operation_id;
  assert.ok(ids.bulkOperation, JSON.stringify(bulk));
  for (let i = 0; i < 300 && !ids.exportFile; i++) {
    const state = await call('GET', `/api/admin/bulk/export/audit-logs/${ids.exportJob}`, staffAuth);
    if (state.file_url) ids.exportFile = String(state.file_url).split('/').pop() ?? '';
    else await sleep(100);
  }
  assert.ok(ids.exportFile, 'the export finished');

  // Mails are sent by a job: wait for each (reading the outbox once raced the booker's mail).
  const manage = await t.mail(
    (m) =>
      sentTo(m).includes('booker@example.org') &&
      !sentTo(m).includes('cancel') &&
      !!tokenIn(m.text, 'booking'),
    'the booking mail',
  );
  ids.bookingToken = decodeURIComponent(tokenIn(manage.text, 'booking') ?? '');
  const cancelMail = await t.mail((m) => sentTo(m).includes('cancel-booker@example.org'), 'the booking mail');
  ids.cancelBookingToken = decodeURIComponent(tokenIn(cancelMail.text, 'booking') ?? '');
  const reg = await t.mail((m) => sentTo(m).includes('reg@example.org'), 'the registration mail');
  ids.registrationToken = decodeURIComponent(tokenIn(reg.text, 'registration') ?? '');
  const reg2 = await t.mail((m) => sentTo(m).includes('reg2@example.org'), 'the second registration mail');
  ids.cancelRegistrationToken = decodeURIComponent(tokenIn(reg2.text, 'registration') ?? '');
  void bossAuth;
});
after(() => t?.close());

let invites = 0;
/** A fresh set-password token: a new admin's invitation mail. */
async function inviteToken(): Promise<string> {
  const email = `invite-${++invites}-${crypto.randomUUID().slice(0, 6)}@acube.test`;
  const boss = await callers.superadmin?.headers();
  await call('POST', '/api/admin/admins', boss?.authorization, { email, name: 'Invited', role: 'staff' });
  const mail = await t.mail((m) => sentTo(m).includes(email), 'the invitation');
  return decodeURIComponent(tokenIn(mail.text, 'admin/set-password') ?? '');
}

/** A fresh refresh cookie: a real login. */
async function refreshCookie(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/login',
    headers: { 'sec-fetch-site': 'same-origin' },
    payload: { email: 'fuzz-boss@acube.test', password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'acube_refresh');
  return cookie ? `acube_refresh=${cookie.value}` : '';
}

/** A new event of its own (published or a draft), for the operations that end one. */
async function freshEvent(publish: boolean): Promise<string> {
  const { authorization } = (await callers.staff?.headers()) ?? {};
  const event = await call('POST', '/api/events', authorization, {
    title: 'Short-lived',
    description: '',
    location: '',
    starts_at: new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString(),
    capacity: 5,
  });
  if (publish) await call('POST', `/api/admin/events/${event.id}/publish`, authorization);
  return event.id;
}

/** Two-factor freshly on for an admin, through the API; its secret. */
async function twoFactorOn(subject: string, authorization: string): Promise<string> {
  await twoFactor.off(subject);
  const { secret } = await call('POST', '/api/admin/two-factor/enrol', authorization);
  await call('POST', '/api/admin/two-factor/confirm', authorization, { code: twoFactor.nextCode(secret) });
  return secret;
}
/** The password step of the two-factor admin's login: its pending token. */
async function pendingLogin(): Promise<string> {
  const answer = await call('POST', '/api/admin/auth/login', undefined, {
    email: TWO_FACTOR_EMAIL,
    password: PASSWORD,
  });
  return answer.pending_token;
}

async function prepare(op: Operation, req: FuzzRequest, caller: string, purpose: 'valid' | 'mutate') {
  const p = req.params;
  const body = (req.json ?? {}) as Record<string, unknown>;
  const param = (name: string, value: string | undefined) => {
    if (name in p && value) p[name] = value;
  };
  if (op.key === 'PUT /api/sessions/:id/appointment') param('id', ids.appointmentBooking);
  else if (op.key === 'DELETE /api/sessions/:id/appointment') {
    if (purpose === 'mutate') param('id', ids.appointmentBooking);
  } else if (op.path.startsWith('/api/sessions/{id}')) param('id', ids.booking);
  if (op.path.startsWith('/api/volunteers/{id}')) param('id', ids.volunteer);
  if (op.path.startsWith('/api/contact/{id}')) param('id', ids.contact);
  if (op.path === '/api/admin/events/{id}/cancel' || op.path === '/api/admin/events/{id}/publish')
    param('id', ids.spareEvent);
  else if (op.path.startsWith('/api/events/{id}') || op.path.startsWith('/api/admin/events/{id}'))
    param('id', ids.event);
  const enrolAtLogin = op.key.startsWith('POST /api/admin/auth/login/enrol');
  // Required two-factor is only for the login routes that enrol: off again for everything else.
  if (!enrolAtLogin) await twoFactor.require(false);
  // The fuzz run's valid requests only (the NUL walk and anonymous callers send them as made).
  const own = (await callers[caller]?.headers())?.authorization;
  const subject = subjects[caller];
  if (purpose === 'valid' && op.key.includes('two-factor/') && own && subject) {
    if (op.key === 'POST /api/admin/two-factor/confirm') {
      await twoFactor.off(subject);
      const { secret } = await call('POST', '/api/admin/two-factor/enrol', own);
      req.json = { code: twoFactor.nextCode(secret) };
      return req;
    }
    if (op.key === 'POST /api/admin/two-factor/disable') {
      await twoFactorOn(subject, own);
      req.json = { password: PASSWORD };
      return req;
    }
  }
  if (purpose === 'valid' && (caller === 'anonymous' || caller in callers)) {
    switch (op.key) {
      case 'POST /api/admin/auth/login/code': {
        const secret = await twoFactorOn(subjects.twoFactor ?? '', ids.twoFactorAuth ?? '');
        const pending = await pendingLogin();
        req.json = { pending_token: pending, code: twoFactor.nextCode(secret) };
        return req;
      }
      case 'POST /api/admin/auth/login/enrol':
      case 'POST /api/admin/auth/login/enrol/confirm': {
        await twoFactor.require(true);
        await twoFactor.off(subjects.twoFactor ?? '');
        const pending = await pendingLogin();
        if (op.key.endsWith('/enrol')) req.json = { pending_token: pending };
        else {
          const { secret } = await call('POST', '/api/admin/auth/login/enrol', undefined, {
            pending_token: pending,
          });
          req.json = { pending_token: pending, code: twoFactor.nextCode(secret) };
        }
        return req;
      }
    }
  }
  switch (op.key) {
    case 'PUT /api/admin/two-factor/requirement':
      // Requiring two-factor would end every session of this run: valid requests keep it off.
      if ('required' in body) body.required = false;
      break;
    case 'PATCH /api/admin/admins/:id':
      param('id', ids.otherAdmin);
      break;
    case 'POST /api/admin/auth/login':
      req.json = { email: 'fuzz-boss@acube.test', password: PASSWORD };
      break;
    case 'POST /api/admin/auth/refresh':
      req.headers.cookie = purpose === 'valid' ? await refreshCookie() : 'acube_refresh=spent';
      break;
    case 'POST /api/admin/auth/set-password':
      body.token = purpose === 'valid' ? await inviteToken() : 'x'.repeat(43);
      break;
    case 'GET /api/sessions/manage':
      req.query.token = ids.bookingToken ?? '';
      break;
    case 'POST /api/sessions/manage/cancel':
      body.token = ids.cancelBookingToken;
      break;
    case 'GET /api/events/registrations/manage':
      req.query.token = ids.registrationToken ?? '';
      break;
    case 'POST /api/events/registrations/cancel':
      body.token = ids.cancelRegistrationToken;
      break;
    case 'POST /api/admin/events/:id/publish':
      if (purpose === 'valid') p.id = await freshEvent(false);
      break;
    case 'POST /api/admin/events/:id/cancel':
      if (purpose === 'valid') p.id = await freshEvent(true);
      break;
    case 'DELETE /api/sessions/:id/appointment':
      if (purpose === 'valid') {
        // Taking the appointment back cancels the booking: a booking of its own each time.
        const { authorization } = (await callers.staff?.headers()) ?? {};
        const name = `Fuzz fresh ${crypto.randomUUID().slice(0, 8)}`;
        await call('POST', '/api/sessions/book', undefined, {
          name,
          email: 'fresh@example.org',
          phone: '',
          session_type: 'individual',
          preferred_date: new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10),
          message: 'hello',
        });
        const found = await call('GET', `/api/sessions?q=${encodeURIComponent(name)}`, authorization);
        p.id = (found.items as { id: string }[])[0]?.id ?? '';
        await call('PUT', `/api/sessions/${p.id}/appointment`, authorization, {
          starts_at: new Date(t.clock.now().getTime() + 4 * 86_400_000).toISOString(),
          duration_minutes: 50,
          mode: 'in_person',
          with: 'Dr Fuzz',
        });
      }
      break;
    case 'PUT /api/admin/events/:id/image':
      body.file_id = ids.upload;
      break;
    case 'POST /api/admin/uploads':
      req.raw = upload();
      req.headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
      break;
    case 'POST /api/events':
    case 'PATCH /api/admin/events/:id':
      if ('ends_at' in body) body.ends_at = null;
      break;
    case 'POST /api/sessions/book':
      // Consent comes with the site's current notice version; no consent, no version.
      if ('health_consent' in body) body.privacy_notice_version = ids.privacyNotice;
      else delete body.privacy_notice_version;
      break;
    case 'POST /api/admin/privacy/erase':
      if (purpose === 'valid') {
        const { authorization } = (await callers.superadmin?.headers()) ?? {};
        const counted = await call('POST', '/api/admin/privacy/count', authorization, { email: body.email });
        body.expected = counted.counts;
      }
      break;
    case 'POST /api/admin/bulk/count':
      body.filter = {};
      break;
    case 'POST /api/admin/bulk/delete':
    case 'POST /api/admin/bulk/status-update':
      body.entity = 'sessions';
      body.ids = [ids.bulkBooking];
      if ('status' in body || op.key.endsWith('status-update')) body.status = 'confirmed';
      delete body.filter;
      delete body.expected_count;
      break;
    case 'GET /api/admin/bulk/export/audit-logs/:job_id':
      param('job_id', ids.exportJob);
      break;
    case 'GET /api/admin/bulk/export/files/:id':
      param('id', ids.exportFile);
      break;
    case 'GET /api/admin/bulk/operations/:id':
      param('id', ids.bulkOperation);
      break;
    case 'GET /api/admin/uploads/:id':
      param('id', ids.upload);
      break;
    case 'GET /api/admin/jobs/:queue/failed':
      param('queue', 'mail');
      break;
    case 'POST /api/admin/jobs/:queue/:id/cancel':
    case 'POST /api/admin/jobs/:queue/:id/retry': {
      param('queue', 'audit-export');
      const id = await t.app.jobs.send(
        'audit-export',
        { adminId: 'nobody', filter: {} },
        { startAfter: new Date(Date.now() + 3600_000) },
      );
      // A retry needs a failed job: this one is marked failed before it ever runs.
      if (op.key.endsWith('retry'))
        await t.app.db.execute(sql`UPDATE pgboss.job SET state = 'failed' WHERE id = ${id}`);
      param('id', id);
      break;
    }
  }
  return req;
}

// What ends or removes the records other operations use runs last.
const LAST = [
  'POST /api/admin/events/:id/cancel',
  'POST /api/sessions/manage/cancel',
  'POST /api/events/registrations/cancel',
  'POST /api/admin/bulk/delete',
  // Two-factor is turned on and off for the callers here, so after every other operation.
  'POST /api/admin/two-factor/confirm',
  'POST /api/admin/two-factor/disable',
  'POST /api/admin/auth/login/code',
  'POST /api/admin/auth/login/enrol',
  'POST /api/admin/auth/login/enrol/confirm',
  'POST /api/admin/auth/logout',
];

test('A NUL in any text field answers 400 on every write route', async () => {
  const results = await nulWalk({
    app: t.app,
    now: t.clock.now(),
    prepare,
    callerFor: (op) => {
      const access = t.app.guard.routes().find((r) => `${r.method} ${r.url}` === op.key)?.access;
      if (access === 'public') return null;
      return Array.isArray(access) && !access.includes('staff')
        ? (callers.superadmin ?? null)
        : (callers.staff ?? null);
    },
  });
  const wrong = results.filter((r) => r.status !== 400);
  assert.deepEqual(wrong, [], JSON.stringify(wrong, null, 1));
  const ops = new Set(results.map((r) => r.operation));
  assert.ok(ops.size >= 25, `walked ${ops.size} write routes`);
  console.log(`NUL walk: ${results.length} requests over ${ops.size} write routes, all 400`);
});

test('fuzz: no 5xx, every error in the shape, no hang, every operation succeeds for its callers', {
  timeout: settings.timeout,
}, async () => {
  const started = performance.now();
  const report = await runFuzz({
    app: t.app,
    callers,
    seed: settings.seed,
    now: t.clock.now(),
    valid: settings.valid,
    mutated: settings.mutated,
    prepare,
    last: LAST,
    mayNeverSucceed: {
      // On PostgreSQL backups are pg_dump's job: the admin action answers 409 and says so.
      ...(testDbKind() === 'postgres'
        ? { 'POST /api/admin/backups': 'PostgreSQL: pg_dump makes the backups' }
        : {}),
    },
  });
  console.log(formatReport('A-Cube', report));
  console.log(`fuzz A-Cube took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.deepEqual(
    report.problems,
    [],
    `${report.problems.length} problems (seed ${report.seed}: FUZZ_SEED=${report.seed} replays)`,
  );
});
