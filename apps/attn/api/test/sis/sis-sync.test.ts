// The SIS sync on the real database against the simulated SIS: a first run creates terms,
// courses, people and rosters; a second changes nothing; SIS changes are reflected, CSV rows and
// local accounts left alone; a SIS that cannot answer makes a failed run and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Sessions } from '@campus/platform/auth';
import { captureLogger } from '@campus/platform/testing';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import {
  courses,
  courseTeachers,
  enrollments,
  sisSyncRuns,
  terms,
  users,
} from '../../src/db/schema/index.ts';
import { demoRoster, type SimUser } from '../../src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../src/modules/sis/simulator/sis-simulator.ts';
import { createSisClient, type SisClient } from '../../src/modules/sis/sis-client.ts';
import { type SyncChanges, totalChanges } from '../../src/modules/sis/sis-sync.plan.ts';
import { syncFromSis } from '../../src/modules/sis/use-cases/sync-from-sis.ts';
import { type AttnTest, startAttn } from '../helpers.ts';

const STUDENTS = 30;

describe('SIS sync', () => {
  let t: AttnTest;
  let sim: SisSimulator;
  let sis: SisClient;
  const logged = captureLogger();
  const sync = () => syncFromSis({ db: t.app.db, sis, clock: t.clock, logger: logged.logger });

  /** Every row the sync could touch, as comparable text. */
  async function snapshot() {
    const db = t.app.db;
    const rows = await Promise.all([
      db.select().from(terms).orderBy(terms.id),
      db.select().from(courses).orderBy(courses.id),
      db.select().from(users).orderBy(users.id),
      db.select().from(courseTeachers).orderBy(courseTeachers.courseId, courseTeachers.teacherId),
      db.select().from(enrollments).orderBy(enrollments.courseId, enrollments.studentId),
    ]);
    return JSON.stringify(rows);
  }

  const studentPairs = () => sim.data.enrollments.filter((e) => e.role === 'student').length;

  before(async () => {
    sim = await startSisSimulator({ data: demoRoster({ students: STUDENTS }) });
    t = await startAttn();
    sis = createSisClient({
      url: sim.url,
      logger: captureLogger().logger,
      timeoutMs: 1000,
      retryDelayMs: 10,
      pageSize: 16,
      halfOpenAfterMs: 100,
    });
  });
  after(async () => {
    await t?.close();
    await sim?.close();
  });

  test('the first run creates the term, courses, people, teachers and rosters, and records what it did', async () => {
    const result = await sync();
    assert.equal(result.status, 'ok');
    assert.deepEqual(result.run?.changes, {
      terms: { created: 1, updated: 0, removed: 0 },
      courses: { created: 4, updated: 0, removed: 0 },
      users: { created: 3 + STUDENTS, updated: 0, removed: 0 },
      teachers: { created: 4, updated: 0, removed: 0 },
      enrollments: { created: studentPairs(), updated: 0, removed: 0 },
      skipped: { invalid: 0, unresolved: 0, conflicts: 0 },
    });
    assert.ok(result.run?.finishedAt);
    const sisUsers = await t.app.db.select().from(users).where(isNotNull(users.sisId));
    assert.equal(sisUsers.length, 3 + STUDENTS);
    assert.ok(
      sisUsers.every((u) => u.passwordHash === null),
      'SIS people have no local password',
    );
    const teacher = sisUsers.find((u) => u.schoolNumber === 'T1001');
    assert.deepEqual(
      { role: teacher?.role, name: teacher?.fullName, email: teacher?.email },
      { role: 'teacher', name: 'Selin Kaya', email: 't1001@uni.example' },
    );
    const [term] = await t.app.db.select().from(terms).where(eq(terms.sisId, 'term-2026-spring'));
    assert.deepEqual(
      [term?.title, term?.startsOn, term?.endsOn],
      ['2026 Spring', '2026-02-09', '2026-06-12'],
    );
    const roster = await t.app.db.select().from(enrollments);
    assert.ok(roster.every((e) => e.source === 'sis'));
  });

  test('a second run with nothing changed in the SIS changes nothing and says so', async () => {
    const before = await snapshot();
    const result = await sync();
    assert.equal(result.status, 'ok');
    const changes = result.run?.changes as Record<
      string,
      { created: number; updated: number; removed: number }
    >;
    for (const kind of ['terms', 'courses', 'users', 'teachers', 'enrollments']) {
      assert.deepEqual(changes[kind], { created: 0, updated: 0, removed: 0 }, kind);
    }
    assert.equal(await snapshot(), before);
  });

  test('SIS changes are reflected; CSV rows and local accounts are never touched', async () => {
    const db = t.app.db;
    const [cs101] = await db.select().from(courses).where(eq(courses.code, 'CENG 101'));
    assert.ok(cs101);
    // An admin's CSV import put a local student on a SIS course, and a local teacher too.
    const local = await t.user('student');
    const localTeacher = await t.user('teacher');
    await db.insert(enrollments).values({ courseId: cs101.id, studentId: local.id, source: 'csv' });
    await db.insert(courseTeachers).values({ courseId: cs101.id, teacherId: localTeacher.id });
    // A local account holds a number the SIS gives to someone else.
    const holder = await t.user('admin', { schoolNumber: '202699999' });

    const dropped = sim.data.enrollments.findIndex((e) => e.role === 'student');
    const [gone] = sim.data.enrollments.splice(dropped, 1);
    const teacherLink = sim.data.enrollments.findIndex(
      (e) => e.role === 'teacher' && e.user.sourcedId === 'user-T1001',
    );
    sim.data.enrollments.splice(teacherLink, 1);
    const renamed = sim.data.classes[0];
    assert.ok(renamed && gone);
    renamed.title = 'Programming I';
    const newcomer: SimUser = {
      ...(sim.data.users.at(-1) as SimUser),
      sourcedId: 'user-202600777',
      identifier: '202600777',
    };
    const clash: SimUser = { ...newcomer, sourcedId: 'user-202699999', identifier: '202699999' };
    sim.data.users.push(newcomer, clash);
    sim.data.enrollments.push({
      sourcedId: 'enr-new',
      status: 'active',
      dateLastModified: '2026-02-01T00:00:00Z',
      user: { sourcedId: newcomer.sourcedId },
      class: { sourcedId: renamed.sourcedId },
      role: 'student',
    });

    const result = await sync();
    assert.equal(result.status, 'ok');
    assert.deepEqual(result.run?.changes, {
      terms: { created: 0, updated: 0, removed: 0 },
      courses: { created: 0, updated: 1, removed: 0 },
      users: { created: 1, updated: 0, removed: 0 },
      teachers: { created: 0, updated: 0, removed: 1 },
      enrollments: { created: 1, updated: 0, removed: 1 },
      skipped: { invalid: 0, unresolved: 0, conflicts: 1 },
    });
    const [after] = await db.select().from(courses).where(eq(courses.id, cs101.id));
    assert.equal(after?.title, 'Programming I');
    const csv = await db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.courseId, cs101.id), eq(enrollments.studentId, local.id)));
    assert.equal(csv[0]?.source, 'csv', 'the CSV enrollment stays');
    const teachers = await db.select().from(courseTeachers).where(eq(courseTeachers.courseId, cs101.id));
    assert.deepEqual(
      teachers.map((r) => r.teacherId),
      [localTeacher.id],
      'the local teacher stays, the SIS teacher the SIS dropped goes',
    );
    const [kept] = await db.select().from(users).where(eq(users.id, holder.id));
    assert.equal(kept?.sisId, null, 'the local account keeps its number and stays local');
    assert.equal(kept?.role, 'admin');

    const again = await sync();
    assert.equal(again.status, 'ok');
    assert.equal(totalChanges(again.run?.changes as unknown as SyncChanges), 0, 'and then settles');
  });

  test('a SIS that cannot answer makes a failed run with the reason, and changes nothing', async () => {
    const changed = sim.data.classes[1];
    assert.ok(changed);
    changed.title = 'A change that must not arrive';
    const before = await snapshot();
    await sim.setMode({ failRate: 1, failStatus: 503 });
    try {
      const result = await sync();
      assert.equal(result.status, 'failed');
      assert.equal(result.run?.status, 'failed');
      assert.match(result.run?.error ?? '', /503/);
      assert.ok(result.run?.finishedAt);
    } finally {
      await sim.setMode({ failRate: 0 });
    }
    await sim.setMode({ down: true });
    try {
      const result = await sync();
      assert.equal(result.status, 'failed');
      assert.match(result.run?.error ?? '', /connection failed|circuit open/);
    } finally {
      await sim.setMode({ down: false });
    }
    assert.equal(await snapshot(), before);
    const runs = await t.app.db.select().from(sisSyncRuns).where(eq(sisSyncRuns.status, 'running'));
    assert.equal(runs.length, 0, 'no run left running');
  });

  test('a roster shrunk below half of what the SIS gave before is refused, unless an admin allows it', async () => {
    // The test before left the circuit open for a moment: wait for a run that goes through.
    for (let i = 0; i < 100 && (await sync()).status !== 'ok'; i++) await sleep(50);
    const before = await snapshot();
    const kept = sim.data.enrollments;
    sim.data.enrollments = kept.filter((e) => e.role !== 'student');
    try {
      const refused = await sync();
      assert.equal(refused.status, 'failed');
      assert.match(refused.run?.error ?? '', /likely SIS fault/);
      assert.equal(await snapshot(), before, 'nothing written');
      const allowed = await syncFromSis({
        db: t.app.db,
        sis,
        clock: t.clock,
        logger: logged.logger,
        allowShrink: true,
      });
      assert.equal(allowed.status, 'ok');
      const [left] = await t.app.db
        .select({ n: sql<number>`count(*)::int` })
        .from(enrollments)
        .where(eq(enrollments.source, 'sis'));
      assert.equal(left?.n, 0);
    } finally {
      sim.data.enrollments = kept;
      await sync();
    }
  });

  test('a role changed in the SIS ends that person’s sessions, and only theirs', async () => {
    await sync();
    const sessions = new Sessions({ clock: t.clock });
    const people = sim.data.users.filter((u) => u.roles.some((r) => r.role === 'student'));
    const [changed, unchanged] = people;
    assert.ok(changed && unchanged);
    const idOf = async (sisId: string) =>
      (await t.app.db.select().from(users).where(eq(users.sisId, sisId)))[0]?.id ?? '';
    const a = await sessions.create(t.app.db, await idOf(changed.sourcedId), {
      schoolNumber: changed.identifier,
      role: 'student',
    });
    const b = await sessions.create(t.app.db, await idOf(unchanged.sourcedId), {
      schoolNumber: unchanged.identifier,
      role: 'student',
    });
    const roles = changed.roles;
    changed.roles = [{ ...roles[0], role: 'teacher' } as (typeof roles)[number]];
    try {
      assert.equal((await sync()).status, 'ok');
      assert.equal(await sessions.lookup(t.app.db, a.token), null, 'the changed person logs in again');
      assert.ok(await sessions.lookup(t.app.db, b.token), 'others keep their sessions');
    } finally {
      changed.roles = roles;
      await sync();
    }
  });

  test('two syncs at once: one runs, the other is skipped', async () => {
    await sim.setMode({ delayMs: 150 });
    try {
      // A fresh client: the previous test left this one's circuit open.
      sis = createSisClient({ url: sim.url, logger: logged.logger, timeoutMs: 1000 });
      const results = await Promise.all([sync(), sync()]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['ok', 'skipped']);
    } finally {
      await sim.setMode({ delayMs: 0 });
    }
    const [count] = await t.app.db.select({ n: sql<number>`count(*)::int` }).from(sisSyncRuns);
    assert.ok((count?.n ?? 0) >= 6);
  });
});
