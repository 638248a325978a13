// The admin's CSV roster import: dry run, per-line errors, all-or-nothing, audited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { and, eq, inArray } from 'drizzle-orm';
import { courses, courseTeachers, enrollments, terms, users } from '../../src/db/schema/index.ts';
import { type AttnTest, startAttn, type TestUser } from '../helpers.ts';

let t: AttnTest;
let admin: TestUser;
before(async () => {
  t = await startAttn();
  admin = await t.user('admin');
});
after(() => t.close());

const HEADER = 'term,term_starts_on,term_ends_on,course_code,course_title,school_number,full_name,email,role';
const unique = () => crypto.randomUUID().slice(0, 8);
const post = (csv: string, dryRun: boolean, headers = admin.headers) =>
  t.app.inject({
    method: 'POST',
    url: `/api/admin/import/roster?dry_run=${dryRun}`,
    headers: { ...headers, 'content-type': 'text/csv' },
    payload: csv,
  });

function file(tag: string) {
  const term = `Term ${tag}`;
  return {
    term,
    csv: [
      HEADER,
      `${term},2026-02-01,2026-06-15,CENG 101,Programming,T${tag},Teacher One,t1@uni.test,teacher`,
      `${term},2026-02-01,2026-06-15,CENG 101,Programming,S${tag}a,"Doe, Ann",,student`,
      `${term},2026-02-01,2026-06-15,CENG 101,Programming,S${tag}b,Bo Li,bo@uni.test,student`,
      `${term},2026-02-01,2026-06-15,MATH 201,Linear Algebra,S${tag}a,"Doe, Ann",,student`,
    ].join('\n'),
  };
}

test('a dry run reports what would be created and changes nothing', async () => {
  const tag = unique();
  const { term, csv } = file(tag);
  const res = await post(csv, true);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.dry_run, true);
  assert.equal(body.applied, false);
  assert.equal(body.lines, 4);
  assert.deepEqual(body.errors, []);
  assert.deepEqual(body.summary.terms, { created: 1, updated: 0, unchanged: 0 });
  assert.deepEqual(body.summary.courses, { created: 2, updated: 0, unchanged: 0 });
  assert.deepEqual(body.summary.users, { created: 3, updated: 0, unchanged: 0 });
  assert.deepEqual(body.summary.enrollments, { created: 3, updated: 0, unchanged: 0 });
  assert.deepEqual(body.summary.teachers, { created: 1, updated: 0, unchanged: 0 });
  assert.equal((await t.app.db.select().from(terms).where(eq(terms.title, term))).length, 0);
});

test('a real run applies everything in one go, audited with counts; a second run changes nothing', async () => {
  const tag = unique();
  const { term, csv } = file(tag);
  const res = await post(csv, false);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().applied, true);
  const [row] = await t.app.db.select().from(terms).where(eq(terms.title, term));
  assert.ok(row);
  assert.equal(row.endsOn, '2026-06-15');
  const made = await t.app.db.select().from(courses).where(eq(courses.termId, row.id));
  assert.deepEqual(made.map((c) => c.code).sort(), ['CENG 101', 'MATH 201']);
  const people = await t.app.db
    .select()
    .from(users)
    .where(inArray(users.schoolNumber, [`T${tag}`, `S${tag}a`, `S${tag}b`]));
  assert.equal(people.length, 3);
  assert.ok(
    people.every((p) => p.passwordHash === null && p.sisId === null),
    'no password from a file',
  );
  assert.equal(people.find((p) => p.schoolNumber === `S${tag}a`)?.fullName, 'Doe, Ann');
  const ceng = made.find((c) => c.code === 'CENG 101');
  const roster = await t.app.db
    .select()
    .from(enrollments)
    .where(eq(enrollments.courseId, ceng?.id ?? ''));
  assert.equal(roster.length, 2);
  assert.ok(roster.every((e) => e.source === 'csv'));
  const teachers = await t.app.db
    .select()
    .from(courseTeachers)
    .where(eq(courseTeachers.courseId, ceng?.id ?? ''));
  assert.equal(teachers.length, 1);

  const audits = await t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'roster.imported'), eq(auditLog.actorId, admin.schoolNumber)));
  const mine = audits.find((a) => (a.changes as { users?: { created: number } }).users?.created === 3);
  assert.ok(mine, 'one audit entry with the counts');
  assert.ok(!JSON.stringify(audits).includes('Doe, Ann'), 'no names in the audit log');

  const again = await post(csv, false);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json().summary.enrollments, { created: 0, updated: 0, unchanged: 3 });
  assert.deepEqual(again.json().summary.terms, { created: 0, updated: 0, unchanged: 1 });

  const renamed = csv.replace('Bo Li', 'Bo Lee').replaceAll('2026-06-15', '2026-06-20');
  const changed = (await post(renamed, true)).json();
  assert.deepEqual(changed.summary.users, { created: 0, updated: 1, unchanged: 2 });
  assert.deepEqual(changed.summary.terms, { created: 0, updated: 1, unchanged: 0 });
});

