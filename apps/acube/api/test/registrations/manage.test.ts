// A registration's own view through the private link from its first mail: the event with its
// places, the person's state and place in the queue; the same link still works after a
// promotion from the waiting list (beside the promotion mail's own); the view and the
// cancellation are private answers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { events } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
before(async () => {
  t = await startAcube({ RATE_LIMIT_PUBLIC: '1000/minute' });
});
after(() => t.close());

const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' };
const privateOf = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(PRIVATE).map((name) => [name, headers[name]]));

async function newEvent(capacity: number): Promise<string> {
  const [row] = await t.app.db
    .insert(events)
    .values({
      title: 'Group evening',
      startsAt: new Date('2026-06-01T18:00:00Z'),
      capacity,
      status: 'published',
    })
    .returning();
  return row?.id ?? '';
}
const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.org`;

/** Registers and returns the answer and the token of the link in the first mail. */
async function register(eventId: string, email: string, name = 'Person') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/register`,
    payload: { name, email },
  });
  assert.equal(res.statusCode, 201, res.body);
  const mail = await t.mail((m) => sentTo(m) === email, `the registration mail to ${email}`);
  const token = /\/registration\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
  assert.ok(token, mail.text);
  return { answer: res.json(), token };
}
const manage = (token: string, requestId?: string) =>
  t.app.inject({
    url: `/api/events/registrations/manage?token=${encodeURIComponent(token)}`,
    headers: requestId ? { 'x-request-id': requestId } : {},
  });
const cancel = (token: string) =>
  t.app.inject({ method: 'POST', url: '/api/events/registrations/cancel', payload: { token } });

test('the link shows the event with its places, the name, the state; a wrong token is a 404 in the error shape', async () => {
  const eventId = await newEvent(3);
  const email = unique('ana');
  const { token } = await register(eventId, email, 'Ana');
  const res = await manage(token);
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.name, 'Ana');
  assert.equal(body.status, 'confirmed');
  assert.equal(body.position, null);
  assert.equal(body.event.id, eventId);
  assert.equal(body.event.title, 'Group evening');
  assert.deepEqual([body.event.places_left, body.event.waiting], [2, 0]);
  assert.doesNotMatch(res.body, /@example\.org/, 'no address in the answer');

  const wrong = await manage('x'.repeat(43), 'reg-404');
  assert.equal(wrong.statusCode, 404);
  assert.deepEqual(wrong.json(), {
    error: { code: 'NOT_FOUND', message: 'Registration not found', requestId: 'reg-404' },
  });
});

test('the view and the cancellation are private answers, errors included', async () => {
  const eventId = await newEvent(3);
  const { token } = await register(eventId, unique('priv'));
  for (const res of [await manage(token), await manage('y'.repeat(43)), await manage('short')]) {
    assert.deepEqual(privateOf(res.headers), PRIVATE, `${res.statusCode}`);
  }
  const cancelled = await cancel(token);
  assert.equal(cancelled.statusCode, 200);
  assert.deepEqual(privateOf(cancelled.headers), PRIVATE);
  assert.deepEqual(privateOf((await cancel('z'.repeat(43))).headers), PRIVATE);
  const after = await manage(token);
  assert.equal(after.json().status, 'cancelled');
  assert.equal(after.json().position, null);
  // Public reads are not private answers.
  assert.equal((await t.app.inject({ url: `/api/events/${eventId}` })).headers['x-robots-tag'], undefined);
});

test("promoted from the waiting list, a person's ORIGINAL link shows them confirmed", async () => {
  const eventId = await newEvent(1);
  const first = await register(eventId, unique('first'));
  const waitingEmail = unique('waiting');
  const waiting = await register(eventId, waitingEmail, 'Wren');
  assert.deepEqual(
    { status: waiting.answer.status, position: waiting.answer.position },
    { status: 'waiting', position: 1 },
  );
  const before = (await manage(waiting.token)).json();
  assert.deepEqual(
    [before.status, before.position, before.event.places_left, before.event.waiting],
    ['waiting', 1, 0, 1],
  );

  assert.equal((await cancel(first.token)).statusCode, 200);
  assert.equal((await manage(first.token)).json().status, 'cancelled');

  const now = await manage(waiting.token);
  assert.equal(now.statusCode, 200);
  assert.deepEqual(
    [now.json().status, now.json().position, now.json().event.places_left, now.json().event.waiting],
    ['confirmed', null, 0, 0],
  );

  const promotion = await t.mail(
    (m) => sentTo(m) === waitingEmail && (m.subject ?? '').startsWith('A place is free'),
    'the promotion mail',
  );
  assert.match(promotion.text ?? '', /link in the first e-mail we sent you still works/);
  const second = /\/registration\?token=([A-Za-z0-9_-]+)/.exec(promotion.text ?? '')?.[1];
  assert.ok(second && second !== waiting.token, 'the promotion brings a link of its own');
  assert.equal((await manage(second)).json().status, 'confirmed');

  // And the original link can still cancel the promoted place.
  assert.equal((await cancel(waiting.token)).json().status, 'cancelled');
  assert.equal((await manage(waiting.token)).json().status, 'cancelled');
});

test('a waiting position is the place in the queue now: people who left ahead no longer count', async () => {
  const eventId = await newEvent(1);
  await register(eventId, unique('in'));
  const b = await register(eventId, unique('b'));
  const c = await register(eventId, unique('c'));
  const d = await register(eventId, unique('d'));
  assert.deepEqual([b.answer.position, c.answer.position, d.answer.position], [1, 2, 3]);
  assert.equal((await cancel(c.token)).statusCode, 200);
  assert.equal((await manage(b.token)).json().position, 1);
  assert.equal((await manage(d.token)).json().position, 2);
  const e = await register(eventId, unique('e'));
  assert.equal(e.answer.position, 3, 'the answer counts the queue too');
  assert.match(e.answer.message, /number 3 on the waiting list/);
  assert.equal((await manage(e.token)).json().position, 3);
});
