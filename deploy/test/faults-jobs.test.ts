// Acceptance 7 of issue 18, the job part: an A-Cube job process killed with -9 in the middle of
// a 1,000-record bulk job (a status update of contact messages over a list filter, started
// through nginx by a staff admin). The job is held in the middle on purpose: the test locks one
// record of its sixth chunk, so the worker running it waits on that lock with five chunks (500
// records) committed; PostgreSQL names the waiting connection, and its client port names the
// worker process, which is killed with SIGKILL before the lock is let go. Then the job must
// finish in another process, each record changed once: 1,000 records in the new status, one
// audit row each, and the job's report naming each once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appDatabaseUrl, type ClusterState, processInfo, readState } from '../cluster/state.ts';
import { caPem, isAlive, logLines, pidOwningPort, waitFor } from './support/faults.ts';
import { HttpsClient } from './support/https.ts';
import {
  type AcubeAdmin,
  appSecretOf,
  openDb,
  seedAcubeAdmins,
  seedContactMessages,
} from './support/seed.ts';

const state: ClusterState = readState();
const client = new HttpsClient(caPem(state), { maxSockets: 4 });
const log = (line: string) => console.log(`[faults] ${line}`);
const RECORDS = 1000;
/** A record of the sixth chunk (chunks of 100, oldest first): the job stops there with 500 done. */
const HELD_INDEX = 550;

let staff: AcubeAdmin;
before(async () => {
  const [admin] = await seedAcubeAdmins(
    appDatabaseUrl(state, 'acube'),
    appSecretOf({ APP_SECRET_FILE: state.apps.acube.secretFile }),
    1,
  );
  if (!admin) throw new Error('no admin');
  staff = admin;
});
after(() => client.close());

interface Operation {
  id: string;
  status: string;
  total: number;
  progress: { done: number; total: number };
  done: number;
  missing: number;
  failed: number;
  not_attempted: number;
  error: string | null;
  report_url: string | null;
}

