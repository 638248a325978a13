// What ATTN's HTTP tests share: the app on a fresh database with its own data dir; users with
// a live session cookie; a term, a course, its teacher and its roster in one call.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PasswordHasher, Sessions } from '@campus/platform/auth';
import type { TestClock } from '@campus/platform/clock';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import { courses, courseTeachers, enrollments, terms, type UserRole, users } from '../src/db/schema/index.ts';
import { SESSION_COOKIE } from '../src/modules/auth/index.ts';
import { attnSpec } from '../src/spec.ts';

export const TEST_PASSWORD = 'a test user passphrase';
const hash = new PasswordHasher().hash(TEST_PASSWORD);

export interface TestUser {
  id: string;
  schoolNumber: string;
  role: UserRole;
  /** `{ cookie }` for inject: a live session of this user. */
  headers: Record<string, string>;
}

export interface TestCourse {
  id: string;
  termId: string;
  teacher: TestUser;
  students: TestUser[];
}

export interface AttnTest extends TestApp {
  dir: string;
  /** A new user of this role with a session cookie (password TEST_PASSWORD). */
  user(role: UserRole, opts?: { schoolNumber?: string; fullName?: string }): Promise<TestUser>;
  /** A term around the clock's now, a course, its teacher and `students` enrolled students. */
  course(opts?: { students?: number; teacher?: TestUser }): Promise<TestCourse>;
}

let counter = 0;
const uniqueNumber = (role: UserRole) =>
  `${role[0]}${process.pid}${String(++counter).padStart(4, '0')}${crypto.randomUUID().slice(0, 4)}`;

export async function startAttn(
  env: Record<string, string> = {},
  opts: { clock?: TestClock } = {},
): Promise<AttnTest> {
  const dir = await mkdtemp(join(tmpdir(), 'attn-test-'));
  const t = await createTestApp(attnSpec, {
    env: { DEMO_DATA: 'false', DATA_DIR: dir, ...env },
    clock: opts.clock,
  });
  const sessions = new Sessions({ clock: t.clock });
  const passwordHash = await hash;

  const user: AttnTest['user'] = async (role, opts = {}) => {
    const schoolNumber = opts.schoolNumber ?? uniqueNumber(role);
    const [row] = await t.app.db
      .insert(users)
      .values({ schoolNumber, fullName: opts.fullName ?? `Test ${role} ${schoolNumber}`, role, passwordHash })
      .returning();
    if (!row) throw new Error('user insert returned nothing');
    const session = await sessions.create(t.app.db, row.id);
    return { id: row.id, schoolNumber, role, headers: { cookie: `${SESSION_COOKIE}=${session.token}` } };
  };

  const course: AttnTest['course'] = async (opts = {}) => {
    const now = t.clock.now();
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const [term] = await t.app.db
      .insert(terms)
      .values({ title: `Term ${crypto.randomUUID().slice(0, 6)}`, startsOn: day(-30), endsOn: day(60) })
      .returning();
    if (!term) throw new Error('term insert returned nothing');
    const [row] = await t.app.db
      .insert(courses)
      .values({ termId: term.id, code: `C${crypto.randomUUID().slice(0, 6)}`, title: 'Test course' })
      .returning();
    if (!row) throw new Error('course insert returned nothing');
    const teacher = opts.teacher ?? (await user('teacher'));
    await t.app.db.insert(courseTeachers).values({ courseId: row.id, teacherId: teacher.id });
    const students: TestUser[] = [];
    for (let i = 0; i < (opts.students ?? 3); i++) students.push(await user('student'));
    if (students.length > 0)
      await t.app.db
        .insert(enrollments)
        .values(students.map((s) => ({ courseId: row.id, studentId: s.id, source: 'csv' })));
    return { id: row.id, termId: term.id, teacher, students };
  };

  return {
    ...t,
    dir,
    user,
    course,
    async close() {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
