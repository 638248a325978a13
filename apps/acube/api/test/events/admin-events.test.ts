// Events for staff through the real A-Cube server: create (the seed's POST /api/events, now for
// admins), publish, edit, cancel with a mail to every registrant.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
before(async () => {
  t = await startAcube();
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { authorization: staff } });

test('create a draft, publish it, people register, cancel it: every registrant is mailed', async () => {
  const body = { title: 'Art & <healing>', starts_at: '2026-07-01T17:00:00Z', capacity: 1 };
  assert.equal(
    (await t.app.inject({ method: 'POST', url: '/api/events', payload: body })).statusCode,
    401,
    'no longer public',
  );
  const created = await as('POST', '/api/events', body);
  assert.equal(created.statusCode, 201);
  const id = created.json().id;
  assert.equal(created.json().status, 'draft');
  assert.equal((await t.app.inject({ url: `/api/events/${id}` })).statusCode, 404, 'a draft is not public');
  assert.equal((await as('POST', `/api/admin/events/${id}/publish`)).json().status, 'published');
  assert.equal(
    (await as('PATCH', `/api/admin/events/${id}`, { location: 'Hall B' })).json().location,
    'Hall B',
  );
  assert.equal((await t.app.inject({ url: `/api/events/${id}` })).statusCode, 200);

  for (const email of ['r1@example.org', 'r2@example.org']) {
    await t.app.inject({
      method: 'POST',
      url: `/api/events/${id}/register`,
      payload: { name: 'Reg', email },
    });
  }
  const regs = (await as('GET', `/api/admin/events/${id}/registrations`)).json().items;
  assert.deepEqual(
    regs.map((r: { status: string; position: number | null }) => [r.status, r.position]),
    [
      ['confirmed', null],
      ['waiting', 1],
    ],
  );

  const cancelled = await as('POST', `/api/admin/events/${id}/cancel`);
  assert.equal(cancelled.statusCode, 200);
  assert.equal(cancelled.json().notified, 2);
  assert.equal((await as('POST', `/api/admin/events/${id}/cancel`)).statusCode, 409);
  for (const email of ['r1@example.org', 'r2@example.org']) {
    const m = await t.mail(
      (x) => sentTo(x) === email && x.subject === 'Cancelled: Art & <healing>',
      `cancellation mail to ${email}`,
    );
    assert.match(String(m.html), /Art &amp; &lt;healing&gt;/);
  }
});
