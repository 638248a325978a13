// What the panel's event editor relies on: the image rules it states and checks before sending
// (only for admins), and an event that ends before it starts refused beside `ends_at`, on create
// and on an edit of either time, in the one error shape.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AcubeTest, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
before(async () => {
  t = await startAcube();
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { authorization: staff, 'x-request-id': 'editor-1' },
  });

test('the image rules are the event image types and the upload limit, for admins only', async () => {
  const rules = await as('GET', '/api/admin/events/image-rules');
  assert.equal(rules.statusCode, 200, rules.body);
  assert.deepEqual(rules.json(), {
    types: ['image/png', 'image/jpeg', 'image/webp'],
    max_bytes: 10 * 1024 * 1024,
  });
  const anonymous = await t.app.inject({ url: '/api/admin/events/image-rules' });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
});

test('an end before the start is refused about ends_at; an end after it is taken', async () => {
  const refused = await as('POST', '/api/events', {
    title: 'Backwards',
    starts_at: '2026-07-01T17:00:00Z',
    ends_at: '2026-07-01T16:00:00Z',
    capacity: 10,
  });
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(refused.json(), {
    error: {
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid',
      details: [{ field: 'body.ends_at', message: 'must be after the start (starts_at)' }],
      requestId: 'editor-1',
    },
  });
  const listed = await as('GET', '/api/admin/events?q=Backwards');
  assert.equal(listed.json().total, 0, 'nothing was stored');

  const created = await as('POST', '/api/events', {
    title: 'Forwards',
    starts_at: '2026-07-01T17:00:00Z',
    ends_at: '2026-07-01T19:00:00Z',
    capacity: 10,
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;

  // An edit of one time is checked against the other as stored.
  const earlyEnd = await as('PATCH', `/api/admin/events/${id}`, { ends_at: '2026-07-01T17:00:00Z' });
  assert.equal(earlyEnd.statusCode, 400);
  assert.equal(earlyEnd.json().error.details[0].field, 'body.ends_at');
  const lateStart = await as('PATCH', `/api/admin/events/${id}`, { starts_at: '2026-07-01T20:00:00Z' });
  assert.equal(lateStart.statusCode, 400);
  assert.equal((await as('GET', `/api/admin/events/${id}`)).json().starts_at, '2026-07-01T17:00:00.000Z');

  const moved = await as('PATCH', `/api/admin/events/${id}`, {
    starts_at: '2026-07-01T20:00:00Z',
    ends_at: null,
  });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.deepEqual([moved.json().starts_at, moved.json().ends_at], ['2026-07-01T20:00:00.000Z', null]);
});