test('every problem is listed per line; a real run with any problem changes nothing (422)', async () => {
  const tag = unique();
  const existingTeacher = await t.user('teacher');
  const term = `Term ${tag}`;
  const csv = [
    HEADER,
    `${term},2026-02-01,2026-06-15,CENG 101,Programming,S${tag}ok,Fine Person,,student`,
    `${term},2026-02-31,2026-06-15,CENG 101,Programming,S${tag}x,Bad Date,,student`,
    `${term},2026-02-01,2026-06-15,CENG 101,Programming,S${tag}y,Bad Role,,dean`,
    `${term},2026-02-01,2026-06-15,CENG 101,Programming,bad number!,Someone,not-an-email,student`,
    `${term},2026-02-01,2026-06-15,CENG 101,Programming,S${tag}ok,Fine Person,,student`,
    `${term},2026-02-01,2026-06-15,CENG 101,Other Title,S${tag}z,Zed,,student`,
    `${term},2026-02-01,2026-06-15,CENG 101,Programming,${existingTeacher.schoolNumber},Teacher As Student,,student`,
    `${term},2026-02-01`,
  ].join('\n');
  const dry = await post(csv, true);
  assert.equal(dry.statusCode, 200, dry.body);
  const fields = dry.json().errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`);
  assert.deepEqual(fields, [
    '3:term_starts_on',
    '4:role',
    '5:school_number',
    '5:email',
    '6:school_number',
    '7:course_title',
    '8:role',
    '9:*',
  ]);
  const real = await post(csv, false);
  assert.equal(real.statusCode, 422);
  assert.equal(real.json().error.code, 'UNPROCESSABLE');
  assert.equal(real.json().error.details.length, 8);
  assert.equal(real.json().error.details[0].line, 3);
  assert.equal(
    (await t.app.db.select().from(terms).where(eq(terms.title, term))).length,
    0,
    'nothing written',
  );
  assert.equal(
    (
      await t.app.db
        .select()
        .from(users)
        .where(eq(users.schoolNumber, `S${tag}ok`))
    ).length,
    0,
  );
});

test('a file that is not CSV is a 400, a wrong header names the columns, a JSON body is refused, more than 10 MiB is 413', async () => {
  const quotes = await post(`${HEADER}\nT,2026-01-01,2026-02-01,C,"unclosed,S1,N,,student\n`, true);
  assert.equal(quotes.statusCode, 400);
  assert.match(quotes.json().error.message, /CSV/);
  const header = await post('term,course_code,emial\nx,y,z\n', true);
  assert.equal(header.statusCode, 400);
  const named = header.json().error.details.map((d: { field: string }) => d.field);
  assert.ok(named.includes('school_number') && named.includes('emial'));
  const json = await t.app.inject({
    method: 'POST',
    url: '/api/admin/import/roster',
    headers: admin.headers,
    payload: { csv: 'x' },
  });
  assert.equal(json.statusCode, 400, 'JSON is not a CSV file');
  const big = await post(`${HEADER}\n${'x'.repeat(11 * 1024 * 1024)}`, true);
  assert.equal(big.statusCode, 413);
});

test('only admins import', async () => {
  const teacher = await t.user('teacher');
  const res = await post(file(unique()).csv, true, teacher.headers);
  assert.equal(res.statusCode, 403);
});

test('two imports of the same file at once create each term, course and person once', async () => {
  const tag = unique();
  const { term, csv } = file(tag);
  const results = await Promise.all([post(csv, false), post(csv, false)]);
  assert.deepEqual(
    results.map((r) => r.statusCode),
    [200, 200],
    results.map((r) => r.body).join('\n'),
  );
  assert.equal((await t.app.db.select().from(terms).where(eq(terms.title, term))).length, 1);
  const created = results.map((r) => r.json().summary.users.created).sort();
  assert.deepEqual(created, [0, 3], 'the second saw the first one’s people');
});
