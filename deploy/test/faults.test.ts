// Acceptance 7 of issue 18 (but the killed job worker: faults-jobs.test.ts), against the cluster
// `npm run test:cluster` stood up. Each scenario runs under steady load through nginx over
// https (GETs of a real read route of each app, as a signed-in teacher and staff admin, and of
// the health route), counts successes and failures by status, and prints p50/p99:
//   a. kill -9 of one API instance: at least 99% succeed; the supervisor restarts it and the
//      new process answers through nginx again (its X-Instance after its restart);
//   b. SIGTERM to one instance (a drain): no 5xx; it exits 0 and the supervisor brings it back
//      (a and b run at once, a on an ATTN instance and b on an A-Cube one, figures per app);
//   c. Redis stopped for 10 s: no 5xx; a live stream held through nginx gets a check-in after;
//   d. PostgreSQL stopped for 10 s: readiness 503 through nginx and on every process, no
//      process exits, and every one is ready again after;
//   e. `nginx -s reload` under load fails no request.
// Whatever a scenario stops is started again in its finally.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EventStreamClient } from '@campus/platform/live';
import {
  appDatabaseUrl,
  type ClusterProcess,
  type ClusterState,
  processInfo,
  readState,
  reloadNginx,
  startService,
  stopService,
  waitReady,
} from '../cluster/state.ts';
import { caPem, isAlive, readyStatus, sleep, waitFor } from './support/faults.ts';
import { HttpsClient } from './support/https.ts';
import {
  formatSummary,
  isSuccess,
  type Sample,
  startLoad,
  summarize,
  summaryOf,
  type Target,
} from './support/load.ts';
import { type AttnSeed, appSecretOf, seedAcubeAdmins, seedAttn } from './support/seed.ts';

const state: ClusterState = readState();
const client = new HttpsClient(caPem(state), { maxSockets: 8 });
let seed: AttnSeed;
const targets: Target[] = [];

const log = (line: string) => console.log(`[faults] ${line}`);

before(async () => {
  // 12 teachers (120 requests a minute each) and 20 staff admins (60 each) keep the load under
  // the apps' own per-user limits: the figures then show faults, not rate limiting.
  seed = await seedAttn(appDatabaseUrl(state, 'attn'), 12);
  const staff = await seedAcubeAdmins(
    appDatabaseUrl(state, 'acube'),
    appSecretOf({ APP_SECRET_FILE: state.apps.acube.secretFile }),
    20,
  );
  const { attn, acube } = state.apps;
  for (let i = 0; i < 20; i++) {
    const teacher = seed.teachers[i % seed.teachers.length];
    const admin = staff[i];
    if (!teacher || !admin) throw new Error('seeding made too few users');
    targets.push(
      {
        name: 'attn GET /api/teacher/courses',
        kind: 'app',
        url: `${attn.url}/api/teacher/courses`,
        headers: { cookie: teacher.cookie },
      },
      { name: 'attn GET /health/ready', kind: 'health', url: `${attn.url}/health/ready` },
      {
        name: 'acube GET /api/contact',
        kind: 'app',
        url: `${acube.url}/api/contact/?page_size=5`,
        headers: { authorization: admin.authorization },
      },
      { name: 'acube GET /health/ready', kind: 'health', url: `${acube.url}/health/ready` },
    );
  }
  // Every target answers before any fault: a failure later is the fault's.
  for (const target of targets.slice(0, 4)) {
    const answer = await client.request(target.url, { headers: target.headers ?? {} });
    assert.equal(answer.status, 200, `${target.name}: ${answer.status} ${answer.body.slice(0, 300)}`);
  }
});

after(() => client.close());

/** About 40 requests a second through nginx: 4 loops, each pausing 60 ms between requests. */
const load = () => startLoad(client, { targets, concurrency: 4, pauseMs: 60 });

const apiProcesses = () => state.processes.filter((p) => p.role === 'api');

