// bench:checkin: a term, a course, its teacher and a roster with login sessions; a fresh attendance session per round.
import { join } from 'node:path';
import { createDatabase } from '../../packages/platform/src/db/create-database.ts';
import { quiet, root } from './settings.ts';

export type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** A fresh embedded ATTN database in dataDir, migrated, filled by `fill` and closed again. */
export async function seedEmbedded<T>(dataDir: string, fill: (query: Query) => Promise<T>): Promise<T> {
  const migrationsFolder = join(root, 'apps/attn/api/src/db/migrations');
  const db = await createDatabase({ dataDir, migrationsFolder, logger: quiet });
  const pglite = db.pglite;
  if (!pglite) throw new Error('expected PGlite');
  try {
    return await fill(async (text, params) => (await pglite.query(text, params)).rows as never);
  } finally {
    await db.close();
  }
}

/** A term, a course, its teacher and `n` enrolled students, each with a live login session. */
export async function seed(query: Query, n: number, salt: string) {
  const one = async (text: string, params: unknown[] = []) =>
    (await query(text, params))[0] as { id: string };
  const term = await one(
    `insert into terms (title, starts_on, ends_on) values ('Bench term', current_date - 30, current_date + 60) returning id`,
  );
  const course = await one(
    `insert into courses (term_id, code, title) values ($1, 'BENCH 101', 'Bench course') returning id`,
    [term.id],
  );
  const teacher = await one(
    `insert into users (school_number, full_name, role) values ('bench-teacher', 'Bench Teacher', 'teacher') returning id`,
  );
  await query('insert into course_teachers (course_id, teacher_id) values ($1, $2)', [course.id, teacher.id]);
  await query(
    `insert into users (school_number, full_name, role)
     select 'bench-s' || g, 'Student ' || g, 'student' from generate_series(1, $1::int) g`,
    [n],
  );
  await query(
    `insert into enrollments (course_id, student_id, source)
     select $1, id, 'csv' from users where school_number like 'bench-s%'`,
    [course.id],
  );
  // Student g's cookie token is 'bench-<g>-<salt>'; the table holds its SHA-256, as Sessions does.
  await query(
    `insert into auth_sessions (token_hash, subject, claims, created_at, last_seen_at, expires_at)
     select encode(sha256(convert_to('bench-' || substr(school_number, 8) || '-' || $1, 'UTF8')), 'hex'),
            id::text, jsonb_build_object('schoolNumber', school_number, 'role', role),
            now(), now() + interval '1 day', now() + interval '1 day'
       from users where school_number like 'bench-s%'
     union all
     select encode(sha256(convert_to('bench-teacher-' || $1, 'UTF8')), 'hex'),
            $2::text, jsonb_build_object('schoolNumber', $3::text, 'role', 'teacher'),
            now(), now() + interval '1 day', now() + interval '1 day'`,
    [salt, teacher.id, 'bench-teacher'],
  );
  return { courseId: course.id, teacherCookie: `attn_session=bench-teacher-${salt}` };
}

/** Closes the course's open session, if any, opens a new one with a long step, reads its code. */
export async function freshSession(url: string, courseId: string, cookie: string, previous?: string) {
  const headers = { cookie, 'content-type': 'application/json' };
  if (previous)
    await fetch(`${url}/api/teacher/sessions/${previous}/close`, { method: 'POST', headers: { cookie } });
  const opened = await fetch(`${url}/api/teacher/courses/${courseId}/sessions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ duration_minutes: 600, code_step_seconds: 60 }),
  });
  if (opened.status !== 201) throw new Error(`open session: ${opened.status} ${await opened.text()}`);
  const { id } = (await opened.json()) as { id: string };
  const code = (await (
    await fetch(`${url}/api/teacher/sessions/${id}/code`, { headers: { cookie } })
  ).json()) as {
    code: string;
  };
  return { id, code: code.code };
}
