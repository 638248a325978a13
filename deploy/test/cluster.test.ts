// Acceptance 1, 4 and 5 of issue 18, against the cluster `npm run test:cluster` stood up:
//   1. nginx -t passes; 3 ATTN and 2 A-Cube API instances and two job processes per app run,
//      each ready, each in its role; nginx balances over exactly the API instances; the
//      migrations ran once (the one-shot migrate applied them; no instance migrated; one
//      bookkeeping row per migration);
//   4. every API instance answers at least 20% of 300 requests through nginx (X-Instance);
//   5. a check-in made through nginx reaches the teacher's live streams held through nginx on
//      the other instances, uncompressed; the latencies are printed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { EventStreamClient } from '@campus/platform/live';
import pg from 'pg';
import {
  type AppName,
  appDatabaseUrl,
  type ClusterState,
  isReady,
  readState,
  testNginx,
} from '../cluster/state.ts';
import { caPem, isAlive } from './support/faults.ts';
import { HttpsClient } from './support/https.ts';
import { seedAttn } from './support/seed.ts';

const state: ClusterState = readState();
const client = new HttpsClient(caPem(state), { maxSockets: 6 });
const log = (line: string) => console.log(`[cluster] ${line}`);
const repo = new URL('../../', import.meta.url);

after(() => client.close());

const apis = (app: AppName) => state.processes.filter((p) => p.app === app && p.role === 'api');
const workers = (app: AppName) => state.processes.filter((p) => p.app === app && p.role === 'worker');