/** Waits for the supervisor to start `name` again after `before`, then for its own readiness. */
async function waitRestarted(name: string, before: ClusterProcess) {
  const restarted = await waitFor(
    `the supervisor to restart ${name}`,
    () => {
      const now = processInfo(state, name);
      return now.pid && now.pid !== before.pid && now.starts > before.starts ? now : null;
    },
    30_000,
    100,
  );
  assert.equal(await waitReady(state, name, 90_000), true, `${name} ready again`);
  return { pid: restarted.pid, starts: restarted.starts, readyAt: Date.now() };
}

// a and b run at once, one in each app (ATTN's instance killed, A-Cube's drained), under one
// load: each app still has healthy instances, the figures are split by app, and the two
// restarts overlap (a process's start is the slow part on a busy machine).
test('a. kill -9 of an ATTN instance: 99% succeed, the restarted process takes traffic; b. SIGTERM drains an A-Cube instance: no 5xx, exit 0, back', {
  timeout: 150_000,
}, async () => {
  const killed = 'attn-api-2';
  const drained = 'acube-api-1';
  const killedBefore = processInfo(state, killed);
  const drainedBefore = processInfo(state, drained);
  assert.ok(killedBefore.pid, `${killed} runs`);
  assert.ok(drainedBefore.pid, `${drained} runs`);
  const run = load();
  const at = { kill: 0, killedReady: 0, term: 0, drainedReady: 0 };
  let exited: ClusterProcess['exits'][number] | undefined;
  try {
    await sleep(3000);
    const a = async () => {
      at.kill = Date.now();
      process.kill(killedBefore.pid as number, 'SIGKILL');
      const back = await waitRestarted(killed, killedBefore);
      at.killedReady = back.readyAt;
      log(
        `a. ${killed}: pid ${killedBefore.pid} killed; restarted as pid ${back.pid} (start ${back.starts}), ` +
          `ready ${((back.readyAt - at.kill) / 1000).toFixed(1)} s after the kill`,
      );
    };
    const b = async () => {
      await sleep(500);
      at.term = Date.now();
      process.kill(drainedBefore.pid as number, 'SIGTERM');
      exited = await waitFor(
        `${drained} to exit`,
        () => processInfo(state, drained).exits.slice(drainedBefore.exits.length)[0],
        state.shutdownTimeoutMs + 5_000,
        100,
      );
      log(
        `b. ${drained}: pid ${drainedBefore.pid} drained, exited with code ${exited.code} signal ${exited.signal} ` +
          `${((Date.parse(exited.at) - at.term) / 1000).toFixed(1)} s after SIGTERM`,
      );
      const back = await waitRestarted(drained, drainedBefore);
      at.drainedReady = back.readyAt;
      log(
        `b. ${drained}: back as pid ${back.pid} (start ${back.starts}), ` +
          `ready ${((back.readyAt - at.term) / 1000).toFixed(1)} s after SIGTERM`,
      );
    };
    await Promise.all([a(), b()]);
    // Traffic through nginx after the restarts: each new process must answer some.
    for (const [name, readyAt] of [
      [killed, at.killedReady],
      [drained, at.drainedReady],
    ] as const) {
      await waitFor(
        `an answer from the restarted ${name} through nginx`,
        () => run.samples.some((s) => s.at > readyAt && s.instance === name),
        20_000,
        250,
      );
    }
    await sleep(1000);
  } finally {
    const summary = await run.stop();
    const attn = summarize(summary.samples.filter((s) => s.target.startsWith('attn ')));
    const acube = summarize(summary.samples.filter((s) => s.target.startsWith('acube ')));
    console.log(formatSummary(`a. kill -9 ${killed} (ATTN's requests)`, attn));
    console.log(formatSummary(`b. SIGTERM ${drained} (A-Cube's requests)`, acube));
    const near = attn.samples.filter((s) => s.at >= at.kill && s.at < at.kill + 10_000);
    log(
      `a. ATTN in the 10 s after the kill: ${near.length} requests, ${near.filter(isSuccess).length} ok, ` +
        `failures ${JSON.stringify(failuresOf(near))}`,
    );
    const fromKilled = summary.samples.filter(
      (s) => at.killedReady && s.at > at.killedReady && s.instance === killed,
    );
    const fromDrained = summary.samples.filter(
      (s) => at.drainedReady && s.at > at.drainedReady && s.instance === drained,
    );
    log(
      `answers after the restart from ${killed}: ${fromKilled.length}; from ${drained}: ${fromDrained.length}`,
    );

    // a: the app routes (which nginx retries on another instance) carry the 99%; a health
    // request nginx sent to the dead instance is a 502 by design (health is one instance's view).
    const attnApp = summaryOf(attn, 'app');
    assert.ok(
      attnApp.okRatio >= 0.99,
      `a: only ${(attnApp.okRatio * 100).toFixed(2)}% of app requests succeeded`,
    );
    assert.ok(fromKilled.length > 0, `a: no answer from the restarted ${killed}`);
    assert.equal(isAlive(killedBefore.pid), false, 'a: the killed process is gone');
    // b: no 5xx, in fact no failure at all, on the app routes; the drained process exited 0.
    const acubeApp = summaryOf(acube, 'app');
    assert.equal(acubeApp.fivexx, 0, `b: 5xx answers to app routes: ${JSON.stringify(acubeApp.failures)}`);
    assert.deepEqual(acubeApp.failures, {}, 'b: every app request succeeded');
    assert.equal(exited?.code, 0, `b: ${drained} exit code after SIGTERM`);
    assert.ok(fromDrained.length > 0, `b: no answer from the restarted ${drained}`);
    assertHealthFailuresOnlyFromTheFault(summary.samples);
  }
});

