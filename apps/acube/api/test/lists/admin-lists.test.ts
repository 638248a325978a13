// The admin lists through the real A-Cube server: the same query on every list (text, status,
// days in the organisation's zone, sort, page) with the total matching; booking lists without
// the message, a booking's detail with it and its reading audited; older clients' limit/before.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { eq } from 'drizzle-orm';
import {
  bookings,
  contactMessages,
  events,
  registrations,
  volunteerApplications,
} from '../../src/db/schema/index.ts';
import { type AcubeTest, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
let staffId = '';
before(async () => {
  t = await startAcube({ TIME_ZONE: 'Europe/Istanbul' });
  const s = await t.admin('staff');
  staff = s.authorization;
  staffId = s.id;
});
after(() => t.close());

const get = (url: string, authorization = staff) => t.app.inject({ url, headers: { authorization } });
type Item = Record<string, unknown>;
const names = (res: { json(): { items: Item[] } }) => res.json().items.map((i) => i.name);

/** Bookings of one tag, created an hour apart from `start`, the last one Istanbul's next day. */
async function someBookings(tag: string, n: number, start: string) {
  const at = (i: number) => new Date(new Date(start).getTime() + i * 3_600_000);
  return t.app.db
    .insert(bookings)
    .values(
      Array.from({ length: n }, (_, i) => ({
        reference: `B-${tag.toUpperCase()}${i}`,
        name: `${tag} person ${String.fromCharCode(97 + ((i * 7) % n))}`,
        email: `${tag}${i}@example.org`,
        sessionType: i % 2 ? ('couple' as const) : ('individual' as const),
        preferredDate: '2026-12-01',
        message: i === 0 ? 'I have not slept for weeks' : '',
        status: i % 3 === 0 ? ('confirmed' as const) : ('pending' as const),
        manageTokenHash: `${tag}-${i}`,
        dedupeKey: `${tag}-${i}`,
        createdAt: at(i),
        updatedAt: at(i),
      })),
    )
    .returning();
}

test('bookings: text, status, session type and days filter; sort and page; the total counts every match', async () => {
  // 20:30 UTC on 31 October is 23:30 in Istanbul; each next row an hour later (1 November there).
  const rows = await someBookings('lst', 6, '2026-10-31T20:30:00Z');
  const all = await get('/api/sessions?q=LST&sort=name&page_size=4');
  assert.equal(all.statusCode, 200);
  assert.equal(all.json().total, 6);
  assert.equal(all.json().page_size, 4);
  assert.deepEqual(names(all), ['lst person a', 'lst person b', 'lst person c', 'lst person d']);
  const page2 = await get('/api/sessions?q=lst&sort=name&page_size=4&page=2');
  assert.deepEqual(names(page2), ['lst person e', 'lst person f']);
  assert.equal(page2.json().total, 6);
  assert.deepEqual(names(await get('/api/sessions?q=lst&sort=-name&page_size=2')), [
    'lst person f',
    'lst person e',
  ]);

  const item = all.json().items[0] as Item;
  assert.ok(!('message' in item), 'no message in the list');
  const withMessage = (await get('/api/sessions?q=lst&page_size=100'))
    .json()
    .items.filter((i: Item) => i.has_message);
  assert.deepEqual(
    withMessage.map((i: Item) => i.id),
    [rows[0]?.id],
  );

  assert.equal((await get('/api/sessions?q=lst&status=confirmed')).json().total, 2);
  assert.equal((await get('/api/sessions?q=lst&session_type=couple')).json().total, 3);
  assert.equal((await get('/api/sessions?q=B-LST3')).json().total, 1, 'by reference');
  assert.equal((await get('/api/sessions?q=lst4%40example')).json().total, 1, 'by e-mail');
  assert.equal((await get('/api/sessions?q=lst%25')).json().total, 0, 'a % typed is text, not a wildcard');
  const oct = await get('/api/sessions?q=lst&created_to=2026-10-31');
  assert.equal(oct.json().total, 1, "31 October is Istanbul's: only the first row");
  const nov = await get('/api/sessions?q=lst&created_from=2026-11-01&created_to=2026-11-01');
  assert.equal(nov.json().total, 5);
  assert.equal((await get('/api/sessions?q=lst&created_from=2026-11-02')).json().total, 0);
  const newest = await get('/api/sessions?q=lst&page_size=1');
  assert.equal(newest.json().items[0].id, rows[5]?.id, 'newest first by default');
});

test('an unknown sort column, a page size over 100 or an unknown status is a 400; no token is a 401', async () => {
  for (const url of [
    '/api/sessions?sort=message',
    '/api/sessions?sort=-password',
    '/api/sessions?page_size=101',
    '/api/sessions?status=lost',
    '/api/volunteers?sort=availability',
    '/api/contact?sort=message',
    '/api/admin/events?sort=description',
    '/api/admin/registrations?sort=manage_token_hash',
    '/api/admin/registrations?event_id=nope',
  ]) {
    const res = await get(url);
    assert.equal(res.statusCode, 400, url);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  }
  for (const url of [
    '/api/sessions',
    '/api/volunteers',
    '/api/contact',
    '/api/admin/events',
    '/api/admin/registrations',
  ]) {
    assert.equal((await t.app.inject({ url })).statusCode, 401, url);
    assert.equal((await get(url, 'Bearer not-a-token')).statusCode, 401, url);
  }
});

test("a booking's detail holds its message and its reading is audited: who, which booking, never the text", async () => {
  const [row] = await someBookings('det', 1, '2026-11-10T10:00:00Z');
  const res = await get(`/api/sessions/${row?.id}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().message, 'I have not slept for weeks');
  const entries = await t.app.db.select().from(auditLog).where(eq(auditLog.action, 'booking.message_read'));
  const mine = entries.filter((e) => e.entityId === row?.id);
  assert.equal(mine.length, 1);
  assert.equal(mine[0]?.actorId, staffId);
  assert.equal(mine[0]?.entity, 'booking');
  assert.ok(!JSON.stringify(mine).includes('slept'), 'the text is not in the audit log');
  assert.equal((await get(`/api/sessions/${crypto.randomUUID()}`)).statusCode, 404);
  assert.equal((await t.app.inject({ url: `/api/sessions/${row?.id}` })).statusCode, 401);
});

test("older clients' limit and before page newest first through next_before", async () => {
  await someBookings('old', 5, '2026-09-01T10:00:00Z');
  const first = await get('/api/sessions?q=old&limit=2');
  assert.equal(first.json().items.length, 2);
  const cursor = first.json().next_before;
  assert.ok(cursor);
  const second = await get(`/api/sessions?q=old&limit=2&before=${encodeURIComponent(cursor)}`);
  const third = await get(
    `/api/sessions?q=old&limit=2&before=${encodeURIComponent(second.json().next_before)}`,
  );
  const seen = [...first.json().items, ...second.json().items, ...third.json().items].map(
    (i: Item) => i.reference,
  );
  assert.deepEqual(seen, ['B-OLD4', 'B-OLD3', 'B-OLD2', 'B-OLD1', 'B-OLD0']);
  assert.equal(third.json().next_before, null, 'a short page is the last');
});

test('volunteers and contact: the same filter, sort, page and total; each has a detail', async () => {
  const base = { phone: '', dedupeKey: 'x' };
  await t.app.db.insert(volunteerApplications).values(
    ['vol c', 'vol a', 'vol b'].map((name, i) => ({
      ...base,
      reference: `V-VOL${i}`,
      name,
      email: `vol${i}@example.org`,
      status: i === 0 ? ('accepted' as const) : ('new' as const),
    })),
  );
  const v = await get('/api/volunteers?q=VOL&sort=name&page_size=2');
  assert.equal(v.statusCode, 200);
  assert.equal(v.json().total, 3);
  assert.deepEqual(names(v), ['vol a', 'vol b']);
  assert.equal((await get('/api/volunteers?q=vol&status=accepted')).json().items[0].name, 'vol c');
  const one = v.json().items[0];
  assert.equal((await get(`/api/volunteers/${one.id}`)).json().reference, one.reference);
  assert.equal((await get(`/api/volunteers/${crypto.randomUUID()}`)).statusCode, 404);

  await t.app.db.insert(contactMessages).values(
    ['Rent help', 'Opening hours'].map((subject, i) => ({
      ...base,
      reference: `C-MSG${i}`,
      name: `msg sender ${i}`,
      email: `msg${i}@example.org`,
      subject,
      message: 'free text',
      status: 'new' as const,
    })),
  );
  const c = await get('/api/contact?q=opening');
  assert.equal(c.json().total, 1, 'contact text search looks in the subject too');
  const sorted = await get('/api/contact?q=msg&sort=-subject');
  assert.deepEqual(
    sorted.json().items.map((i: Item) => i.subject),
    ['Rent help', 'Opening hours'],
  );
  assert.equal((await get(`/api/contact/${sorted.json().items[0].id}`)).json().message, 'free text');
});

test('events (latest start first) with places taken; registrations across events with their event', async () => {
  const [early, late] = await t.app.db
    .insert(events)
    .values([
      {
        title: 'Evt walk',
        location: 'Park',
        startsAt: new Date('2026-12-01T10:00:00Z'),
        capacity: 1,
        status: 'published',
      },
      { title: 'Evt talk', location: 'Hall', startsAt: new Date('2026-12-05T10:00:00Z'), capacity: 5 },
    ])
    .returning();
  const list = await get('/api/admin/events?q=evt');
  assert.equal(list.statusCode, 200);
  assert.equal(list.json().total, 2);
  assert.deepEqual(
    list.json().items.map((e: Item) => e.title),
    ['Evt talk', 'Evt walk'],
  );
  assert.equal((await get('/api/admin/events?q=park')).json().total, 1, 'by location');
  assert.equal((await get('/api/admin/events?q=evt&status=draft')).json().items[0].id, late?.id);
  assert.equal((await get(`/api/admin/events/${early?.id}`)).json().title, 'Evt walk');
  assert.equal((await get(`/api/admin/events/${crypto.randomUUID()}`)).statusCode, 404);

  const reg = (eventId: string, name: string, status: 'confirmed' | 'waiting', position: number | null) => ({
    eventId,
    name,
    email: `${name.replace(/ /g, '')}@example.org`,
    status,
    position,
    manageTokenHash: crypto.randomUUID(),
  });
  await t.app.db
    .insert(registrations)
    .values([
      reg(early?.id ?? '', 'reg anna', 'confirmed', null),
      reg(early?.id ?? '', 'reg bora', 'waiting', 1),
      reg(late?.id ?? '', 'reg cem', 'confirmed', null),
    ]);
  const withPlaces = (await get('/api/admin/events?q=walk')).json().items[0];
  assert.deepEqual([withPlaces.confirmed, withPlaces.waiting], [1, 1]);

  const regs = await get('/api/admin/registrations?q=reg&sort=event_title');
  assert.equal(regs.statusCode, 200);
  assert.equal(regs.json().total, 3);
  assert.deepEqual(
    regs.json().items.map((r: Item) => r.event_title),
    ['Evt talk', 'Evt walk', 'Evt walk'],
    'by the event title; the id breaks the tie',
  );
  const ofOne = await get(`/api/admin/registrations?event_id=${early?.id}&status=waiting`);
  assert.deepEqual(
    ofOne.json().items.map((r: Item) => [r.name, r.event_id, r.position]),
    [['reg bora', early?.id, 1]],
  );
  assert.equal((await get('/api/admin/registrations?q=evt%20talk')).json().total, 1, "by its event's title");
});
