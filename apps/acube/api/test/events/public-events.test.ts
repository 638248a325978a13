import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import { events } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

let t: TestApp;
const DAY = 86_400_000;

before(async () => {
  t = await createTestApp(acubeSpec);
  t.clock.set('2026-05-01T09:00:00Z');
});
after(() => t.close());

async function insertEvent(values: Partial<typeof events.$inferInsert>) {
  const [row] = await t.app.db
    .insert(events)
    .values({ title: 'An event', startsAt: new Date(t.clock.nowMs() + DAY), capacity: 10, ...values })
    .returning();
  assert.ok(row);
  return row;
}

test('the public list shows upcoming published events only, soonest first', async () => {
  const later = await insertEvent({
    title: 'Later',
    status: 'published',
    startsAt: new Date(t.clock.nowMs() + 3 * DAY),
  });
  const sooner = await insertEvent({ title: 'Sooner', status: 'published' });
  const draft = await insertEvent({ title: 'Draft' });
  const past = await insertEvent({
    title: 'Past',
    status: 'published',
    startsAt: new Date(t.clock.nowMs() - DAY),
  });
  const res = await t.app.inject({ method: 'GET', url: '/api/events' });
  assert.equal(res.statusCode, 200);
  const ids = res.json().items.map((e: { id: string }) => e.id);
  assert.ok(ids.indexOf(sooner.id) < ids.indexOf(later.id));
  assert.ok(!ids.includes(draft.id));
  assert.ok(!ids.includes(past.id));
  const first = res.json().items.find((e: { id: string }) => e.id === sooner.id);
  assert.equal(first.starts_at, sooner.startsAt.toISOString());
  assert.equal(first.capacity, 10);
});

test('a published event can be read by id; a draft or unknown id is 404 in the error shape', async () => {
  const published = await insertEvent({ title: 'Open day', status: 'published' });
  const draft = await insertEvent({ title: 'Not yet' });
  const ok = await t.app.inject({ method: 'GET', url: `/api/events/${published.id}` });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().title, 'Open day');
  for (const id of [draft.id, '00000000-0000-4000-8000-000000000000']) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/events/${id}`,
      headers: { 'x-request-id': 'ev-1' },
    });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), {
      error: { code: 'NOT_FOUND', message: 'Event not found', requestId: 'ev-1' },
    });
  }
});

test('a malformed event id is a 400 naming the parameter', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/events/not-a-uuid' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.details[0].field, 'params.id');
});

test('the list limit is validated', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/events?limit=1000' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.details[0].field, 'querystring.limit');
});

test('readiness reports the database as up', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/health/ready' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().checks.database.status, 'up');
});