test('f. a job process killed with -9 in the middle of a 1,000-record bulk job: another finishes it, each record once', {
  timeout: 170_000,
}, async () => {
  const { acube } = state.apps;
  const databaseUrl = appDatabaseUrl(state, 'acube');
  const tag = `faults${crypto.randomUUID().slice(0, 8)}`;
  const ids = await seedContactMessages(databaseUrl, tag, RECORDS);
  const heldId = ids[HELD_INDEX] as string;
  const workers = state.processes.filter((p) => p.app === 'acube' && p.role === 'worker').map((p) => p.name);
  assert.equal(workers.length, 2, 'two A-Cube job processes');
  const { pool, close } = openDb(databaseUrl);
  const holder = await pool.connect();
  let holding = false;
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await client.request(`${acube.url}${path}`, {
      method,
      headers: { authorization: staff.authorization },
      ...(body === undefined ? {} : { body }),
    });
    return { ...answer, json: () => JSON.parse(answer.body) as Record<string, unknown> };
  };
  try {
    // Hold one record of the sixth chunk.
    await holder.query('begin');
    await holder.query('select id from contact_messages where id = $1 for update', [heldId]);
    holding = true;

    const filter = { q: tag, status: 'new' };
    const count = await call('POST', '/api/admin/bulk/count', { entity: 'contact', filter });
    assert.equal(count.status, 200, count.body);
    assert.equal(count.json().count, RECORDS);
    const started = await call('POST', '/api/admin/bulk/status-update', {
      entity: 'contact',
      filter,
      expected_count: RECORDS,
      status: 'archived',
    });
    assert.equal(started.status, 202, started.body);
    const operationId = started.json().operation_id as string;
    const startedAt = Date.now();
    log(`bulk operation ${operationId} queued for ${RECORDS} contact messages`);

    // The worker running it waits on the held record: PostgreSQL names its connection.
    const waiting = await waitFor(
      'the job to wait on the held record',
      async () =>
        (
          await pool.query<{ pid: number; client_port: number }>(
            `select pid, client_port from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and pid <> $1
                and query ilike '%contact_messages%'`,
            [(await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid],
          )
        ).rows[0],
      60_000,
      200,
    );
    const candidates = workers.map((name) => ({ name, pid: processInfo(state, name).pid }));
    const ownerPid = pidOwningPort(
      candidates.flatMap((c) => (c.pid ? [c.pid] : [])),
      waiting.client_port,
    );
    const victim = candidates.find((c) => c.pid === ownerPid);
    assert.ok(victim?.pid, `the job's connection (port ${waiting.client_port}) belongs to an A-Cube worker`);
    const held = (
      await call('GET', `/api/admin/bulk/operations/${operationId}`)
    ).json() as unknown as Operation;
    log(
      `${victim.name} (pid ${victim.pid}) runs it, held at ${held.progress.done}/${held.progress.total} ` +
        `${((Date.now() - startedAt) / 1000).toFixed(1)} s after the start`,
    );
    assert.equal(held.status, 'running');
    assert.equal(held.progress.done, 500, 'five chunks committed before the held one');

    const killedAt = Date.now();
    process.kill(victim.pid, 'SIGKILL');
    await waitFor(
      `${victim.name} (pid ${victim.pid}) to be gone`,
      () => !isAlive(victim.pid as number),
      5000,
      50,
    );
    await holder.query('rollback');
    holding = false;
    log(`${victim.name} killed with -9; the held record let go`);

    let op: Operation | undefined;
    let lastDone = -1;
    await waitFor(
      'the bulk operation to finish',
      async () => {
        op = (await call('GET', `/api/admin/bulk/operations/${operationId}`)).json() as unknown as Operation;
        if (op.progress.done !== lastDone) {
          log(
            `  ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill: ${op.status}, ${op.progress.done}/${op.progress.total}`,
          );
          lastDone = op.progress.done;
        }
        return op.status === 'completed' || op.status === 'failed';
      },
      140_000,
      1000,
    );
    assert.ok(op);
    log(`finished ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill: ${JSON.stringify(op)}`);
    assert.equal(op.status, 'completed', JSON.stringify(op));
    assert.deepEqual(
      { done: op.done, missing: op.missing, failed: op.failed, not_attempted: op.not_attempted },
      { done: RECORDS, missing: 0, failed: 0, not_attempted: 0 },
    );

    // Who finished it: the process whose log says bulk.finished for it.
    const finishers = state.processes
      .filter((p) => p.app === 'acube')
      .flatMap((p) =>
        logLines(p.log)
          .filter((l) => l.event === 'bulk.finished' && l.operationId === operationId)
          .map((l) => ({ name: p.name, pid: l.pid as number })),
      );
    log(
      `finished by ${finishers.map((f) => `${f.name} (pid ${f.pid})`).join(', ') || 'no process that logged it'}`,
    );
    const resumed = state.processes
      .filter((p) => p.app === 'acube')
      .flatMap((p) =>
        logLines(p.log).filter((l) => l.event === 'bulk.resumed' && l.operationId === operationId),
      );
    log(`resumed at: ${resumed.map((l) => l.resumedAt).join(', ') || 'no resume logged'}`);
    assert.deepEqual(
      resumed.map((l) => l.resumedAt),
      [500],
      'the other process resumed after the five committed chunks',
    );
    assert.equal(finishers.length, 1, 'one process finished it');
    assert.notEqual(finishers[0]?.pid, victim.pid, 'not the killed process');

    // Each record changed once: all in the new status, one audit row each.
    const statuses = await pool.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from contact_messages where id = any($1::uuid[]) group by status',
      [ids],
    );
    assert.deepEqual(statuses.rows, [{ status: 'archived', n: RECORDS }]);
    const audits = await pool.query<{ entity_id: string; n: number }>(
      `select entity_id, count(*)::int as n from audit_log
        where entity = 'contact_message' and action like '%status_changed' and entity_id = any($1::text[])
        group by entity_id`,
      [ids],
    );
    const twice = audits.rows.filter((r) => r.n !== 1);
    log(`audit rows: ${audits.rows.length} records audited, ${twice.length} more than once`);
    assert.equal(audits.rows.length, RECORDS, 'every record audited');
    assert.deepEqual(twice, [], 'no record audited twice');

    // The report names each record once, as done.
    assert.ok(op.report_url, 'a report');
    const report = await call('GET', op.report_url);
    assert.equal(report.status, 200, report.body.slice(0, 300));
    const lines = report.body.trim().split(/\r?\n/).slice(1);
    const seen = new Map<string, number>();
    for (const line of lines) {
      const [id, outcome] = line.split(',');
      assert.equal(outcome, 'done', line);
      seen.set(id as string, (seen.get(id as string) ?? 0) + 1);
    }
    log(`report: ${lines.length} lines, ${seen.size} records`);
    assert.equal(lines.length, RECORDS);
    assert.deepEqual(new Set(seen.keys()), new Set(ids));

    // The killed worker was brought back by the supervisor.
    const back = await waitFor(
      `the supervisor to restart ${victim.name}`,
      () => {
        const now = processInfo(state, victim.name);
        return now.pid && now.pid !== victim.pid ? now : null;
      },
      30_000,
    );
    log(`${victim.name} back as pid ${back.pid}`);
  } finally {
    if (holding) await holder.query('rollback').catch(() => {});
    holder.release();
    await close();
  }
});
