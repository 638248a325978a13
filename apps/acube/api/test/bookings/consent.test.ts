// A booking request carries the person's explicit consent to processing health information,
// under the privacy notice they saw: recorded on the booking and (the version only) in the audit
// log; an older notice is a 409 the page can act on. A repeat says it is one, as the other public
// forms do. The private link's view and cancellation are private answers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { eq } from 'drizzle-orm';
import { bookings } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
before(async () => {
  t = await startAcube({ RATE_LIMIT_PUBLIC: '1000/minute', PRIVACY_NOTICE_VERSION: '2026-11' });
});
after(() => t.close());

const body = (over: object = {}) => ({
  name: 'Deniz',
  email: `deniz-${crypto.randomUUID().slice(0, 8)}@example.org`,
  session_type: 'individual',
  preferred_date: '2026-03-01',
  message: 'Something private',
  health_consent: true,
  privacy_notice_version: '2026-11',
  ...over,
});
const book = (payload: object) => t.app.inject({ method: 'POST', url: '/api/sessions/book', payload });

test('without consent given as true the request is a 400 naming the field; nothing is stored', async () => {
  const { health_consent: _, ...without } = body();
  for (const payload of [without, body({ health_consent: false }), body({ health_consent: 'no' })]) {
    const res = await book(payload);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    assert.ok(
      res.json().error.details.some((d: { field: string }) => d.field === 'body.health_consent'),
      res.body,
    );
  }
  const { privacy_notice_version: __, ...noVersion } = body();
  assert.equal((await book(noVersion)).statusCode, 400);
  assert.equal((await t.app.db.select().from(bookings)).length, 0);
});

test('consent under an older privacy notice is a 409 with reason notice_outdated and the current version', async () => {
  const res = await book(body({ privacy_notice_version: '2026-05' }));
  assert.equal(res.statusCode, 409);
  const error = res.json().error;
  assert.equal(error.code, 'CONFLICT');
  assert.deepEqual(
    {
      field: error.details[0].field,
      reason: error.details[0].reason,
      current: error.details[0].current,
    },
    { field: 'body.privacy_notice_version', reason: 'notice_outdated', current: '2026-11' },
  );
  assert.equal(typeof error.requestId, 'string');
  assert.equal((await t.app.db.select().from(bookings)).length, 0);
});

test('the consent is recorded with the notice version and its time, and audited with the version only', async () => {
  t.clock.set('2026-01-10T08:30:00Z');
  const payload = body();
  const res = await book(payload);
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().repeat, false);
  const [row] = await t.app.db.select().from(bookings).where(eq(bookings.reference, res.json().reference));
  assert.equal(row?.consentNoticeVersion, '2026-11');
  assert.equal(row?.consentedAt?.toISOString(), '2026-01-10T08:30:00.000Z');
  const [entry] = await t.app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, row?.id ?? ''));
  assert.deepEqual(entry?.changes, { status: 'pending', consent_notice_version: '2026-11' });

  const again = await book(payload);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(
    { reference: again.json().reference, repeat: again.json().repeat },
    { reference: res.json().reference, repeat: true },
  );
});

test('a volunteer application and a contact message say when they are a repeat', async () => {
  const volunteer = { name: 'Vera', email: 'vera@example.org', availability: 'weekends' };
  const contact = { name: 'Cem', email: 'cem@example.org', subject: 'Hello', message: 'A question' };
  for (const [url, payload] of [
    ['/api/volunteers', volunteer],
    ['/api/contact', contact],
  ] as const) {
    const first = await t.app.inject({ method: 'POST', url, payload });
    const again = await t.app.inject({ method: 'POST', url, payload });
    assert.deepEqual([first.statusCode, first.json().repeat], [201, false], url);
    assert.deepEqual([again.statusCode, again.json().repeat], [200, true], url);
    assert.equal(again.json().reference, first.json().reference);
  }
});

test("the private link's view and cancellation are private answers, errors included", async () => {
  const payload = body();
  assert.equal((await book(payload)).statusCode, 201);
  const mail = await t.mail((m) => sentTo(m) === payload.email, 'the booking mail');
  const token = /\/booking\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] ?? '';
  assert.ok(token);
  const expected = {
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': 'noindex',
  };
  const answers = [
    await t.app.inject({ url: `/api/sessions/manage?token=${token}` }),
    await t.app.inject({ url: `/api/sessions/manage?token=${'x'.repeat(43)}` }),
    await t.app.inject({ url: '/api/sessions/manage' }),
    await t.app.inject({ method: 'POST', url: '/api/sessions/manage/cancel', payload: { token } }),
  ];
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    [200, 404, 400, 200],
  );
  for (const res of answers) {
    assert.deepEqual(
      Object.fromEntries(Object.keys(expected).map((name) => [name, res.headers[name]])),
      expected,
      String(res.statusCode),
    );
  }
  const booked = await book(body());
  assert.equal(booked.headers['x-robots-tag'], undefined, 'the request itself is an ordinary answer');
});

test("a request with neither consent field (the seed's API example) is taken with no consent recorded", async () => {
  const { health_consent: _, privacy_notice_version: __, ...seedBody } = body({ email: 'api@example.com' });
  const res = await book(seedBody);
  assert.equal(res.statusCode, 201, res.body);
  const [row] = await t.app.db.select().from(bookings).where(eq(bookings.reference, res.json().reference));
  assert.equal(row?.consentNoticeVersion, null);
  assert.equal(row?.consentedAt, null);
});
