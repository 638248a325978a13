// The mail queue keeps no readable personal data: payloads are sealed, each job carries only a
// keyed hash of its recipient, .eml files are named by that hash; forgetRecipient deletes one
// person's jobs and files; finished jobs and old .eml files go after MAIL_KEEP_SENT_HOURS.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { MAIL_QUEUE, MAIL_SWEEP_QUEUE } from '../../src/mail/index.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

let t: TestApp;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mail-privacy-'));
  t = await createTestApp(jobsAppSpec, { env: { DATA_DIR: dir, MAIL_KEEP_SENT_HOURS: '6' } });
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.app.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const emlFiles = async () =>
  (await readdir(join(dir, 'mail')).catch(() => [])).filter((f) => f.endsWith('.eml'));

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function contact(email: string, name: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/contact',
    payload: { name, email, message: `private words of ${name}` },
  });
  assert.equal(res.statusCode, 202, res.body);
}

test('mail payloads are sealed; forgetRecipient deletes one person’s jobs and files, by any spelling of the address', async () => {
  await contact('ana.yilmaz@example.org', 'Ana Yilmaz');
  await contact('Ana.Yilmaz@Example.org', 'Ana Yilmaz');
  await contact('ben@example.org', 'Ben Kaya');
  await until('three .eml files', async () => ((await emlFiles()).length === 3 ? true : undefined));

  const jobs = await rows<{ data: Record<string, string> }>(
    sql`select data from pgboss.job where name = ${MAIL_QUEUE}`,
  );
  assert.equal(jobs.length, 3);
  const stored = JSON.stringify(jobs);
  for (const plain of ['ana.yilmaz', 'Ana Yilmaz', 'ben@example.org', 'Ben Kaya', 'private words']) {
    assert.ok(!stored.toLowerCase().includes(plain.toLowerCase()), `${plain} is not in the job table`);
  }
  for (const { data } of jobs) {
    assert.deepEqual(Object.keys(data).sort(), ['rcpt', 'sealed']);
    assert.match(data.rcpt ?? '', /^[0-9a-f]{32}$/);
  }
  const ana = t.app.mail.recipientKey('ana.yilmaz@example.org');
  assert.equal(jobs.filter((j) => j.data.rcpt === ana).length, 2, 'one key for both spellings');
  assert.equal((await emlFiles()).filter((f) => f.includes(`-${ana}-`)).length, 2);

  // The admin view of a job still reads the payload.
  const [one] = await rows<{ id: string }>(sql`select id from pgboss.job where name = ${MAIL_QUEUE} limit 1`);
  const seen = await t.app.jobs.job(MAIL_QUEUE, one?.id ?? '');
  assert.equal(typeof (seen?.data as { to?: unknown } | undefined)?.to, 'string');

  const forgotten = await t.app.mail.forgetRecipient(' ANA.YILMAZ@example.org ');
  assert.deepEqual(forgotten, { jobs: 2, files: 2 });
  const left = await rows<{ rcpt: string }>(
    sql`select data->>'rcpt' as rcpt from pgboss.job where name like ${`${MAIL_QUEUE}%`} and data ? 'rcpt'`,
  );
  assert.deepEqual(
    left.map((r) => r.rcpt),
    [t.app.mail.recipientKey('ben@example.org')],
  );
  const files = await emlFiles();
  assert.equal(files.length, 1);
  assert.ok(files[0]?.includes(t.app.mail.recipientKey('ben@example.org')));
  assert.deepEqual(await t.app.mail.forgetRecipient('ana.yilmaz@example.org'), { jobs: 0, files: 0 });
  assert.ok(!JSON.stringify(t.logs).includes('ana.yilmaz'), 'the address is in no log line');
});

test('finished mail jobs are kept MAIL_KEEP_SENT_HOURS; older .eml files are swept hourly', async () => {
  const [queue] = await rows<{ deletion_seconds: number }>(
    sql`select deletion_seconds from pgboss.queue where name = ${MAIL_QUEUE}`,
  );
  assert.equal(queue?.deletion_seconds, 6 * 3600);
  const kept = await rows<{ deletion_seconds: number }>(
    sql`select distinct deletion_seconds from pgboss.job where name = ${MAIL_QUEUE}`,
  );
  assert.deepEqual(kept, [{ deletion_seconds: 6 * 3600 }], 'each mail job carries the keep time');
  const schedules = await rows<{ cron: string }>(
    sql`select cron from pgboss.schedule where name = ${MAIL_SWEEP_QUEUE}`,
  );
  assert.equal(schedules.length, 1);

  const before = await emlFiles();
  assert.ok(before.length > 0);
  assert.equal(await t.app.mail.sweepSent(new Date(Date.now() + 5 * 3_600_000)), 0, 'younger than 6 h: kept');
  assert.deepEqual(await emlFiles(), before);
  assert.equal(await t.app.mail.sweepSent(new Date(Date.now() + 7 * 3_600_000)), before.length);
  assert.deepEqual(await emlFiles(), []);
});
