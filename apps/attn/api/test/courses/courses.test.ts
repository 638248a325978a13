// Courses as teachers, students and admins see them, through the real server and database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AttnTest, startAttn } from '../helpers.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ url, headers });

test('a teacher lists the courses they teach with term and roster size, and no one else’s', async () => {
  const mine = await t.course({ students: 3 });
  const other = await t.course({ students: 1 });
  const res = await get('/api/teacher/courses', mine.teacher.headers);
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items;
  assert.deepEqual(
    items.map((c: { id: string }) => c.id),
    [mine.id],
  );
  assert.equal(items[0].roster_size, 3);
  assert.equal(items[0].term.id, mine.termId);
  assert.match(items[0].term.starts_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(!res.body.includes(other.id));
});

test('a teacher reads one of their courses with its roster; another teacher’s is 403, an unknown one 404', async () => {
  const course = await t.course({ students: 2 });
  const res = await get(`/api/teacher/courses/${course.id}`, course.teacher.headers);
  assert.equal(res.statusCode, 200, res.body);
  const roster = res.json().roster as { id: string; school_number: string; full_name: string }[];
  assert.deepEqual(roster.map((s) => s.id).sort(), course.students.map((s) => s.id).sort());
  assert.ok(roster.every((s) => s.school_number && s.full_name));

  const stranger = await t.user('teacher');
  assert.equal((await get(`/api/teacher/courses/${course.id}`, stranger.headers)).statusCode, 403);
  const unknown = await get(`/api/teacher/courses/${crypto.randomUUID()}`, course.teacher.headers);
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'NOT_FOUND');
  assert.equal((await get('/api/teacher/courses/not-a-uuid', course.teacher.headers)).statusCode, 400);
});

test('a student lists only their own courses; teacher routes refuse them', async () => {
  const a = await t.course({ students: 1 });
  const b = await t.course({ students: 1 });
  const student = a.students[0];
  assert.ok(student);
  const res = await get('/api/student/courses', student.headers);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().items.map((c: { id: string }) => c.id),
    [a.id],
  );
  assert.ok(!res.body.includes(b.id));
  assert.equal((await get('/api/teacher/courses', student.headers)).statusCode, 403);
  assert.equal((await get(`/api/teacher/courses/${a.id}`, student.headers)).statusCode, 403);
  assert.equal((await get('/api/student/courses', a.teacher.headers)).statusCode, 403);
});

test('admins list terms and page through courses by keyset; teachers and students are refused', async () => {
  const admin = await t.user('admin');
  const made = [await t.course({ students: 2 }), await t.course({ students: 0 }), await t.course()];
  const terms = await get('/api/admin/terms', admin.headers);
  assert.equal(terms.statusCode, 200);
  const term = terms.json().items.find((x: { id: string }) => x.id === made[0]?.termId);
  assert.equal(term.source, 'csv');
  assert.equal(term.archived_at, null);

  const seen: string[] = [];
  let before: string | null = null;
  let pages = 0;
  do {
    const q: string = before ? `&before=${encodeURIComponent(before)}` : '';
    const page = await get(`/api/admin/courses?limit=2${q}`, admin.headers);
    assert.equal(page.statusCode, 200, page.body);
    seen.push(...page.json().items.map((c: { id: string }) => c.id));
    before = page.json().next_before;
    pages++;
  } while (before && pages < 100);
  assert.equal(new Set(seen).size, seen.length, 'no course twice across pages');
  for (const c of made) assert.ok(seen.includes(c.id));

  const one = await get(`/api/admin/courses?term_id=${made[0]?.termId}`, admin.headers);
  assert.deepEqual(
    one
      .json()
      .items.map((c: { roster_size: number; teacher_count: number }) => [c.roster_size, c.teacher_count]),
    [[2, 1]],
  );
  assert.equal((await get('/api/admin/courses?before=garbage', admin.headers)).statusCode, 400);
  assert.equal((await get('/api/admin/courses', made[0]?.teacher.headers ?? {})).statusCode, 403);
  assert.equal((await get('/api/admin/terms', made[0]?.students[0]?.headers ?? {})).statusCode, 403);
  assert.equal((await get('/api/admin/terms', {})).statusCode, 401);
});