test('c. Redis stopped for 10 s: no 5xx, and live events resume after', { timeout: 90_000 }, async () => {
  const { attn } = state.apps;
  const teacher = seed.teachers[0];
  if (!teacher) throw new Error('no teacher');
  const opened = await client.request(`${attn.url}/api/teacher/courses/${seed.courseId}/sessions`, {
    method: 'POST',
    headers: { cookie: teacher.cookie },
    body: { duration_minutes: 30 },
  });
  assert.equal(opened.status, 201, opened.body);
  const sessionId = (JSON.parse(opened.body) as { id: string }).id;
  // Streams held through nginx until one sits on each ATTN instance (least_conn spreads them),
  // so the check-in after the outage crosses instances through Redis.
  const attnInstances = new Set(
    apiProcesses()
      .filter((p) => p.app === 'attn')
      .map((p) => p.name),
  );
  const streams: { instance: string; events: EventStreamClient; close(): void }[] = [];
  const run = load();
  let stoppedAt = 0;
  let redisDown = false;
  try {
    for (let i = 0; i < 12 && new Set(streams.map((s) => s.instance)).size < attnInstances.size; i++) {
      const held = await client.stream(`${attn.url}/api/teacher/sessions/${sessionId}/live`, {
        cookie: teacher.cookie,
      });
      assert.equal(held.response.status, 200);
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
    log(`live streams held on ${streams.map((s) => s.instance).join(', ')}`);

    await sleep(2000);
    stoppedAt = Date.now();
    await stopService(state, 'redis');
    redisDown = true;
    log('Redis stopped');
    await sleep(5000);
    const degraded = await client.request(`${attn.url}/health/ready`);
    log(`ATTN readiness through nginx with Redis down: ${degraded.status} ${degraded.body}`);
    await sleep(Math.max(0, stoppedAt + 10_000 - Date.now()));
    await startService(state, 'redis');
    redisDown = false;
    const startedAt = Date.now();
    log(`Redis started again after ${((startedAt - stoppedAt) / 1000).toFixed(1)} s`);
    // Every API instance reports Redis up again (not degraded) before the check-in.
    await waitFor(
      'every API instance to report Redis back',
      async () => {
        for (const p of apiProcesses()) {
          const res = await fetch(`http://127.0.0.1:${p.port}/health/ready`).catch(() => null);
          const body = res ? ((await res.json()) as { status: string }) : null;
          if (body?.status !== 'ok') return false;
        }
        return true;
      },
      30_000,
      250,
    );
    log(
      `every API instance ready without degradation ${((Date.now() - startedAt) / 1000).toFixed(1)} s after Redis started`,
    );

    const code = await client.request(`${attn.url}/api/teacher/sessions/${sessionId}/code`, {
      headers: { cookie: teacher.cookie },
    });
    assert.equal(code.status, 200, code.body);
    const checkinAt = performance.now();
    const checkedIn = await client.request(`${attn.url}/api/student/checkins`, {
      method: 'POST',
      headers: { cookie: seed.student.cookie },
      body: {
        session_id: sessionId,
        code: (JSON.parse(code.body) as { code: string }).code,
        device_id: `faults-${crypto.randomUUID()}`,
      },
    });
    assert.equal(checkedIn.status, 201, checkedIn.body);
    log(`check-in answered by ${checkedIn.instance}`);
    // After Redis comes back each stream gets a new snapshot (the server may have missed events
    // meanwhile), then the check-in as an event. A snapshot that already holds it counts too.
    for (const stream of streams) {
      const deadline = Date.now() + 15_000;
      let snapshots = 0;
      let got: string | null = null;
      while (!got) {
        const event = await stream.events.nextEvent(Math.max(1, deadline - Date.now()));
        assert.ok(event, `the stream on ${stream.instance} ended before the check-in`);
        const data = JSON.parse(event.data) as {
          student?: { id: string };
          checkins?: { student?: { id: string } }[];
        };
        if (event.event === 'checkin' && data.student?.id === seed.student.id) got = 'as a checkin event';
        else if (event.event === 'snapshot') {
          snapshots++;
          if (data.checkins?.some((c) => c.student?.id === seed.student.id)) got = 'in a snapshot';
        }
      }
      log(
        `stream on ${stream.instance} got the check-in ${got} after ${(performance.now() - checkinAt).toFixed(0)} ms ` +
          `(${snapshots} snapshot(s) resent after the outage)`,
      );
    }
  } finally {
    if (redisDown) await startService(state, 'redis');
    for (const stream of streams) {
      await stream.events.close();
      stream.close();
    }
    const summary = await run.stop();
    console.log(formatSummary('c. Redis stopped 10 s', summary));
    const during = summary.samples.filter((s) => s.at >= stoppedAt && s.at < stoppedAt + 10_000);
    log(
      `while Redis was down: ${during.length} requests, ${during.filter(isSuccess).length} ok, failures ${JSON.stringify(failuresOf(during))}`,
    );
    assert.equal(summary.fivexx, 0, `5xx answers: ${JSON.stringify(summary.failures)}`);
  }
});

test('d. PostgreSQL stopped for 10 s: readiness 503, no process exits, all recover', {
  timeout: 120_000,
}, async () => {
  let downFailures: Record<string, number> = {};
  const { attn, acube } = state.apps;
  const before = state.processes.map((p) => processInfo(state, p.name));
  for (const p of before) assert.ok(p.pid && isAlive(p.pid), `${p.name} runs before`);
  const run = load();
  let stoppedAt = 0;
  let pgDown = false;
  const notReady = new Map<string, number>();
  try {
    await sleep(2000);
    stoppedAt = Date.now();
    await stopService(state, 'postgres');
    pgDown = true;
    log('PostgreSQL stopped');
    // Every process (API instances and workers, on their own ports) and nginx's answer for each
    // app say 503 while PostgreSQL is down.
    await waitFor(
      'readiness 503 everywhere',
      async () => {
        const look = async (what: string, status: () => Promise<number>) => {
          if (!notReady.has(what) && (await status()) === 503) notReady.set(what, Date.now());
        };
        await Promise.all([
          ...before.map((p) => look(p.name, () => readyStatus(p.port))),
          ...[attn, acube].map((app) =>
            look(
              app.url,
              async () => (await client.request(`${app.url}/health/ready`).catch(() => null))?.status ?? 0,
            ),
          ),
        ]);
        return notReady.size === before.length + 2;
      },
      9_000,
      250,
    );
    log(
      `503 within: ${[...notReady].map(([what, at]) => `${what} ${((at - stoppedAt) / 1000).toFixed(1)} s`).join(', ')}`,
    );
    await sleep(Math.max(0, stoppedAt + 10_000 - Date.now()));
    await startService(state, 'postgres');
    pgDown = false;
    const startedAt = Date.now();
    log(`PostgreSQL started again after ${((startedAt - stoppedAt) / 1000).toFixed(1)} s`);
    await waitFor(
      'every process ready again',
      async () => (await Promise.all(before.map((p) => readyStatus(p.port)))).every((s) => s === 200),
      60_000,
      250,
    );
    for (const app of [attn, acube]) {
      await waitFor(
        `${app.url}/health/ready 200 through nginx`,
        async () => (await client.request(`${app.url}/health/ready`)).status === 200,
        10_000,
      );
    }
    // nginx's /api group takes an instance back fail_timeout (3 s) after its last 503: recovered
    // once the load's API requests of each app succeed again through nginx.
    const readyAt = Date.now();
    await waitFor(
      'API requests succeed through nginx',
      async () =>
        ['attn ', 'acube '].every((app) =>
          run.samples.some(
            (s) => s.kind === 'app' && s.target.startsWith(app) && s.at > readyAt && isSuccess(s),
          ),
        ),
      10_000,
      100,
    );
    const recoveredAt = Date.now();
    log(
      `every process ready ${((readyAt - startedAt) / 1000).toFixed(1)} s after PostgreSQL started, API through nginx ${((recoveredAt - startedAt) / 1000).toFixed(1)} s`,
    );
    await sleep(3000);
    const afterRecovery = run.samples.filter((s) => s.at > recoveredAt + 500);
    assert.ok(afterRecovery.length > 0);
    assert.deepEqual(failuresOf(afterRecovery), {}, 'every request after the recovery succeeds');
  } finally {
    if (pgDown) await startService(state, 'postgres');
    const summary = await run.stop();
    console.log(formatSummary('d. PostgreSQL stopped 10 s', summary));
    const during = summary.samples.filter((s) => s.at >= stoppedAt && s.at < stoppedAt + 10_000);
    log(
      `while PostgreSQL was down: ${during.length} requests, ${during.filter(isSuccess).length} ok, failures ${JSON.stringify(failuresOf(during))}`,
    );
    downFailures = failuresOf(during);
  }
  // The apps answer 503 (with Retry-After) while the database is unreachable, never 500; nginx
  // may answer 502 once it has taken every instance out for a moment.
  assert.deepEqual(
    Object.keys(downFailures).filter((status) => status !== '503' && status !== '502'),
    [],
    `only 503 or 502 while PostgreSQL was down: ${JSON.stringify(downFailures)}`,
  );
  for (const p of before) {
    const now = processInfo(state, p.name);
    assert.equal(now.pid, p.pid, `${p.name} kept its pid`);
    assert.equal(
      now.exits.length,
      p.exits.length,
      `${p.name} did not exit: ${JSON.stringify(now.exits.slice(p.exits.length))}`,
    );
    assert.ok(p.pid && isAlive(p.pid), `${p.name} still runs`);
  }
});

test('e. nginx -s reload under load fails no request', { timeout: 60_000 }, async () => {
  const run = load();
  try {
    await sleep(2000);
    for (let i = 0; i < 3; i++) {
      await reloadNginx(state);
      await sleep(1500);
    }
    await sleep(1000);
  } finally {
    const summary = await run.stop();
    console.log(formatSummary('e. nginx -s reload x3', summary));
    assert.deepEqual(summary.failures, {}, 'every request succeeded');
  }
});

/**
 * Health requests go to one instance and are never retried elsewhere: the one that dies or
 * drains answers 503 (not ready while it drains) or nginx's 502 (nothing listens). Nothing else.
 */
function assertHealthFailuresOnlyFromTheFault(samples: readonly Sample[]) {
  const health = samples.filter((s) => s.kind === 'health' && !isSuccess(s));
  const other = health.filter((s) => s.status !== 502 && s.status !== 503);
  assert.deepEqual(failuresOf(other), {}, 'health answers other than 502/503');
}

function failuresOf(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    if (isSuccess(s)) continue;
    const key = s.status === 0 ? (s.error ?? 'error') : String(s.status);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
