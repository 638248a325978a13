// What the public pages show of an event: places left and the waiting list, counted from the
// registrations; and its image, attached by staff from an upload and served to anyone only once
// the event is published, with a long cache lifetime and the stored type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { events } from '../../src/db/schema/index.ts';
import { type AcubeTest, startAcube } from '../helpers.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

let t: AcubeTest;
let staff = '';
before(async () => {
  t = await startAcube({ RATE_LIMIT_PUBLIC: '1000/minute' });
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

async function newEvent(capacity: number, status: 'draft' | 'published' = 'published'): Promise<string> {
  const [row] = await t.app.db
    .insert(events)
    .values({ title: 'Places', startsAt: new Date('2026-06-01T18:00:00Z'), capacity, status })
    .returning();
  return row?.id ?? '';
}
const register = (eventId: string, email: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/register`,
    payload: { name: 'Person', email },
  });
const publicEvent = async (id: string) => (await t.app.inject({ url: `/api/events/${id}` })).json();
const listed = async (id: string) =>
  (await t.app.inject({ url: '/api/events' })).json().items.find((e: { id: string }) => e.id === id);

async function upload(filename: string, bytes: Buffer): Promise<string> {
  const boundary = '----acubeevents';
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/uploads',
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: staff },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}
const setImage = (eventId: string, fileId: string | null, authorization = staff) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/admin/events/${eventId}/image`,
    payload: { file_id: fileId },
    headers: { authorization },
  });

test('places left and the waiting list follow the registrations, in the list and the detail alike', async () => {
  const id = await newEvent(2);
  assert.deepEqual(await publicEvent(id).then((e) => [e.capacity, e.places_left, e.waiting, e.image_url]), [
    2,
    2,
    0,
    null,
  ]);
  await register(id, 'one@example.org');
  assert.deepEqual(await publicEvent(id).then((e) => [e.places_left, e.waiting]), [1, 0]);
  await register(id, 'two@example.org');
  await register(id, 'three@example.org');
  await register(id, 'four@example.org');
  assert.deepEqual(await publicEvent(id).then((e) => [e.places_left, e.waiting]), [0, 2]);
  assert.deepEqual(await listed(id).then((e) => [e.places_left, e.waiting]), [0, 2]);

  // Staff lower the capacity below the confirmed: none left, never a negative number.
  const lowered = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/events/${id}`,
    payload: { capacity: 1 },
    headers: { authorization: staff },
  });
  assert.equal(lowered.statusCode, 200);
  assert.deepEqual(await publicEvent(id).then((e) => [e.places_left, e.waiting]), [0, 2]);
});

test("an event's image is public once the event is published, with its type and a long cache lifetime", async () => {
  const id = await newEvent(5, 'draft');
  const fileId = await upload('poster.png', PNG);
  const set = await setImage(id, fileId);
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json().image_file_id, fileId);

  const hidden = await t.app.inject({ url: `/api/events/${id}/image`, headers: { 'x-request-id': 'img-1' } });
  assert.equal(hidden.statusCode, 404, 'not while a draft');
  assert.deepEqual(hidden.json(), {
    error: { code: 'NOT_FOUND', message: 'Image not found', requestId: 'img-1' },
  });

  const published = await t.app.inject({
    method: 'POST',
    url: `/api/admin/events/${id}/publish`,
    headers: { authorization: staff },
  });
  assert.equal(published.statusCode, 200);
  assert.equal((await publicEvent(id)).image_url, `/api/events/${id}/image?v=${fileId}`);
  assert.equal((await listed(id)).image_url, `/api/events/${id}/image?v=${fileId}`);
  // A replaced image has a new address: no browser keeps showing the old one from its cache.
  const other = await upload('other.png', PNG);
  assert.equal((await setImage(id, other)).statusCode, 200);
  assert.equal((await publicEvent(id)).image_url, `/api/events/${id}/image?v=${other}`);
  const versioned = await t.app.inject({ url: `/api/events/${id}/image?v=${other}` });
  assert.equal(versioned.statusCode, 200);
  assert.equal(versioned.headers.etag, `"${other}"`);
  assert.equal((await setImage(id, fileId)).statusCode, 200);

  const image = await t.app.inject({ url: `/api/events/${id}/image` });
  assert.equal(image.statusCode, 200);
  assert.equal(image.headers['content-type'], 'image/png');
  assert.match(String(image.headers['cache-control']), /^public, max-age=\d{6,}/);
  assert.deepEqual(image.rawPayload, PNG);
  const again = await t.app.inject({
    url: `/api/events/${id}/image`,
    headers: { 'if-none-match': String(image.headers.etag) },
  });
  assert.equal(again.statusCode, 304);

  // Removed: no image, and the address is a 404 again.
  assert.equal((await setImage(id, null)).statusCode, 200);
  assert.equal((await publicEvent(id)).image_url, null);
  assert.equal((await t.app.inject({ url: `/api/events/${id}/image` })).statusCode, 404);
});

test('an event without an image, an unknown event and a cancelled one have no image to serve', async () => {
  const bare = await newEvent(5);
  assert.equal((await t.app.inject({ url: `/api/events/${bare}/image` })).statusCode, 404);
  assert.equal(
    (await t.app.inject({ url: '/api/events/00000000-0000-4000-8000-000000000000/image' })).statusCode,
    404,
  );
  const cancelled = await newEvent(5);
  assert.equal((await setImage(cancelled, await upload('p.png', PNG))).statusCode, 200);
  await t.app.inject({
    method: 'POST',
    url: `/api/admin/events/${cancelled}/cancel`,
    headers: { authorization: staff },
  });
  assert.equal((await t.app.inject({ url: `/api/events/${cancelled}/image` })).statusCode, 404);
});

test('only an uploaded image can be an event image, and only staff set it', async () => {
  const id = await newEvent(5);
  const pdf = await upload('leaflet.pdf', PDF);
  const refused = await setImage(id, pdf);
  assert.equal(refused.statusCode, 415);
  assert.equal(refused.json().error.details[0].field, 'body.file_id');
  const unknown = await setImage(id, '00000000-0000-4000-8000-000000000000');
  assert.equal(unknown.statusCode, 404);
  assert.equal((await setImage(id, null, '')).statusCode, 401);
});
