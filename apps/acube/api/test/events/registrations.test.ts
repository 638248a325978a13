// Event registration through the real A-Cube server: places, the waiting list, promotion on
// cancellation with its mail; and 200 registrations at once for 50 places (meaningful on
// PostgreSQL, where they truly run concurrently).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { hashToken } from '@campus/platform/auth';
import { and, eq } from 'drizzle-orm';
import { events, registrations } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
before(async () => {
  t = await startAcube({ RATE_LIMIT_PUBLIC: '1000/minute' });
});
after(() => t.close());

async function newEvent(capacity: number): Promise<string> {
  const [row] = await t.app.db
    .insert(events)
    .values({
      title: `Event <${capacity}>`,
      startsAt: new Date('2026-06-01T18:00:00Z'),
      capacity,
      status: 'published',
    })
    .returning();
  return row?.id ?? '';
}
const register = (eventId: string, email: string, name = 'Person') =>
  t.app.inject({ method: 'POST', url: `/api/events/${eventId}/register`, payload: { name, email } });

async function mailsTo(address: string, count: number) {
  for (let i = 0; i < 300; i++) {
    const mine = (await t.mails()).filter((m) => sentTo(m) === address);
    if (mine.length >= count) return mine;
    await sleep(100);
  }
  throw new Error(`fewer than ${count} mails to ${address}`);
}

test('places, then the waiting list; the same person twice is one registration; a cancellation promotes the first waiting, who is mailed', async () => {
  const eventId = await newEvent(2);
  assert.equal((await register(eventId, 'a@example.org')).json().status, 'confirmed');
  assert.equal((await register(eventId, 'b@example.org')).json().status, 'confirmed');
  const waiting = await register(eventId, 'c@example.org', 'Cat <i>');
  assert.equal(waiting.statusCode, 201);
  assert.deepEqual(
    { status: waiting.json().status, position: waiting.json().position },
    { status: 'waiting', position: 1 },
  );
  const again = await register(eventId, 'A@example.org');
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().status, 'confirmed');

  const [mail] = await mailsTo('a@example.org', 1);
  assert.equal(mail?.subject, 'You are registered: Event <2>');
  const token = /registration\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  assert.ok(token);
  const cancelled = await t.app.inject({
    method: 'POST',
    url: '/api/events/registrations/cancel',
    payload: { token },
  });
  assert.equal(cancelled.statusCode, 200);
  assert.equal(cancelled.json().status, 'cancelled');

  const [promotion] = (await mailsTo('c@example.org', 2)).filter((m) =>
    m.subject?.startsWith('A place is free'),
  );
  assert.ok(promotion, 'the first one waiting is told');
  assert.match(String(promotion.html), /Hello Cat &lt;i&gt;,/);
  assert.match(String(promotion.html), /Event &lt;2&gt;/);
  const [c] = await t.app.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.email, 'c@example.org')));
  assert.equal(c?.status, 'confirmed');
  assert.equal((await register(crypto.randomUUID(), 'x@example.org')).statusCode, 404);
});

test('200 registrations at once for 50 places: exactly 50 confirmed and 150 waiting at 1..150; one cancellation promotes exactly number 1', async () => {
  const eventId = await newEvent(50);
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) => register(eventId, `crowd${i}@example.org`)),
  );
  assert.deepEqual([...new Set(answers.map((a) => a.statusCode))], [201]);
  const rows = await t.app.db.select().from(registrations).where(eq(registrations.eventId, eventId));
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waiting = rows
    .filter((r) => r.status === 'waiting')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  assert.equal(confirmed.length, 50);
  assert.deepEqual(
    waiting.map((r) => r.position),
    Array.from({ length: 150 }, (_, i) => i + 1),
  );

  // The cancel link of one confirmed person (its token is only stored hashed: set a known one).
  const token = 'a-known-token-for-this-test-0000000000000';
  await t.app.db
    .update(registrations)
    .set({ manageTokenHash: hashToken(token) })
    .where(eq(registrations.id, confirmed[0]?.id ?? ''));
  const first = waiting[0];
  assert.equal(
    (await t.app.inject({ method: 'POST', url: '/api/events/registrations/cancel', payload: { token } }))
      .statusCode,
    200,
  );
  const after = await t.app.db.select().from(registrations).where(eq(registrations.eventId, eventId));
  assert.equal(after.filter((r) => r.status === 'confirmed').length, 50);
  assert.equal(after.find((r) => r.id === first?.id)?.status, 'confirmed');
  assert.equal(after.filter((r) => r.status === 'waiting').length, 149);
});
