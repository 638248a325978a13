// No personal data in logs, jobs or files, whatever fails: a unique marker in every free-text
// and personal field of every write route (from /openapi.json), while the database refuses
// every write (a trigger that raises with the row), then while it has lost its tables (the
// public routes), and then working. A failure answers 500 with an error line under its request
// id; the marker is in no log line (console and logs/app.log), no job table row and no file
// under the data folder; with the database working, in no log line and nowhere in plain text in
// the job tables.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokens, PasswordHasher } from '@campus/platform/auth';
import {
  callWriteOperations,
  createTestApp,
  failWrites,
  loseTables,
  type MarkerCall,
  markerInFiles,
  markerInJobTables,
  markerInLogs,
  newMarker,
  type TestApp,
  type WriteOperation,
  writeOperations,
} from '@campus/platform/testing';
import { sql } from 'drizzle-orm';
import { admins } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

/** Auth's own bookkeeping keeps working, so requests reach the writes that carry the marker. */
const KEEP_WORKING = ['refresh_tokens', 'auth_sessions', 'keyed_counters'];

let t: TestApp;
let dir: string;
let logFile: string;
let ops: WriteOperation[];
let superadmin: string;
let staffId: string;
const ids: Record<string, string> = {};

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.app.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
const weekday = () => {
  const d = inDays(10);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Values the write needs right; the free text stays the marker. */
function overrides(op: WriteOperation): Record<string, unknown> | undefined {
  const key = `${op.method} ${op.path}`;
  if (key === 'POST /api/sessions/book')
    return { preferred_date: weekday(), privacy_notice_version: '2026-11' };
  if (key === 'POST /api/events' || key === 'PATCH /api/admin/events/{id}')
    return { starts_at: inDays(20).toISOString(), ends_at: inDays(20.1).toISOString(), capacity: 30 };
  if (key === 'PUT /api/sessions/{id}/appointment')
    return { starts_at: inDays(9).toISOString(), duration_minutes: 50 };
  if (key === 'POST /api/admin/bulk/export/audit-logs')
    return { date_from: inDays(-1).toISOString(), date_to: inDays(1).toISOString() };
  return undefined;
}

function param(op: WriteOperation, name: string): string {
  if (op.path.startsWith('/api/admin/jobs/')) return name === 'queue' ? 'mail' : crypto.randomUUID();
  if (op.path.startsWith('/api/sessions/')) return ids.booking ?? '';
  if (op.path.includes('/events/')) return ids.event ?? '';
  if (op.path.startsWith('/api/volunteers/')) return ids.volunteer ?? '';
  if (op.path.startsWith('/api/contact/')) return ids.contact ?? '';
  if (op.path.startsWith('/api/admin/admins/')) return staffId;
  return crypto.randomUUID();
}

/** A fresh published event and the newest of each record kind, for the path parameters. */
async function refreshIds(): Promise<void> {
  const headers = { authorization: superadmin };
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/events',
    headers,
    payload: {
      title: 'An open day',
      description: 'Come and see',
      location: 'Hall',
      starts_at: inDays(30).toISOString(),
      ends_at: inDays(30.1).toISOString(),
      capacity: 100,
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  ids.event = created.json().id;
  await t.app.inject({ method: 'POST', url: `/api/admin/events/${ids.event}/publish`, headers });
  for (const [name, table] of [
    ['booking', 'bookings'],
    ['volunteer', 'volunteer_applications'],
    ['contact', 'contact_messages'],
  ] as const) {
    const [row] = await rows<{ id: string }>(
      sql.raw(`select id from ${table} order by created_at desc limit 1`),
    );
    if (row) ids[name] = row.id;
  }
}

const call = (
  marker: string,
  prefix: string,
  credentials: Record<string, string>[],
  only?: (op: WriteOperation) => boolean,
) =>
  callWriteOperations(t.app, only ? ops.filter(only) : ops, {
    marker,
    param,
    credentials,
    overrides,
    requestIdPrefix: prefix,
    // Requiring a second factor of every admin would lock this test's admin out.
    skip: (op) => op.path === '/api/admin/two-factor/requirement',
  });

/** Every 5xx has its error line under its request id, and its answer is the error shape without the marker. */
function assertFailuresLogged(calls: MarkerCall[], marker: string): void {
  for (const c of calls.filter((x) => x.status >= 500)) {
    const line = t.logs.find((l) => l.requestId === c.requestId && Number(l.level) >= 50);
    assert.ok(line, `an error line for ${c.method} ${c.url} (${c.requestId})`);
    assert.ok(
      (line.err as { db?: { code?: string } } | undefined)?.db?.code,
      `the SQLSTATE in ${JSON.stringify(line)}`,
    );
    assert.equal(JSON.parse(c.body).error.requestId, c.requestId);
    assert.ok(!c.body.includes(marker), `${c.method} ${c.url} answers without the marker`);
  }
}

async function settle(): Promise<void> {
  // Let mail and other jobs run (or fail) before looking at the job tables and files.
  for (let i = 0; i < 100; i++) {
    const [busy] = await rows<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where state in ('created', 'active') and start_after <= now() and name not like '%.dead'`,
    );
    if ((busy?.n ?? 0) === 0) return;
    await sleep(100);
  }
}

async function logText(): Promise<string> {
  await sleep(50);
  return readFile(logFile, 'utf8').catch(() => '');
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-privacy-'));
  logFile = join(dir, 'logs', 'app.log');
  const limits = Object.fromEntries(
    ['PUBLIC', 'CHALLENGE', 'ADMIN', 'AUTH', 'REFRESH', 'UPLOAD', 'EXPORT'].map((p) => [
      `RATE_LIMIT_${p}`,
      '1000/minute',
    ]),
  );
  t = await createTestApp(acubeSpec, {
    env: {
      DEMO_DATA: 'false',
      DATA_DIR: dir,
      PUBLIC_URL: 'https://acube.example',
      BOT_CHECK: 'off',
      ...limits,
    },
    logFile,
  });
  const tokens = new AccessTokens({
    appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'acube',
    clock: t.clock,
  });
  const passwordHash = await new PasswordHasher().hash('a test admin passphrase');
  const [boss, staff] = await t.app.db
    .insert(admins)
    .values([
      { email: 'boss@acube.test', name: 'Boss', role: 'superadmin', passwordHash },
      { email: 'staff@acube.test', name: 'Staff', role: 'staff', passwordHash },
    ])
    .returning();
  superadmin = `Bearer ${await tokens.sign({ sub: boss?.id ?? '', roles: ['superadmin'], sid: crypto.randomUUID() })}`;
  staffId = staff?.id ?? '';
  ops = writeOperations((await t.app.inject({ method: 'GET', url: '/openapi.json' })).json());
});
after(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

test('with the database failing underneath, the marker is in no log, no job table and no file', async (ctx) => {
  // First, with the database working, records for the path parameters.
  await call(newMarker(), 'setup', [{ authorization: superadmin }]);
  await refreshIds();
  await settle();

  const marker = newMarker();
  const undo = await failWrites(t.app.db, { except: KEEP_WORKING });
  let calls: MarkerCall[];
  try {
    calls = await call(marker, 'fail', [{ authorization: superadmin }]);
  } finally {
    await undo();
  }
  const lost = await loseTables(t.app.db, { except: KEEP_WORKING });
  try {
    calls.push(...(await call(marker, 'lost', [{}], (op) => !op.path.startsWith('/api/admin/'))));
  } finally {
    await lost();
  }
  await settle();

  const failed = calls.filter((c) => c.status >= 500).map((c) => `${c.method} ${c.url}`);
  ctx.diagnostic(`${calls.length} calls, ${failed.length} answered 5xx: ${failed.join(', ')}`);
  for (const route of [
    'POST /api/sessions/book',
    'POST /api/volunteers',
    'POST /api/contact',
    'POST /api/events',
  ]) {
    assert.ok(
      failed.includes(route),
      `${route} failed in the database: ${JSON.stringify(calls.filter((c) => `${c.method} ${c.url}` === route).map((c) => c.status))}`,
    );
  }
  assert.ok(failed.includes(`POST /api/events/${ids.event}/register`), 'the registration failed');
  assert.ok(failed.includes(`POST /api/contact/${ids.contact}/reply`), 'the reply failed');
  assert.ok(failed.includes(`PATCH /api/admin/events/${ids.event}`), 'the event edit failed');
  assertFailuresLogged(calls, marker);

  assert.deepEqual(markerInLogs(t.logs, marker, await logText()), []);
  assert.deepEqual(await markerInJobTables(t.app.db, marker), []);
  assert.deepEqual(await markerInFiles(dir, marker), []);
});

test('with the database working, the marker is in no log and in no job table in plain text', async (ctx) => {
  await refreshIds();
  const marker = newMarker();
  const calls = await call(marker, 'happy', [{ authorization: superadmin }]);
  const ok = calls.filter((c) => c.status < 300).map((c) => `${c.method} ${c.url}`);
  ctx.diagnostic(`${calls.length} calls, ${ok.length} succeeded: ${ok.join(', ')}`);
  for (const route of [
    'POST /api/sessions/book',
    'POST /api/volunteers',
    'POST /api/contact',
    `POST /api/contact/${ids.contact}/reply`,
  ]) {
    assert.ok(
      ok.includes(route),
      `${route} succeeded: ${JSON.stringify(calls.filter((c) => `${c.method} ${c.url}` === route))}`,
    );
  }
  assert.deepEqual(
    calls.filter((c) => c.status >= 500),
    [],
    'nothing fails',
  );
  await settle();
  assert.deepEqual(markerInLogs(t.logs, marker, await logText()), []);
  assert.deepEqual(await markerInJobTables(t.app.db, marker), []);
  const [mail] = await rows<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = 'mail'`,
  );
  assert.ok((mail?.n ?? 0) > 0, 'mail was sent (sealed), so the job tables were looked at with mail in them');
});
