// Data the fault tests need, written straight into the cluster's PostgreSQL databases, as the
// apps' own HTTP tests seed theirs: ATTN teachers with a login session (the cookie holds the
// token, the table its hash) and a course each; A-Cube staff admins with an access token
// signed under the cluster's APP_SECRET; contact messages for a bulk operation.
import { readFileSync } from 'node:fs';
import { AccessTokens, Sessions } from '@campus/platform/auth';
import { systemClock } from '@campus/platform/clock';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { admins, contactMessages } from '../../../apps/acube/api/src/db/schema/index.ts';
import {
  courses,
  courseTeachers,
  enrollments,
  terms,
  type UserRole,
  users,
} from '../../../apps/attn/api/src/db/schema/index.ts';
import { SESSION_COOKIE } from '../../../apps/attn/api/src/modules/auth/index.ts';

/** A pool on one of the cluster's databases, and drizzle over it (closed with `close`). */
export function openDb(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'faults-test' });
  pool.on('error', () => {});
  return { pool, db: drizzle({ client: pool, casing: 'snake_case' }), close: () => pool.end() };
}

export interface AttnPerson {
  id: string;
  schoolNumber: string;
  fullName: string;
  cookie: string;
}

export interface AttnSeed {
  teachers: AttnPerson[];
  /** The first teacher's course, with `student` enrolled. */
  courseId: string;
  student: AttnPerson;
}

/** `teachers` teachers, each with a session and a course (the first one with a student enrolled). */
export async function seedAttn(databaseUrl: string, teachers: number): Promise<AttnSeed> {
  const { db, close } = openDb(databaseUrl);
  try {
    const sessions = new Sessions({ clock: systemClock });
    const tag = crypto.randomUUID().slice(0, 8);
    let n = 0;
    const person = async (role: UserRole): Promise<AttnPerson> => {
      const fullName = `Faults ${role} ${tag} ${++n}`;
      const [row] = await db
        .insert(users)
        .values({ schoolNumber: `F${role[0]}${tag}${n}`, fullName, role })
        .returning();
      if (!row) throw new Error('no user');
      const { token } = await sessions.create(db as never, row.id);
      return { id: row.id, schoolNumber: row.schoolNumber, fullName, cookie: `${SESSION_COOKIE}=${token}` };
    };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [term] = await db
      .insert(terms)
      .values({ title: `Faults ${tag}`, startsOn: day(-30), endsOn: day(60) })
      .returning();
    if (!term) throw new Error('no term');
    const people: AttnPerson[] = [];
    let firstCourse = '';
    for (let i = 0; i < teachers; i++) {
      const teacher = await person('teacher');
      const [course] = await db
        .insert(courses)
        .values({ termId: term.id, code: `F${tag}${i}`, title: `Faults course ${i}` })
        .returning();
      if (!course) throw new Error('no course');
      await db.insert(courseTeachers).values({ courseId: course.id, teacherId: teacher.id });
      if (i === 0) firstCourse = course.id;
      people.push(teacher);
    }
    const student = await person('student');
    await db.insert(enrollments).values({ courseId: firstCourse, studentId: student.id, source: 'csv' });
    return { teachers: people, courseId: firstCourse, student };
  } finally {
    await close();
  }
}

/** The cluster's APP_SECRET for an app, from its environment (APP_SECRET or APP_SECRET_FILE). */
export function appSecretOf(env: Record<string, string | undefined>): string {
  if (env.APP_SECRET) return env.APP_SECRET;
  if (env.APP_SECRET_FILE) return readFileSync(env.APP_SECRET_FILE, 'utf8').trim();
  throw new Error('the app has neither APP_SECRET nor APP_SECRET_FILE');
}

export interface AcubeAdmin {
  id: string;
  authorization: string;
}

/** `count` A-Cube admins of a role, each with an hour-long access token. */
export async function seedAcubeAdmins(
  databaseUrl: string,
  appSecret: string,
  count: number,
  role: 'staff' | 'superadmin' = 'staff',
): Promise<AcubeAdmin[]> {
  const { db, close } = openDb(databaseUrl);
  const tokens = new AccessTokens({ appSecret, app: 'acube', clock: systemClock, ttlSeconds: 3600 });
  try {
    const tag = crypto.randomUUID().slice(0, 8);
    const rows = await db
      .insert(admins)
      .values(
        Array.from({ length: count }, (_, i) => ({
          email: `faults-${role}-${tag}-${i}@acube.test`,
          name: `Faults ${role} ${i}`,
          // No password logs in: the test uses the signed token only.
          passwordHash: '!faults-no-password',
          role,
        })),
      )
      .returning({ id: admins.id });
    return Promise.all(
      rows.map(async ({ id }) => ({
        id,
        authorization: `Bearer ${await tokens.sign({ sub: id, roles: [role], sid: crypto.randomUUID() })}`,
      })),
    );
  } finally {
    await close();
  }
}

/**
 * `count` new contact messages whose subject carries `tag` (so a list filter `q: tag` finds
 * them), made a second apart in the past: a bulk operation takes them in this order (oldest
 * first). Their ids, oldest first.
 */
export async function seedContactMessages(
  databaseUrl: string,
  tag: string,
  count: number,
): Promise<string[]> {
  const { db, close } = openDb(databaseUrl);
  const start = Date.now() - (count + 60) * 1000;
  try {
    const rows = await db
      .insert(contactMessages)
      .values(
        Array.from({ length: count }, (_, i) => ({
          reference: `C-${tag}-${i}`,
          name: `Faults ${i}`,
          email: `faults-${i}@example.org`,
          subject: `bulk ${tag}`,
          message: 'A message for the bulk fault test.',
          dedupeKey: `${tag}-${i}`,
          createdAt: new Date(start + i * 1000),
          updatedAt: new Date(start + i * 1000),
        })),
      )
      .returning({ id: contactMessages.id });
    return rows.map((r) => r.id);
  } finally {
    await close();
  }
}
