// Raising an event's capacity promotes from the waiting list, through the real A-Cube server:
// as many as the new places allow, in waiting-list order, each mailed and audited like a
// promotion after a cancellation; keeping or lowering the capacity promotes nobody.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { and, eq, inArray } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = { id: '', authorization: '' };
before(async () => {
  t = await startAcube({ RATE_LIMIT_PUBLIC: '1000/minute' });
  staff = await t.admin('staff');
});
after(() => t.close());

const as = (method: 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { authorization: staff.authorization },
  });

async function publishedEvent(capacity: number): Promise<string> {
  const created = await as('POST', '/api/events', {
    title: `Raised <${capacity}>`,
    starts_at: '2026-09-01T17:00:00Z',
    capacity,
  });
  assert.equal(created.statusCode, 201);
  const id: string = created.json().id;
  assert.equal((await as('POST', `/api/admin/events/${id}/publish`)).statusCode, 200);
  return id;
}

const register = (eventId: string, email: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/register`,
    payload: { name: 'Person', email },
  });

async function statuses(eventId: string) {
  const rows = await t.app.db.select().from(registrations).where(eq(registrations.eventId, eventId));
  return Object.fromEntries(rows.map((r) => [r.email, [r.status, r.position]]));
}

test('raising the capacity promotes the first ones waiting, in order, each mailed and audited; lowering it promotes nobody', async () => {
  const id = await publishedEvent(2);
  const people = ['p1', 'p2', 'w1', 'w2', 'w3'].map((p) => `${p}-${id.slice(0, 8)}@example.org`);
  for (const email of people) assert.equal((await register(id, email)).statusCode, 201);
  const [p1, p2, w1, w2, w3] = people as [string, string, string, string, string];
  assert.deepEqual(await statuses(id), {
    [p1]: ['confirmed', null],
    [p2]: ['confirmed', null],
    [w1]: ['waiting', 1],
    [w2]: ['waiting', 2],
    [w3]: ['waiting', 3],
  });

  const raised = await as('PATCH', `/api/admin/events/${id}`, { capacity: 4 });
  assert.equal(raised.statusCode, 200);
  assert.equal(raised.json().capacity, 4);
  assert.deepEqual(await statuses(id), {
    [p1]: ['confirmed', null],
    [p2]: ['confirmed', null],
    [w1]: ['confirmed', null],
    [w2]: ['confirmed', null],
    [w3]: ['waiting', 3],
  });

  for (const email of [w1, w2]) {
    const m = await t.mail(
      (x) => sentTo(x) === email && x.subject === 'A place is free for you: Raised <2>',
      `promotion mail to ${email}`,
    );
    assert.match(String(m.html), /Raised &lt;2&gt;/);
    // The promotion's own link cancels the new place.
    const token = /registration\?token=([A-Za-z0-9_-]+)/.exec(m.text ?? '')?.[1];
    assert.ok(token);
    if (email === w2) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/events/registrations/cancel',
        payload: { token },
      });
      assert.equal(res.json().status, 'cancelled');
    }
  }
  // w2's cancellation frees a place within the new capacity: w3 is next.
  assert.deepEqual((await statuses(id))[w3], ['confirmed', null]);

  const promotedIds = (
    await t.app.db
      .select({ id: registrations.id, email: registrations.email })
      .from(registrations)
      .where(and(eq(registrations.eventId, id), inArray(registrations.email, [w1, w2])))
  ).map((r) => r.id);
  const audits = await t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'registration.promoted'), inArray(auditLog.entityId, promotedIds)));
  assert.equal(audits.length, 2);
  for (const a of audits) {
    assert.equal(a.actorId, staff.id, 'the admin who raised the capacity');
    assert.equal(a.entity, 'registration');
    assert.deepEqual((a.changes as { status: unknown }).status, { from: 'waiting', to: 'confirmed' });
  }
  assert.deepEqual(audits.map((a) => (a.changes as { position: number }).position).sort(), [1, 2]);

  // Full again (p1, p2, w1, w3 for 4 places): a new person waits, first on a list that had
  // emptied; lowering or keeping the
  // capacity, or editing another field, promotes nobody.
  const late = `late-${id.slice(0, 8)}@example.org`;
  assert.equal((await register(id, late)).json().status, 'waiting');
  assert.equal((await as('PATCH', `/api/admin/events/${id}`, { capacity: 3 })).statusCode, 200);
  assert.equal(
    (await as('PATCH', `/api/admin/events/${id}`, { capacity: 3, location: 'Hall C' })).statusCode,
    200,
  );
  assert.deepEqual((await statuses(id))[late], ['waiting', 1]);
  // Raised from 3 to 4 with four confirmed: still no free place.
  assert.equal((await as('PATCH', `/api/admin/events/${id}`, { capacity: 4 })).statusCode, 200);
  assert.deepEqual((await statuses(id))[late], ['waiting', 1]);
  // Raised to 5: one place, for the one waiting.
  assert.equal((await as('PATCH', `/api/admin/events/${id}`, { capacity: 5 })).statusCode, 200);
  assert.deepEqual((await statuses(id))[late], ['confirmed', null]);
});

test('raising the capacity of an event nobody waits for changes only the capacity', async () => {
  const id = await publishedEvent(1);
  const only = `only-${id.slice(0, 8)}@example.org`;
  assert.equal((await register(id, only)).json().status, 'confirmed');
  assert.equal((await as('PATCH', `/api/admin/events/${id}`, { capacity: 10 })).json().capacity, 10);
  assert.deepEqual(await statuses(id), { [only]: ['confirmed', null] });
});
