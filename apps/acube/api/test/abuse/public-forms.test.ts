// Our mail cannot be turned on a stranger (issue 17, acceptance 4), through the real server on
// PGlite and PostgreSQL with the bot check on: every public form refuses a request without a
// solved, fresh, unused bot check (400 BOT_CHECK_FAILED) and takes one with it; one address gets
// at most five mails a day from the forms, the sixth person is answered exactly as the first,
// and the next day (the app's clock moved on) mail flows again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { solveChallenge } from 'altcha-lib/v1';
import { sql } from 'drizzle-orm';
import { contactMessages, events } from '../../src/db/schema/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let ipCount = 0;
const nextIp = () => `10.17.${Math.floor(ipCount / 200)}.${(ipCount++ % 200) + 1}`;

before(async () => {
  t = await startAcube({
    BOT_CHECK: 'on',
    BOT_CHECK_COMPLEXITY: '2000',
    BOT_CHECK_EXPIRES_SECONDS: '300',
    PUBLIC_MAIL_PER_ADDRESS_PER_DAY: '5',
  });
  t.clock.set('2026-03-10T09:00:00Z');
});
after(() => t.close());

interface ChallengeBody {
  enabled: boolean;
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

async function challenge(): Promise<ChallengeBody> {
  const res = await t.app.inject({ method: 'GET', url: '/api/bot-check/challenge', remoteAddress: nextIp() });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  return res.json();
}

/** Solves as the page does, and encodes the solution as the page sends it. */
async function solve(c: ChallengeBody, number?: number): Promise<string> {
  const found =
    number ?? (await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise)?.number;
  assert.ok(found !== undefined, 'the challenge has a solution below maxnumber');
  const { algorithm, challenge: ch, salt, signature } = c;
  return Buffer.from(JSON.stringify({ algorithm, challenge: ch, number: found, salt, signature })).toString(
    'base64',
  );
}

const solved = async () => solve(await challenge());

async function newEvent(): Promise<string> {
  const [row] = await t.app.db
    .insert(events)
    .values({
      title: 'Open day',
      startsAt: new Date('2026-06-01T18:00:00Z'),
      capacity: 100,
      status: 'published',
    })
    .returning();
  return row?.id ?? '';
}

type Form = (email: string, n: number) => { url: string; payload: object };
const forms: Record<string, Form> = {
  contact: (email, n) => ({
    url: '/api/contact',
    payload: { name: 'Ada', email, message: `Hello number ${n}` },
  }),
  volunteer: (email, n) => ({
    url: '/api/volunteers',
    payload: { name: 'Ada', email, availability: `weekends ${n}` },
  }),
  booking: (email, n) => ({
    url: '/api/sessions/book',
    payload: {
      name: 'Ada',
      email,
      phone: '5550000',
      session_type: 'individual',
      preferred_date: '2026-04-01',
      message: `Request ${n}`,
      health_consent: true,
      privacy_notice_version: '2026-11',
    },
  }),
};

async function send(form: Form, email: string, n: number, header?: string) {
  const { url, payload } = form(email, n);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: nextIp(),
    headers: header === undefined ? {} : { 'x-bot-check': header },
  });
}

function assertRefused(res: { statusCode: number; json(): unknown }, reason: string) {
  assert.equal(res.statusCode, 400);
  const body = res.json() as {
    error: { code: string; message: string; requestId: string; details: object[] };
  };
  assert.equal(body.error.code, 'BOT_CHECK_FAILED');
  assert.equal(typeof body.error.requestId, 'string');
  assert.deepEqual(body.error.details, [
    { field: 'headers.x-bot-check', message: (body.error.details[0] as { message: string }).message, reason },
  ]);
}

