// Demo rows for `npm run attn` on the embedded default, so a first start has something to
// show: a term around today, three courses, a teacher, twenty students, an admin, and a few
// past sessions with check-ins so reports have numbers. Idempotent: written in one transaction,
// skipped when the demo teacher exists.
import type { AppContext } from '@campus/platform/app';
import { PasswordHasher } from '@campus/platform/auth';
import { eq } from 'drizzle-orm';
import type { AttnConfig } from './config.ts';
import {
  attendanceSessions,
  checkins,
  courses,
  courseTeachers,
  enrollments,
  terms,
  users,
} from './db/schema/index.ts';

const DAY = 86_400_000;

/** Demo logins, printed at start; only ever created when DEMO_DATA is on (never in production by default). */
export const DEMO_LOGINS = {
  admin: { schoolNumber: 'A0001', fullName: 'Demo Admin', password: 'demo-admin-pass' },
  teacher: { schoolNumber: 'T1001', fullName: 'Demo Teacher', password: 'demo-teacher-pass' },
  student: { password: 'demo-student-pass' },
} as const;
const STUDENTS = 20;
const studentNumber = (i: number) => `S${2001 + i}`;
const COURSES = [
  { code: 'CENG 101', title: 'Introduction to Programming', students: 20 },
  { code: 'MATH 201', title: 'Linear Algebra', students: 12 },
  { code: 'PHYS 102', title: 'Physics II', students: 8 },
];

export async function seedDemoData(ctx: AppContext<AttnConfig>): Promise<string[]> {
  const { db } = ctx.database;
  const logins = [
    'Demo logins (POST /api/auth/login with school_number and password):',
    `  admin    ${DEMO_LOGINS.admin.schoolNumber} / ${DEMO_LOGINS.admin.password}`,
    `  teacher  ${DEMO_LOGINS.teacher.schoolNumber} / ${DEMO_LOGINS.teacher.password}`,
    `  students ${studentNumber(0)} … ${studentNumber(STUDENTS - 1)} / ${DEMO_LOGINS.student.password}`,
  ];
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.schoolNumber, DEMO_LOGINS.teacher.schoolNumber));
  if (existing) return ['Demo data: already present', ...logins];

  const hasher = new PasswordHasher();
  const [adminHash, teacherHash, studentHash] = await Promise.all([
    hasher.hash(DEMO_LOGINS.admin.password),
    hasher.hash(DEMO_LOGINS.teacher.password),
    hasher.hash(DEMO_LOGINS.student.password),
  ]);
  const now = ctx.clock.nowMs();
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);

  await db.transaction(async (tx) => {
    await tx.insert(users).values([
      { ...pick(DEMO_LOGINS.admin), role: 'admin', passwordHash: adminHash },
      { ...pick(DEMO_LOGINS.teacher), role: 'teacher', passwordHash: teacherHash },
    ]);
    const students = await tx
      .insert(users)
      .values(
        Array.from({ length: STUDENTS }, (_, i) => ({
          schoolNumber: studentNumber(i),
          fullName: `Demo Student ${i + 1}`,
          role: 'student' as const,
          passwordHash: studentHash,
        })),
      )
      .returning({ id: users.id });
    const [teacher] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.schoolNumber, DEMO_LOGINS.teacher.schoolNumber));
    const [term] = await tx
      .insert(terms)
      .values({ title: `Demo term ${day(0).slice(0, 4)}`, startsOn: day(-30), endsOn: day(60) })
      .returning({ id: terms.id });
    if (!teacher || !term) throw new Error('demo data: teacher or term missing');

    for (const [index, c] of COURSES.entries()) {
      const [course] = await tx
        .insert(courses)
        .values({ termId: term.id, code: c.code, title: c.title })
        .returning({ id: courses.id });
      if (!course) throw new Error('demo data: course missing');
      await tx.insert(courseTeachers).values({ courseId: course.id, teacherId: teacher.id });
      const roster = students.slice(0, c.students);
      await tx
        .insert(enrollments)
        .values(roster.map((s) => ({ courseId: course.id, studentId: s.id, source: 'csv' })));
      if (index > 0) continue;
      // Three past weekly sessions of the first course; most students came, a few were late.
      for (let week = 3; week >= 1; week--) {
        const openedAt = new Date(now - week * 7 * DAY);
        const [session] = await tx
          .insert(attendanceSessions)
          .values({
            courseId: course.id,
            openedBy: teacher.id,
            title: `Week ${4 - week}`,
            openedAt,
            endsAt: new Date(openedAt.getTime() + 15 * 60_000),
            closedAt: new Date(openedAt.getTime() + 15 * 60_000),
            codeStepSeconds: 10,
            lateAfterMinutes: 10,
          })
          .returning({ id: attendanceSessions.id });
        if (!session) throw new Error('demo data: session missing');
        const came = roster.filter((_, i) => (i + week) % 5 !== 0);
        await tx.insert(checkins).values(
          came.map((s, i) => ({
            sessionId: session.id,
            studentId: s.id,
            status: i % 7 === 3 ? ('late' as const) : ('present' as const),
            checkedInAt: new Date(openedAt.getTime() + (i + 1) * 20_000),
            deviceId: `demo-device-${i}`,
          })),
        );
      }
    }
  });
  ctx.logger.info({ event: 'demo.seeded' }, 'demo data inserted');
  return [
    `Demo data: a term, ${COURSES.length} courses, a teacher, ${STUDENTS} students, an admin; past sessions in ${COURSES[0]?.code}`,
    ...logins,
  ];
}

const pick = (l: { schoolNumber: string; fullName: string }) => ({
  schoolNumber: l.schoolNumber,
  fullName: l.fullName,
});
