// `npm run attn` with demo data: seeded once, skipped on the next start, and every printed
// login works against the real server.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, spawnApp, testDbKind } from '@campus/platform/testing';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
let dir: string;
let env: Record<string, string>;
let drop = async () => {};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attn-demo-'));
  env = { DATA_DIR: join(dir, 'data'), DEMO_DATA: 'true', LOG_FILE: 'off', PORT: '0' };
  if (testDbKind() === 'postgres') {
    const db = await createEmptyDatabase('attn_demo');
    env.DATABASE_URL = db.url;
    drop = db.drop;
  }
});
after(async () => {
  await drop();
  await rm(dir, { recursive: true, force: true });
});

/** The printed logins: "role  NUMBER / password" lines (students as "S2001 … S2020 / pass"). */
function printedLogins(output: string): { role: string; schoolNumber: string; password: string }[] {
  const out = [];
  for (const m of output.matchAll(/^\s+(admin|teacher|students)\s+(\S+)(?: … (\S+))? \/ (\S+)$/gm)) {
    const [, role = '', first = '', last, password = ''] = m;
    out.push({ role, schoolNumber: first, password });
    if (last) out.push({ role, schoolNumber: last, password });
  }
  return out;
}

async function login(url: string, schoolNumber: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ school_number: schoolNumber, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { status: res.status, role: res.ok ? ((await res.json()) as { role: string }).role : null, cookie };
}

test('demo data seeds on the first start, is skipped on the second, and the printed logins work', async () => {
  const first = await spawnApp(cli, env);
  let logins: ReturnType<typeof printedLogins>;
  try {
    logins = printedLogins(first.output());
    assert.deepEqual(
      logins.map((l) => l.role),
      ['admin', 'teacher', 'students', 'students'],
      first.output(),
    );
    assert.match(first.output(), /Demo data: a term, 3 courses/);
    for (const l of logins) {
      const res = await login(first.url, l.schoolNumber, l.password);
      assert.equal(res.status, 200, `${l.schoolNumber} logs in`);
      assert.equal(res.role, l.role === 'students' ? 'student' : l.role);
    }
    const teacher = logins.find((l) => l.role === 'teacher');
    const session = await login(first.url, teacher?.schoolNumber ?? '', teacher?.password ?? '');
    const courses = (await (
      await fetch(`${first.url}/api/teacher/courses`, { headers: { cookie: session.cookie } })
    ).json()) as { items: { id: string; roster_size: number }[] };
    assert.equal(courses.items.length, 3);
    const report = (await (
      await fetch(
        `${first.url}/api/teacher/courses/${courses.items.find((c) => c.roster_size === 20)?.id}/report`,
        {
          headers: { cookie: session.cookie },
        },
      )
    ).json()) as { sessions_held: number };
    assert.equal(report.sessions_held, 3, 'the demo has past sessions to report on');
  } finally {
    assert.equal(await first.stop(), 0, first.output());
  }

  const second = await spawnApp(cli, env);
  try {
    assert.match(second.output(), /Demo data: already present/);
    assert.deepEqual(printedLogins(second.output()), logins);
    const admin = logins.find((l) => l.role === 'admin');
    assert.equal((await login(second.url, admin?.schoolNumber ?? '', admin?.password ?? '')).status, 200);
    const termsRes = await fetch(`${second.url}/api/admin/terms`, {
      headers: { cookie: (await login(second.url, admin?.schoolNumber ?? '', admin?.password ?? '')).cookie },
    });
    assert.equal(((await termsRes.json()) as { items: unknown[] }).items.length, 1, 'one term, not two');
  } finally {
    assert.equal(await second.stop(), 0, second.output());
  }
});