const rows = async (query: ReturnType<typeof sql>) =>
  ((await t.app.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

const mailJobs = async () =>
  Number((await rows(sql`select count(*)::int as n from pgboss.job where name = 'mail'`))[0]?.n);

test('the challenge is signed, expires, and asks the configured work', async () => {
  const c = await challenge();
  assert.equal(c.enabled, true);
  assert.equal(c.algorithm, 'SHA-256');
  assert.equal(c.maxnumber, 2000);
  assert.match(c.signature, /^[0-9a-f]{64}$/);
  const expires = Number(new URLSearchParams(c.salt.split('?')[1]).get('expires'));
  assert.equal(expires, Date.parse('2026-03-10T09:05:00Z') / 1000);
});

test('every public form refuses a request without a solved bot check, in the one error shape', async () => {
  const eventId = await newEvent();
  const all = [
    ...Object.values(forms).map((f) => f('nobody@example.org', 1)),
    { url: `/api/events/${eventId}/register`, payload: { name: 'Ada', email: 'nobody@example.org' } },
  ];
  for (const { url, payload } of all) {
    const res = await t.app.inject({ method: 'POST', url, payload, remoteAddress: nextIp() });
    assertRefused(res, 'missing');
    const garbled = await t.app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: nextIp(),
      headers: { 'x-bot-check': 'bm90IGpzb24=' },
    });
    assertRefused(garbled, 'malformed');
  }
  const [row] = await t.app.db
    .select({ n: sql<number>`count(*)::int` })
    .from(contactMessages)
    .where(sql`${contactMessages.email} = 'nobody@example.org'`);
  assert.equal(row?.n, 0, 'nothing stored for a refused request');
  assert.equal(
    (
      await t.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/register`,
        payload: { name: 'Ada', email: 'solver@example.org' },
        remoteAddress: nextIp(),
        headers: { 'x-bot-check': await solved() },
      })
    ).statusCode,
    201,
  );
});

test('a solved check passes once: a replay, a wrong number, a forged signature and an expired one are refused', async () => {
  const c = await challenge();
  const good = await solve(c);
  assert.equal((await send(forms.contact as Form, 'once@example.org', 1, good)).statusCode, 201);
  assertRefused(await send(forms.contact as Form, 'once@example.org', 2, good), 'used');

  const other = await challenge();
  const right = JSON.parse(Buffer.from(await solve(other), 'base64').toString()) as { number: number };
  assertRefused(
    await send(forms.volunteer as Form, 'once@example.org', 3, await solve(other, right.number + 1)),
    'invalid',
  );
  const forged = Buffer.from(
    JSON.stringify({ ...right, signature: 'f'.repeat(64), algorithm: 'SHA-256' }),
  ).toString('base64');
  assertRefused(await send(forms.volunteer as Form, 'once@example.org', 4, forged), 'invalid');
  // The unused, correct solution still passes after those refusals.
  assert.equal(
    (await send(forms.volunteer as Form, 'once@example.org', 5, await solve(other))).statusCode,
    201,
  );

  const late = await solve(await challenge());
  t.clock.advance(300_000);
  assertRefused(await send(forms.contact as Form, 'once@example.org', 6, late), 'expired');
  const fresh = await solved();
  assert.equal((await send(forms.contact as Form, 'once@example.org', 7, fresh)).statusCode, 201);
});

test('a sixth mail to one address in a day is not sent, the sixth person is answered as the first, and the next day mail flows again', async () => {
  t.clock.set('2026-03-11T09:00:00Z');
  const address = `Target.${crypto.randomUUID().slice(0, 8)}@Example.org`;
  const lower = address.toLowerCase();
  const eventId = await newEvent();
  const answers = [];
  const jobsBefore = await mailJobs();
  // Five mails, from every kind of form, the address in any case.
  answers.push(await send(forms.contact as Form, address, 1, await solved()));
  answers.push(await send(forms.volunteer as Form, lower, 2, await solved()));
  answers.push(await send(forms.booking as Form, address, 3, await solved()));
  const reg = await t.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/register`,
    payload: { name: 'Ada', email: address },
    remoteAddress: nextIp(),
    headers: { 'x-bot-check': await solved() },
  });
  assert.equal(reg.statusCode, 201);
  answers.push(await send(forms.contact as Form, address, 5, await solved()));
  assert.equal((await mailJobs()) - jobsBefore, 5);

  const sixth = await send(forms.contact as Form, address, 6, await solved());
  const first = answers[0];
  assert.ok(first);
  assert.equal(sixth.statusCode, first.statusCode);
  const strip = (body: Record<string, unknown>) => ({ ...body, reference: typeof body.reference });
  assert.deepEqual(strip(sixth.json()), strip(first.json()), 'the same answer, but for the reference');
  assert.equal((await mailJobs()) - jobsBefore, 5, 'no mail job for the sixth');
  const [stored] = await t.app.db
    .select({ id: contactMessages.id })
    .from(contactMessages)
    .where(sql`${contactMessages.reference} = ${sixth.json().reference}`);
  assert.ok(stored, 'the sixth message is stored all the same');

  const capped = t.logs.filter((l) => l.event === 'mail.capped');
  assert.equal(capped.length, 1);
  assert.equal(capped[0]?.id, stored.id);
  assert.match(String(capped[0]?.addressKey), /^[0-9a-f]{16}$/);
  const allLogs = JSON.stringify(t.logs).toLowerCase();
  assert.ok(!allLogs.includes(lower), 'the address is in no log line');
  const keyed = await rows(sql`select key from keyed_counters where scope = 'public-forms'`);
  assert.ok(keyed.length > 0);
  assert.ok(!JSON.stringify(keyed).toLowerCase().includes(lower), 'counts are kept under a hash');
  const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
  assert.match(metrics.body, /mail_address_cap_refused_total\{[^}]*scope="public-forms"[^}]*\} 1/);

  // The next day (in TIME_ZONE, Europe/Istanbul by default) the address gets its mail again.
  t.clock.set('2026-03-12T09:00:00Z');
  const nextDay = await send(forms.contact as Form, address, 7, await solved());
  assert.equal(nextDay.statusCode, 201);
  assert.equal((await mailJobs()) - jobsBefore, 6);

  // Delivered: five on the first day, one on the next, none for the sixth.
  let mine: unknown[] = [];
  for (let i = 0; i < 300 && mine.length < 6; i++) {
    mine = (await t.mails()).filter((m) => sentTo(m).toLowerCase() === lower);
    if (mine.length < 6) await sleep(100);
  }
  assert.equal(mine.length, 6);
});
