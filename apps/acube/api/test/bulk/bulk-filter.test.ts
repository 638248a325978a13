// Bulk operations by filter through the real A-Cube server: the count of a list filter; a status
// update or delete naming a filter and the count the admin confirmed, refused with the new count
// when it changed; over 100 records the same background job as by ids; the operation audited
// without the text typed in the filter.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditLog } from '@campus/platform/tables';
import { and, eq, like } from 'drizzle-orm';
import { bookings, volunteerApplications } from '../../src/db/schema/index.ts';
import { type AcubeTest, startAcube } from '../helpers.ts';

let t: AcubeTest;
let boss = '';
let staff = '';
before(async () => {
  t = await startAcube();
  boss = (await t.admin('superadmin')).authorization;
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

async function someBookings(n: number, tag: string, sessionType: 'individual' | 'couple' = 'individual') {
  await t.app.db.insert(bookings).values(
    Array.from({ length: n }, (_, i) => ({
      reference: `B-${tag}${sessionType[0]}${i}`,
      name: `${tag} ${i}`,
      email: `${tag}${i}@example.org`,
      sessionType,
      preferredDate: '2026-05-01',
      manageTokenHash: `${tag}-${sessionType}-${i}`,
      dedupeKey: `${tag}-${i}`,
    })),
  );
}
const post = (path: string, body: object, auth = staff) =>
  t.app.inject({
    method: 'POST',
    url: `/api/admin/bulk/${path}`,
    payload: body,
    headers: { authorization: auth },
  });
const statusesOf = async (tag: string) =>
  (
    await t.app.db
      .select({ s: bookings.status })
      .from(bookings)
      .where(like(bookings.name, `${tag} %`))
  ).map((r) => r.s);

test('the count of a filter is what the list would total; a filter the list does not take is a 400', async () => {
  await someBookings(4, 'cnt');
  await someBookings(3, 'cnt', 'couple');
  const count = await post('count', { entity: 'sessions', filter: { q: 'cnt', session_type: 'couple' } });
  assert.equal(count.statusCode, 200);
  assert.deepEqual(count.json(), { count: 3 });
  const list = await t.app.inject({
    url: '/api/sessions?q=cnt&session_type=couple',
    headers: { authorization: staff },
  });
  assert.equal(list.json().total, 3);
  assert.equal((await post('count', { entity: 'bookings', filter: { q: 'cnt' } })).json().count, 7);
  for (const filter of [{ status: 'accepted' }, { session_type: 'solo' }, { created_from: 'May' }]) {
    const bad = await post('count', { entity: 'sessions', filter });
    assert.equal(bad.statusCode, 400, JSON.stringify(filter));
  }
  assert.equal(
    (await post('count', { entity: 'volunteers', filter: { session_type: 'couple' } })).statusCode,
    400,
  );
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/admin/bulk/count',
        payload: { entity: 'sessions', filter: {} },
      })
    ).statusCode,
    401,
  );
});

test('a status update by filter runs when the count is the confirmed one, else 409 COUNT_CHANGED with the new count', async () => {
  await someBookings(5, 'flt');
  const stale = await post('status-update', {
    entity: 'sessions',
    filter: { q: 'flt' },
    expected_count: 4,
    status: 'confirmed',
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'COUNT_CHANGED');
  assert.deepEqual(stale.json().error.details, [{ field: 'expected_count', message: '5' }]);
  assert.deepEqual(await statusesOf('flt'), Array(5).fill('pending'), 'nothing changed');

  const ok = await post('status-update', {
    entity: 'sessions',
    filter: { q: 'flt' },
    expected_count: 5,
    status: 'confirmed',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().done, 5);
  assert.deepEqual(await statusesOf('flt'), Array(5).fill('confirmed'));

  const [entry] = await t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'bulk.status_update'), eq(auditLog.entity, 'sessions')));
  assert.deepEqual(entry?.changes, { count: 5, status: 'confirmed', filter: { text_search: true } });
  assert.ok(entry?.actorId);

  for (const body of [
    { entity: 'sessions', filter: { q: 'flt' }, status: 'confirmed' },
    {
      entity: 'sessions',
      ids: [crypto.randomUUID()],
      filter: { q: 'flt' },
      expected_count: 5,
      status: 'confirmed',
    },
    { entity: 'sessions', status: 'confirmed' },
    { entity: 'sessions', filter: { q: 'flt' }, expected_count: 5, status: 'lost' },
  ]) {
    assert.equal((await post('status-update', body)).statusCode, 400, JSON.stringify(body));
  }
});

test('over 100 matching records run as the background job, whose progress reaches the total', async () => {
  await someBookings(130, 'big');
  const count = (await post('count', { entity: 'sessions', filter: { q: 'big' } })).json().count;
  assert.equal(count, 130);
  const res = await post('status-update', {
    entity: 'sessions',
    filter: { q: 'big', status: 'pending' },
    expected_count: count,
    status: 'completed',
  });
  assert.equal(res.statusCode, 202, res.body);
  assert.equal(res.json().processing, 'background');
  const id = res.json().operation_id;
  let op: { status: string; progress: { done: number; total: number }; done: number } | undefined;
  for (let i = 0; i < 600; i++) {
    op = (
      await t.app.inject({ url: `/api/admin/bulk/operations/${id}`, headers: { authorization: staff } })
    ).json();
    if (op?.status === 'completed' || op?.status === 'failed') break;
    await sleep(100);
  }
  assert.equal(op?.status, 'completed');
  assert.deepEqual(op?.progress, { done: 130, total: 130 });
  assert.equal(op?.done, 130);
  assert.deepEqual(new Set(await statusesOf('big')), new Set(['completed']));
  const [entry] = await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, id));
  assert.equal(entry?.action, 'bulk.status_update');
  assert.deepEqual(entry?.changes, {
    count: 130,
    status: 'completed',
    filter: { status: 'pending', text_search: true },
  });
});

test('a delete by filter is for superadmins only, and deletes exactly what the filter matches', async () => {
  await t.app.db.insert(volunteerApplications).values(
    ['del a', 'del b', 'keep c'].map((name, i) => ({
      reference: `V-DEL${i}`,
      name,
      email: `del${i}@example.org`,
      dedupeKey: `del${i}`,
      status: i < 2 ? ('rejected' as const) : ('new' as const),
    })),
  );
  const body = { entity: 'volunteers', filter: { status: 'rejected' }, expected_count: 2 };
  assert.equal((await post('delete', body)).statusCode, 403, 'staff may not delete');
  const res = await post('delete', body, boss);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().done, 2);
  const left = await t.app.db.select({ name: volunteerApplications.name }).from(volunteerApplications);
  assert.deepEqual(
    left.map((r) => r.name),
    ['keep c'],
  );
  const [entry] = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'bulk.delete'));
  assert.deepEqual(entry?.changes, { count: 2, filter: { status: 'rejected' } });
});
