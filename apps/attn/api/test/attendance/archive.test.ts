// The archive schedule: attendance of terms that ended more than 30 days ago moves to
// checkins_archive in batches; the term is stamped; reports read the same numbers after.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, inArray, sql } from 'drizzle-orm';
import { checkins, checkinsArchive, terms } from '../../src/db/schema/index.ts';
import { archiveFinishedTerms } from '../../src/modules/attendance/use-cases/archive-finished-terms.ts';
import { type AttnTest, startAttn, type TestCourse } from '../helpers.ts';
import { addCheckin, addSession } from '../reports/attendance-rows.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const DAY = 86_400_000;

/** A course whose term ended `endedDaysAgo` days before the clock, with `n` students checked in to 2 sessions. */
async function finishedCourse(
  endedDaysAgo: number,
  n: number,
): Promise<{ course: TestCourse; ids: string[] }> {
  const course = await t.course({ students: n });
  const session1 = await addSession(t, course, { hoursAgo: 24 * (endedDaysAgo + 10) });
  const session2 = await addSession(t, course, { hoursAgo: 24 * (endedDaysAgo + 3) });
  const ids: string[] = [];
  for (const s of course.students) {
    ids.push(await addCheckin(t, session1, s.id));
    ids.push(await addCheckin(t, session2, s.id, 'late'));
  }
  const day = (d: number) => new Date(t.clock.nowMs() - d * DAY).toISOString().slice(0, 10);
  await t.app.db
    .update(terms)
    .set({ startsOn: day(endedDaysAgo + 100), endsOn: day(endedDaysAgo) })
    .where(eq(terms.id, course.termId));
  return { course, ids };
}

const live = async (ids: string[]) =>
  (await t.app.db.select().from(checkins).where(inArray(checkins.id, ids))).length;
const archived = async (ids: string[]) =>
  (await t.app.db.select().from(checkinsArchive).where(inArray(checkinsArchive.id, ids))).length;
const termOf = async (id: string) => (await t.app.db.select().from(terms).where(eq(terms.id, id)))[0];

test('check-ins of a term over 30 days finished move to the archive in batches; recent terms stay', async () => {
  const old = await finishedCourse(31, 5);
  const recent = await finishedCourse(20, 2);
  const current = await t.course({ students: 1 });
  const s = await addSession(t, current, { hoursAgo: 1 });
  const currentId = await addCheckin(t, s, current.students[0]?.id ?? '');
  const reportBefore = await t.app.inject({
    url: `/api/teacher/courses/${old.course.id}/report`,
    headers: old.course.teacher.headers,
  });

  const result = await archiveFinishedTerms({
    db: () => t.app.db,
    clock: t.clock,
    logger: t.app.log,
    batchSize: 3,
  });
  assert.ok(result.moved >= 10);
  assert.equal(await live(old.ids), 0);
  assert.equal(await archived(old.ids), 10, 'every row once, across batches of 3');
  assert.ok((await termOf(old.course.termId))?.archivedAt);
  assert.equal(await live(recent.ids), 4, 'a term finished 20 days ago stays');
  assert.equal((await termOf(recent.course.termId))?.archivedAt, null);
  assert.equal(await live([currentId]), 1);

  const reportAfter = await t.app.inject({
    url: `/api/teacher/courses/${old.course.id}/report`,
    headers: old.course.teacher.headers,
  });
  assert.deepEqual(reportAfter.json(), reportBefore.json(), 'reports read the archive');
  assert.equal(reportAfter.json().students[0].attended, 2);
  const student = old.course.students[0];
  const history = await t.app.inject({ url: '/api/student/history', headers: student?.headers ?? {} });
  assert.equal(history.json().items.length, 2, 'a student’s history includes archived check-ins');

  const again = await archiveFinishedTerms({ db: () => t.app.db, clock: t.clock, logger: t.app.log });
  assert.deepEqual(again, { terms: 0, moved: 0 }, 'running again changes nothing');
  assert.equal(await archived(old.ids), 10);
});

test('the archive runs daily as a job, once across instances, and can be sent by hand', async () => {
  const result = (await t.app.db.execute(
    sql`select cron from pgboss.schedule where name = 'attn-archive'`,
  )) as unknown as { rows: { cron: string }[] };
  assert.deepEqual(result.rows, [{ cron: '23 3 * * *' }]);

  const old = await finishedCourse(45, 2);
  await t.app.jobs.send('attn-archive', {});
  for (let i = 0; i < 300 && !(await termOf(old.course.termId))?.archivedAt; i++) await sleep(100);
  assert.ok((await termOf(old.course.termId))?.archivedAt, 'the job archived the term');
  assert.equal(await archived(old.ids), 4);
});
