// A person's data on request through the real server: everything the person left (a booking with
// its appointment, a registration, a volunteer application, a contact message and its answer, the
// mails) is in one export; after the erasure nothing of them is in any table of any schema (the
// job tables included) or any file under the data folder, but the audit log's fact of it, counts
// only. A freed place promotes the one waiting. Only superadmins may ask. The retention schedule
// erases closed records past RETENTION_DAYS and keeps the rest.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { eq, inArray, sql } from 'drizzle-orm';
import {
  bookings,
  contactMessages,
  events,
  registrations,
  volunteerApplications,
} from '../../src/db/schema/index.ts';
import { RETENTION_QUEUE } from '../../src/modules/privacy/index.ts';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let boss = '';
let staff = '';
before(async () => {
  t = await startAcube({
    RATE_LIMIT_PUBLIC: '1000/minute',
    BOT_CHECK: 'off',
    PUBLIC_MAIL_PER_ADDRESS_PER_DAY: '100',
  });
  boss = (await t.admin('superadmin')).authorization;
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

const tag = () => crypto.randomUUID().slice(0, 8);
const post = (url: string, payload: object, authorization?: string) =>
  t.app.inject({ method: 'POST', url, payload, ...(authorization ? { headers: { authorization } } : {}) });
const privacy = (what: 'count' | 'export' | 'erase', payload: object, authorization = boss) =>
  post(`/api/admin/privacy/${what}`, payload, authorization);

async function newEvent(title: string, startsAt: string, capacity = 1): Promise<string> {
  const [row] = await t.app.db
    .insert(events)
    .values({ title, startsAt: new Date(startsAt), capacity, status: 'published' })
    .returning();
  return row?.id ?? '';
}

/** Every text, JSON and byte column of every table of every schema that holds one of `needles`. */
async function foundInDatabase(needles: string[]): Promise<string[]> {
  const columns = (await t.app.db.execute(sql`
    select table_schema, table_name, column_name, data_type
      from information_schema.columns
     where table_schema not in ('pg_catalog', 'information_schema')
       and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
       and (table_schema, table_name) in (
             select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE')
  `)) as unknown as {
    rows: { table_schema: string; table_name: string; column_name: string; data_type: string }[];
  };
  const found: string[] = [];
  for (const c of columns.rows) {
    const column = sql.raw(`"${c.table_schema}"."${c.table_name}"."${c.column_name}"`);
    const table = sql.raw(`"${c.table_schema}"."${c.table_name}"`);
    for (const needle of needles) {
      const hit =
        c.data_type === 'bytea'
          ? sql`position(convert_to(${needle}, 'UTF8') in ${column}) > 0`
          : sql`strpos(lower(${column}::text), ${needle.toLowerCase()}) > 0`;
      const result = (await t.app.db.execute(
        sql`select count(*)::int as n from ${table} where ${hit}`,
      )) as unknown as { rows: { n: number }[] };
      if ((result.rows[0]?.n ?? 0) > 0)
        found.push(`${c.table_schema}.${c.table_name}.${c.column_name}: ${needle}`);
    }
  }
  return found;
}

/** Every file under the app's data folder (mail, uploads, exports) that holds one of `needles`. */
async function foundOnDisk(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(t.dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = (await readFile(path)).toString('utf8').toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) found.push(`${path}: ${needle}`);
  }
  return found;
}

test('the export holds everything of the person; after the erasure nothing of them is left but the audit fact', async () => {
  const id = tag();
  const email = `Zeynep.Gizli-${id}@Example.org`;
  const name = `Zeynep Gizli${id}`;
  const marker = `kvkk-marker-${id}`;
  const other = `other-${id}@example.org`;

  // A booking with a message, and an appointment staff set on it.
  const booked = await post('/api/sessions/book', {
    name,
    email,
    phone: '+90 555 000 0000',
    session_type: 'individual',
    preferred_date: '2026-03-01',
    message: `About my sleep ${marker}`,
    health_consent: true,
    privacy_notice_version: '2026-11',
  });
  assert.equal(booked.statusCode, 201, booked.body);
  const [booking] = await t.app.db
    .select()
    .from(bookings)
    .where(eq(bookings.reference, booked.json().reference));
  assert.ok(booking);
  const appointment = await t.app.inject({
    method: 'PUT',
    url: `/api/sessions/${booking.id}/appointment`,
    headers: { authorization: staff },
    payload: {
      starts_at: '2026-02-10T10:00:00+03:00',
      mode: 'in_person',
      with: 'Dr Aylin',
      location: 'Room 2',
    },
  });
  assert.equal(appointment.statusCode, 200, appointment.body);

  // The only place of an event; the other person waits for it.
  const eventId = await newEvent(`Sleep workshop ${id}`, '2026-05-01T15:00:00Z');
  assert.equal((await post(`/api/events/${eventId}/register`, { name, email })).statusCode, 201);
  const waits = await post(`/api/events/${eventId}/register`, { name: 'Other Person', email: other });
  assert.equal(waits.json().status, 'waiting', waits.body);

  const applied = await post('/api/volunteers', {
    name,
    email,
    phone: '+90 555 000 0001',
    availability: `weekends ${marker}`,
    message: `I would like to help ${marker}`,
  });
  assert.equal(applied.statusCode, 201, applied.body);
  const wrote = await post('/api/contact', {
    name,
    email,
    subject: 'A question',
    message: `Hello ${marker}`,
  });
  assert.equal(wrote.statusCode, 201, wrote.body);
  const [message] = await t.app.db
    .select()
    .from(contactMessages)
    .where(eq(contactMessages.reference, wrote.json().reference));
  assert.ok(message);
  const answered = await post(
    `/api/contact/${message.id}/reply`,
    { body: `Our answer ${marker}-reply` },
    staff,
  );
  assert.equal(answered.statusCode, 200, answered.body);
  await t.mail(
    (m) => sentTo(m).toLowerCase() === email.toLowerCase() && /^Re:/.test(m.subject ?? ''),
    'the reply',
  );

  // What is held, counted the same whatever the address's case.
  const counted = await privacy('count', { email: email.toLowerCase() });
  assert.equal(counted.statusCode, 200, counted.body);
  const { counts } = counted.json();
  assert.deepEqual(
    { ...counts, mails: counts.mails >= 5 },
    { bookings: 1, registrations: 1, volunteer_applications: 1, contact_messages: 1, mails: true },
  );

  const exported = await privacy('export', { email });
  assert.equal(exported.statusCode, 200, exported.body);
  assert.match(
    String(exported.headers['content-disposition']),
    /^attachment; filename="personal-data\.json"/,
  );
  const doc = exported.json();
  assert.equal(doc.bookings[0].message, `About my sleep ${marker}`);
  assert.equal(doc.bookings[0].appointment_with, 'Dr Aylin');
  assert.equal(doc.bookings[0].appointment_location, 'Room 2');
  assert.equal(doc.bookings[0].manage_token_hash, undefined, 'our token hashes are not the person’s data');
  assert.equal(doc.registrations[0].event.title, `Sleep workshop ${id}`);
  assert.equal(doc.registrations[0].status, 'confirmed');
  assert.equal(doc.volunteer_applications[0].availability, `weekends ${marker}`);
  assert.equal(doc.contact_messages[0].message, `Hello ${marker}`);
  assert.equal(doc.mails.length, counts.mails);
  assert.ok(JSON.stringify(doc.mails).includes(`${marker}-reply`), 'the answer is in the mails');

  // Confirmed with stale counts: a 409 with the counts now, and nothing erased.
  const { mails: _mails, ...expected } = counts;
  const stale = await privacy('erase', { email, expected: { ...expected, bookings: 0 } });
  assert.equal(stale.statusCode, 409, stale.body);
  assert.equal(stale.json().error.code, 'COUNT_CHANGED');
  assert.equal((await privacy('count', { email })).json().counts.bookings, 1);

  const erased = await privacy('erase', { email, expected });
  assert.equal(erased.statusCode, 200, erased.body);
  assert.deepEqual({ ...erased.json().erased, mails: undefined }, { ...expected, mails: undefined });
  assert.ok(erased.json().files >= 5, erased.body);
  assert.deepEqual((await privacy('count', { email })).json(), {
    counts: { bookings: 0, registrations: 0, volunteer_applications: 0, contact_messages: 0, mails: 0 },
    total: 0,
  });

  // The freed place went to the one waiting, as a cancellation gives it.
  const [promoted] = await t.app.db.select().from(registrations).where(eq(registrations.email, other));
  assert.equal(promoted?.status, 'confirmed');

  const needles = [email, name, marker];
  assert.deepEqual(await foundInDatabase(needles), []);
  assert.deepEqual(await foundOnDisk(needles), []);
  const lines = t.logs.map((l) => JSON.stringify(l).toLowerCase());
  assert.deepEqual(
    needles.filter((n) => lines.some((l) => l.includes(n.toLowerCase()))),
    [],
    'nothing of the person in a log line',
  );

  // The audit log keeps the fact, as counts.
  const facts = await t.app.db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.action, ['privacy.exported', 'privacy.erased', 'privacy.mails_erased']));
  assert.deepEqual(facts.map((f) => f.action).sort(), [
    'privacy.erased',
    'privacy.exported',
    'privacy.mails_erased',
  ]);
  assert.deepEqual(facts.find((f) => f.action === 'privacy.erased')?.changes, { counts: expected });
  assert.ok(facts.every((f) => f.actorId && f.requestId));
});

