// One recipient's mails for their data export: each mail job, opened (its template and values),
// with the .eml file it was written as; a file whose job is gone is listed from the file alone;
// another recipient's mails are not listed.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { MAIL_QUEUE } from '../../src/mail/index.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

let t: TestApp;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recipient-mails-'));
  t = await createTestApp(jobsAppSpec, { env: { DATA_DIR: dir } });
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const emlFiles = async () =>
  (await readdir(join(dir, 'mail')).catch(() => [])).filter((f) => f.endsWith('.eml'));

async function contact(email: string, name: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/contact',
    payload: { name, email, message: `private words of ${name}` },
  });
  assert.equal(res.statusCode, 202, res.body);
}

test('a recipient’s mails are listed with their values and written message, whatever the spelling', async () => {
  await contact('cem@example.org', 'Cem Demir');
  await contact('Cem@Example.org', 'Cem Demir');
  await contact('deniz@example.org', 'Deniz Ak');
  for (let i = 0; i < 300 && (await emlFiles()).length < 3; i++) await sleep(100);
  assert.equal((await emlFiles()).length, 3);

  const mails = await t.app.mail.recipientMails(' CEM@example.org');
  assert.equal(mails.length, 2);
  for (const mail of mails) {
    assert.equal(mail.state, 'completed');
    assert.ok(mail.template);
    assert.ok(JSON.stringify(mail.values).includes('Cem Demir'), JSON.stringify(mail.values));
    assert.match(mail.message ?? '', /^To: cem@example\.org$/im);
  }

  // Once its job is gone, a file is still listed, from the file.
  await t.app.db.execute(
    sql`delete from pgboss.job where name = ${MAIL_QUEUE} and id = ${mails[0]?.id ?? ''}`,
  );
  const left = await t.app.mail.recipientMails('cem@example.org');
  assert.equal(left.length, 2);
  const fileOnly = left.find((m) => m.state === null);
  assert.ok(fileOnly, JSON.stringify(left));
  assert.equal(fileOnly.id, mails[0]?.id);
  assert.equal(fileOnly.template, mails[0]?.template);
  assert.ok(fileOnly.message?.includes('Cem'));
  assert.deepEqual(await t.app.mail.recipientMails('nobody@example.org'), []);
});