/** The JSON lines of a process's log. */
function logLines(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('1. nginx -t passes; 3 ATTN and 2 A-Cube API instances and two job processes each run, ready, in their roles', async () => {
  const checked = await testNginx(state);
  assert.match(checked, /syntax is ok/);
  assert.match(checked, /test is successful/);
  assert.equal(apis('attn').length, 3);
  assert.equal(apis('acube').length, 2);
  assert.equal(workers('attn').length, 2);
  assert.equal(workers('acube').length, 2);
  const conf = readFileSync(state.nginx.conf, 'utf8');
  for (const p of state.processes) {
    assert.ok(p.pid && isAlive(p.pid), `${p.name} runs`);
    assert.ok(await isReady(p.port), `${p.name} is ready on its own port`);
    const ready = logLines(p.log).find((l) => typeof l.msg === 'string' && / ready$/.test(l.msg));
    assert.equal(ready?.role, p.role, `${p.name} started as ROLE=${p.role}`);
    // nginx sends traffic to the API instances only.
    assert.equal(conf.includes(`127.0.0.1:${p.port}`), p.role === 'api', `${p.name} in nginx's upstream`);
  }
  for (const app of ['attn', 'acube'] as const) {
    const ready = await client.request(`${state.apps[app].url}/health/ready`);
    assert.equal(ready.status, 200, `${app} is ready through nginx`);
  }
});

test('1. the migrations ran once: by the one-shot migrate, never by an instance; one row per migration', async () => {
  for (const app of ['attn', 'acube'] as const) {
    const migrateLog = logLines(state.apps[app].migrateLog);
    assert.equal(
      migrateLog.filter((l) => l.msg === 'migrations applied').length,
      1,
      `${app}: migrate ran once`,
    );
    assert.equal(migrateLog.filter((l) => l.msg === 'migrations up to date').length, 1);
    for (const p of state.processes.filter((p) => p.app === app)) {
      const migrated = logLines(p.log).filter(
        (l) => l.msg === 'migrations up to date' || l.msg === 'migrations applied',
      );
      assert.equal(migrated.length, 0, `${p.name} did not migrate`);
    }
    const journal = (folder: string) =>
      (
        JSON.parse(readFileSync(new URL(`${folder}/meta/_journal.json`, repo), 'utf8')) as {
          entries: unknown[];
        }
      ).entries.length;
    const pool = new pg.Pool({ connectionString: appDatabaseUrl(state, app), max: 1 });
    try {
      for (const [table, folder] of [
        ['drizzle.__drizzle_migrations', `apps/${app}/api/src/db/migrations`],
        ['platform.__drizzle_migrations', 'packages/platform/src/db/migrations'],
      ] as const) {
        const { rows } = await pool.query<{ total: number; distinct: number }>(
          `select count(*)::int as total, count(distinct hash)::int as distinct from ${table}`,
        );
        const expected = journal(folder);
        assert.deepEqual(
          rows[0],
          { total: expected, distinct: expected },
          `${app}: ${table} has one row per migration`,
        );
      }
    } finally {
      await pool.end();
    }
  }
});

test('4. every API instance answers at least 20% of 300 requests through nginx', async () => {
  for (const app of ['attn', 'acube'] as const) {
    const counts = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < 300) {
        next++;
        const answer = await client.request(`${state.apps[app].url}/health/live`);
        assert.equal(answer.status, 200);
        counts.set(answer.instance ?? '?', (counts.get(answer.instance ?? '?') ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    log(`${app}: ${[...counts].map(([name, n]) => `${name} ${n}`).join(', ')}`);
    assert.deepEqual(
      [...counts.keys()].sort(),
      apis(app)
        .map((p) => p.name)
        .sort(),
      `${app}: only its API instances answer`,
    );
    for (const p of apis(app))
      assert.ok((counts.get(p.name) ?? 0) >= 60, `${p.name} answered ${counts.get(p.name)} of 300`);
  }
});

test('5. a check-in through nginx reaches the live streams held through nginx on other instances, uncompressed', async () => {
  const attn = state.apps.attn.url;
  const seed = await seedAttn(appDatabaseUrl(state, 'attn'), 1);
  const teacher = seed.teachers[0];
  if (!teacher) throw new Error('no teacher');
  const opened = await client.request(`${attn}/api/teacher/courses/${seed.courseId}/sessions`, {
    method: 'POST',
    headers: { cookie: teacher.cookie },
    body: { duration_minutes: 30 },
  });
  assert.equal(opened.status, 201, opened.body);
  const sessionId = (JSON.parse(opened.body) as { id: string }).id;
  // Streams held until one sits on each ATTN instance: whichever answers the check-in, the
  // others' streams get it through Redis.
  const streams: Array<{ instance: string; events: EventStreamClient; close(): void }> = [];
  try {
    for (let i = 0; i < 15 && new Set(streams.map((s) => s.instance)).size < apis('attn').length; i++) {
      const held = await client.stream(`${attn}/api/teacher/sessions/${sessionId}/live`, {
        cookie: teacher.cookie,
        'accept-encoding': 'gzip, deflate, br',
      });
      assert.equal(held.response.status, 200);
      assert.match(held.response.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(held.response.headers.get('content-encoding'), null, 'the stream is not compressed');
      const events = new EventStreamClient(held.response);
      assert.equal((await events.nextEvent(10_000))?.event, 'snapshot');
      if (streams.some((s) => s.instance === held.instance)) {
        await events.close();
        held.close();
        continue;
      }
      streams.push({ instance: held.instance ?? '?', events, close: held.close });
    }
    log(`live streams held through nginx on ${streams.map((s) => s.instance).join(', ')}`);
    assert.equal(streams.length, apis('attn').length, 'a stream on every ATTN instance');

    const code = await client.request(`${attn}/api/teacher/sessions/${sessionId}/code`, {
      headers: { cookie: teacher.cookie },
    });
    assert.equal(code.status, 200, code.body);
    const checkinAt = performance.now();
    const checkedIn = await client.request(`${attn}/api/student/checkins`, {
      method: 'POST',
      headers: { cookie: seed.student.cookie },
      body: {
        session_id: sessionId,
        code: (JSON.parse(code.body) as { code: string }).code,
        device_id: `cluster-${crypto.randomUUID()}`,
      },
    });
    assert.equal(checkedIn.status, 201, checkedIn.body);
    log(`check-in answered by ${checkedIn.instance} in ${(performance.now() - checkinAt).toFixed(0)} ms`);
    const others = streams.filter((s) => s.instance !== checkedIn.instance);
    assert.ok(others.length >= 2, 'streams on at least two other instances');
    for (const stream of streams) {
      const event = await stream.events.nextEvent(10_000);
      const latency = performance.now() - checkinAt;
      assert.equal(event?.event, 'checkin', `the stream on ${stream.instance} got the check-in`);
      assert.equal(
        (JSON.parse(event?.data ?? '{}') as { student?: { id: string } }).student?.id,
        seed.student.id,
      );
      const where = stream.instance === checkedIn.instance ? 'same instance' : 'another instance';
      log(
        `stream on ${stream.instance} (${where}) got the check-in ${latency.toFixed(0)} ms after it was sent`,
      );
    }
  } finally {
    for (const stream of streams) {
      await stream.events.close();
      stream.close();
    }
  }
});