test('only a superadmin may count, export or erase; the address must be one', async () => {
  const email = `someone-${tag()}@example.org`;
  const expected = { bookings: 0, registrations: 0, volunteer_applications: 0, contact_messages: 0 };
  for (const [what, body] of [
    ['count', { email }],
    ['export', { email }],
    ['erase', { email, expected }],
  ] as const) {
    assert.equal((await privacy(what, body, staff)).statusCode, 403, `${what} as staff`);
    assert.equal((await post(`/api/admin/privacy/${what}`, body)).statusCode, 401, `${what} anonymously`);
    const bad = await privacy(what, { ...body, email: 'not an address' });
    assert.equal(bad.statusCode, 400, `${what} of no address`);
    assert.equal(bad.json().error.code, 'VALIDATION_FAILED', 'the error shape');
  }
  const refused = await t.app.db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.action, ['privacy.exported', 'privacy.erased']));
  assert.ok(
    refused.every((f) => f.requestId !== null),
    'a refused request is not audited as done',
  );
});

test('the retention schedule erases closed records past RETENTION_DAYS and keeps open ones', async () => {
  const id = tag();
  const at = (email: string) => `${email}-${id}@example.org`;
  t.clock.set('2026-01-10T09:00:00Z');
  // A token from the clock's new time.
  const staffNow = (await t.admin('staff')).authorization;
  for (const who of ['kept', 'gone']) {
    const res = await post('/api/sessions/book', {
      name: `Retention ${who}`,
      email: at(`booking-${who}`),
      session_type: 'couple',
      preferred_date: '2026-02-01',
      health_consent: true,
      privacy_notice_version: '2026-11',
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(
      (await post('/api/volunteers', { name: 'V', email: at(`volunteer-${who}`) })).statusCode,
      201,
    );
    assert.equal(
      (await post('/api/contact', { name: 'C', email: at(`contact-${who}`), message: 'Hello' })).statusCode,
      201,
    );
  }
  const patch = (url: string, status: string) =>
    t.app.inject({ method: 'PATCH', url, headers: { authorization: staffNow }, payload: { status } });
  const idOf = async (
    table: typeof volunteerApplications | typeof contactMessages | typeof bookings,
    email: string,
  ) => (await t.app.db.select({ id: table.id }).from(table).where(eq(table.email, email)))[0]?.id ?? '';
  assert.equal(
    (await patch(`/api/sessions/${await idOf(bookings, at('booking-gone'))}/status`, 'cancelled')).statusCode,
    200,
  );
  assert.equal(
    (
      await patch(
        `/api/volunteers/${await idOf(volunteerApplications, at('volunteer-gone'))}/status`,
        'rejected',
      )
    ).statusCode,
    200,
  );
  assert.equal(
    (
      await patch(
        `/api/volunteers/${await idOf(volunteerApplications, at('volunteer-kept'))}/status`,
        'accepted',
      )
    ).statusCode,
    200,
  );
  assert.equal(
    (await patch(`/api/contact/${await idOf(contactMessages, at('contact-gone'))}/status`, 'archived'))
      .statusCode,
    200,
  );
  const past = await newEvent(`Past ${id}`, '2026-01-10T15:00:00Z', 5);
  const future = await newEvent(`Future ${id}`, '2029-01-20T15:00:00Z', 5);
  assert.equal(
    (await post(`/api/events/${past}/register`, { name: 'R', email: at('reg-gone') })).statusCode,
    201,
  );
  assert.equal(
    (await post(`/api/events/${future}/register`, { name: 'R', email: at('reg-kept') })).statusCode,
    201,
  );

  // 731 days on, the nightly job runs.
  t.clock.set('2028-01-11T09:00:00Z');
  const jobId = await t.app.jobs.send(RETENTION_QUEUE, {});
  let state = '';
  for (let i = 0; i < 300 && state !== 'completed' && state !== 'failed'; i++) {
    state = (await t.app.jobs.job(RETENTION_QUEUE, jobId))?.state ?? '';
    if (state !== 'completed') await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(state, 'completed');

  const left = async (
    table: typeof bookings | typeof volunteerApplications | typeof contactMessages | typeof registrations,
  ) =>
    (await t.app.db.select({ email: table.email }).from(table))
      .map((r) => r.email)
      .filter((e) => e.endsWith(`-${id}@example.org`))
      .sort();
  assert.deepEqual(await left(bookings), [at('booking-kept')]);
  assert.deepEqual(await left(volunteerApplications), [at('volunteer-kept')]);
  assert.deepEqual(await left(contactMessages), [at('contact-kept')]);
  assert.deepEqual(await left(registrations), [at('reg-kept')]);
  const [fact] = await t.app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'privacy.retention_erased'));
  assert.ok(fact);
  assert.equal(fact.actorId, null);
  const factCounts = (fact.changes as { counts: Record<string, number> }).counts;
  for (const kind of ['bookings', 'registrations', 'volunteer_applications', 'contact_messages']) {
    assert.ok((factCounts[kind] ?? 0) >= 1, `${kind} counted`);
  }
});
