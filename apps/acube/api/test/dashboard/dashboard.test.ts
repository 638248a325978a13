// The panel's dashboard through the real server: what waits for staff (pending bookings, new
// messages and applications, counted through their modules) and the jobs' state; admins only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bookings, contactMessages, volunteerApplications } from '../../src/db/schema/index.ts';
import { type AcubeTest, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
before(async () => {
  t = await startAcube();
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

const dashboard = (authorization?: string) =>
  t.app.inject({ url: '/api/admin/dashboard', ...(authorization ? { headers: { authorization } } : {}) });

test('the dashboard counts pending bookings, new messages and applications, and running and failed jobs', async () => {
  const before = (await dashboard(staff)).json();
  const person = (i: number, tag: string) => ({
    reference: `${tag}-${i}`,
    name: `P${i}`,
    email: `${tag}${i}@example.org`,
    dedupeKey: `${tag}-${i}`,
  });
  await t.app.db.insert(bookings).values([
    ...[0, 1, 2].map((i) => ({
      ...person(i, 'DB'),
      sessionType: 'individual' as const,
      preferredDate: '2030-01-01',
      manageTokenHash: `db-${i}`,
    })),
    {
      ...person(3, 'DB'),
      sessionType: 'couple' as const,
      preferredDate: '2030-01-01',
      manageTokenHash: 'db-3',
      status: 'confirmed' as const,
    },
  ]);
  await t.app.db.insert(contactMessages).values([
    { ...person(0, 'DC'), message: 'hello' },
    { ...person(1, 'DC'), message: 'hello', status: 'read' as const },
  ]);
  await t.app.db
    .insert(volunteerApplications)
    .values([
      { ...person(0, 'DV') },
      { ...person(1, 'DV') },
      { ...person(2, 'DV'), status: 'accepted' as const },
    ]);
  const res = await dashboard(staff);
  assert.equal(res.statusCode, 200, res.body);
  const now = res.json();
  assert.equal(now.bookings_new - before.bookings_new, 3);
  assert.equal(now.messages_new - before.messages_new, 1);
  assert.equal(now.applications_new - before.applications_new, 2);
  assert.ok(Number.isInteger(now.jobs_running) && now.jobs_running >= 0);
  assert.ok(Number.isInteger(now.jobs_failed) && now.jobs_failed >= 0);
  assert.deepEqual(Object.keys(now).sort(), [
    'applications_new',
    'bookings_new',
    'jobs_failed',
    'jobs_running',
    'messages_new',
  ]);
});

test('only admins see the dashboard', async () => {
  assert.equal((await dashboard()).statusCode, 401);
  assert.equal((await dashboard('Bearer not-a-token')).statusCode, 401);
});
