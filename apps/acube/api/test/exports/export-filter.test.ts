// The CSV of a list's filter through the real A-Cube server: exactly the rows the list shows for
// the same query, in its sort; free text (therapy messages, availability notes) left out unless
// a superadmin asks, which is audited; a staff member asking is refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { bookings, events, registrations, volunteerApplications } from '../../src/db/schema/index.ts';
import { type AcubeTest, startAcube } from '../helpers.ts';

let t: AcubeTest;
let boss = '';
let staff = '';
before(async () => {
  t = await startAcube({ TIME_ZONE: 'Europe/Istanbul' });
  boss = (await t.admin('superadmin')).authorization;
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

const csv = async (url: string, authorization = staff) => {
  const res = await t.app.inject({ url: `/api/admin/bulk/export/${url}`, headers: { authorization } });
  return {
    res,
    rows:
      res.statusCode === 200
        ? (parse(res.rawPayload, { columns: true, bom: true }) as Record<string, string>[])
        : [],
  };
};

test('a CSV holds exactly the rows the list shows for the same filter, in its sort, without messages', async () => {
  await t.app.db.insert(bookings).values(
    Array.from({ length: 9 }, (_, i) => ({
      reference: `B-CSV${i}`,
      name: `csv ${String.fromCharCode(105 - i)}`,
      email: `csv${i}@example.org`,
      sessionType: i % 3 === 0 ? ('family' as const) : ('individual' as const),
      preferredDate: '2026-12-01',
      message: `private note ${i}`,
      status: i % 2 ? ('confirmed' as const) : ('pending' as const),
      manageTokenHash: `csv-${i}`,
      dedupeKey: `csv-${i}`,
      createdAt: new Date(Date.UTC(2026, 10, 1 + i, 12)),
    })),
  );
  const query = 'q=csv&status=confirmed&created_from=2026-11-02&created_to=2026-11-08&sort=name';
  const list = await t.app.inject({ url: `/api/sessions?${query}`, headers: { authorization: staff } });
  assert.equal(list.statusCode, 200);
  const { res, rows } = await csv(`bookings?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    rows.map((r) => r.reference),
    list.json().items.map((i: { reference: string }) => i.reference),
  );
  assert.deepEqual(
    rows.map((r) => r.name),
    ['csv b', 'csv d', 'csv f', 'csv h'],
  );
  assert.ok(rows.every((r) => r.status === 'confirmed'));
  assert.ok(!('message' in (rows[0] ?? {})), 'no message column');
  assert.ok(!res.body.includes('private note'));

  // The export policy allows five a minute per admin: a second staff member for the rest.
  const other = (await t.admin('staff')).authorization;
  const all = await csv('bookings?q=csv&session_type=family&sort=-reference', other);
  assert.deepEqual(
    all.rows.map((r) => r.reference),
    ['B-CSV6', 'B-CSV3', 'B-CSV0'],
  );
  assert.equal(
    (await csv('bookings?q=csv&sort=message', other)).res.statusCode,
    400,
    'not a sortable column',
  );
  assert.equal((await csv('bookings?status=accepted', other)).res.statusCode, 400, 'not a booking status');
  assert.equal(
    (await csv('volunteers?session_type=couple', other)).res.statusCode,
    400,
    'not a volunteer filter',
  );
});

test('free text only for a superadmin who asks, audited as export.free_text; a staff member asking gets 403', async () => {
  await t.app.db.insert(volunteerApplications).values({
    reference: 'V-FREE1',
    name: 'free text person',
    email: 'free@example.org',
    availability: 'weekends only',
    message: 'I lost my brother',
    dedupeKey: 'free1',
  });
  const refused = await csv(
    'volunteers?q=free&include_free_text=true',
    (await t.admin('staff')).authorization,
  );
  assert.equal(refused.res.statusCode, 403);
  const plain = await csv('volunteers?q=free', boss);
  assert.deepEqual(Object.keys(plain.rows[0] ?? {}), [
    'id',
    'reference',
    'status',
    'name',
    'email',
    'phone',
    'created_at',
  ]);
  const full = await csv('volunteers?q=free&include_free_text=true', boss);
  assert.equal(full.res.statusCode, 200);
  assert.equal(full.rows[0]?.message, 'I lost my brother');
  assert.equal(full.rows[0]?.availability, 'weekends only');
  const audited = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'export.free_text'));
  assert.equal(audited.length, 1, 'only the superadmin export with free text');
  assert.equal(audited[0]?.entity, 'volunteers');
  assert.deepEqual(audited[0]?.changes, { columns: ['availability', 'message'] });
  assert.ok(!JSON.stringify(await t.app.db.select().from(auditLog)).includes('brother'));
});

test("registrations of one event as CSV, each with its event's title", async () => {
  const [e1, e2] = await t.app.db
    .insert(events)
    .values([
      { title: 'Csv walk', startsAt: new Date('2026-12-01T10:00:00Z'), capacity: 5 },
      { title: 'Csv talk', startsAt: new Date('2026-12-02T10:00:00Z'), capacity: 5 },
    ])
    .returning();
  await t.app.db.insert(registrations).values(
    [e1, e1, e2].map((e, i) => ({
      eventId: e?.id ?? '',
      name: `csv reg ${i}`,
      email: `csvreg${i}@example.org`,
      status: 'confirmed' as const,
      manageTokenHash: `csvreg-${i}`,
    })),
  );
  const auth = (await t.admin('staff')).authorization;
  const { res, rows } = await csv(`registrations?event_id=${e1?.id}&sort=name`, auth);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    rows.map((r) => [r.name, r.event_title]),
    [
      ['csv reg 0', 'Csv walk'],
      ['csv reg 1', 'Csv walk'],
    ],
  );
  const evs = await csv('events?q=csv&sort=starts_at', auth);
  assert.deepEqual(
    evs.rows.map((r) => r.title),
    ['Csv walk', 'Csv talk'],
  );
});
