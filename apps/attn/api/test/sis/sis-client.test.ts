// The SIS adapter against the simulated SIS over real HTTP: answers, paging, timeouts, retries
// with back-off, and the circuit breaker opening, failing fast and closing again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { captureLogger } from '@campus/platform/testing';
import { demoPassword, demoRoster } from '../../src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../src/modules/sis/simulator/sis-simulator.ts';
import {
  createSisClient,
  type SisClientOptions,
  SisUnavailableError,
} from '../../src/modules/sis/sis-client.ts';

const STUDENT = '202600001';
/** What a busy test machine may add to a timed-out call. */
const MARGIN_MS = 300;
/** A call the circuit refuses makes no request at all. */
const FAST_MS = 50;

async function elapsed<T>(fn: () => Promise<T>): Promise<{ ms: number; error?: unknown; value?: T }> {
  const started = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('SIS client', () => {
  let sim: SisSimulator;
  const logged = captureLogger();
  const client = (opts: Partial<SisClientOptions> = {}) =>
    createSisClient({ url: sim.url, logger: logged.logger, timeoutMs: 500, retryDelayMs: 20, ...opts });

  before(async () => {
    sim = await startSisSimulator({ data: demoRoster({ students: 25 }) });
  });
  after(async () => {
    await sim.close();
  });

  test('a right password gives the person, a wrong one or an unknown number gives null', async () => {
    const sis = client();
    const person = await sis.checkCredentials(STUDENT, demoPassword(STUDENT));
    assert.deepEqual(person, {
      sisId: `user-${STUDENT}`,
      schoolNumber: STUDENT,
      fullName: 'Berk Aksoy',
      email: `${STUDENT}@uni.example`,
      role: 'student',
    });
    assert.equal(await sis.checkCredentials(STUDENT, 'not the password'), null);
    assert.equal(await sis.checkCredentials('999999999', demoPassword('999999999')), null);
    const teacher = await sis.checkCredentials('T1001', demoPassword('T1001'));
    assert.equal(teacher?.role, 'teacher');
    assert.equal(sis.breakerState, 'closed');
  });

  test('roster reads follow the pages to the end and leave out what is to be deleted or unusable', async () => {
    const data = demoRoster({ students: 25 });
    const local = await startSisSimulator({ data });
    try {
      data.users[5] = { ...(data.users[5] as (typeof data.users)[number]), status: 'tobedeleted' };
      (data.users[6] as { roles: unknown }).roles = [{ role: 'guardian' }];
      (data.enrollments[0] as { user: unknown }).user = {};
      const sis = createSisClient({ url: local.url, logger: logged.logger, pageSize: 4 });
      const users = await sis.listUsers();
      assert.equal(users.items.length, data.users.length - 2);
      assert.equal(users.skipped, 1);
      assert.equal(new Set(users.items.map((u) => u.sisId)).size, users.items.length);
      // 28 users in pages of 4: seven full pages and an empty one.
      assert.equal(local.requests, 8);
      const enrollments = await sis.listEnrollments();
      assert.equal(enrollments.items.length, data.enrollments.length - 1);
      assert.equal(enrollments.skipped, 1);
      assert.deepEqual((await sis.listTerms()).items, [
        { sisId: 'term-2026-spring', title: '2026 Spring', startsOn: '2026-02-09', endsOn: '2026-06-12' },
      ]);
      const classes = await sis.listClasses();
      assert.deepEqual(
        classes.items.map((c) => c.code),
        ['CENG 101', 'CENG 201', 'MATH 151', 'PHYS 101'],
      );
      assert.ok(classes.items.every((c) => c.termSisId === 'term-2026-spring'));
    } finally {
      await local.close();
    }
  });

  test('a SIS slower than the timeout is unavailable once the timeout has passed, not later', async () => {
    const sis = client({ timeoutMs: 250, breakerFailures: 100 });
    await sim.setMode({ delayMs: 3000 });
    try {
      const login = await elapsed(() => sis.checkCredentials(STUDENT, demoPassword(STUDENT)));
      assert.ok(login.error instanceof SisUnavailableError, String(login.error));
      assert.ok(login.ms >= 240 && login.ms < 250 + MARGIN_MS, `took ${login.ms} ms`);
      // A read retries twice: three timeouts and two short back-offs, still bounded.
      const read = await elapsed(() => sis.listTerms());
      assert.ok(read.error instanceof SisUnavailableError);
      assert.ok(read.ms >= 3 * 240 && read.ms < 3 * 250 + 2 * MARGIN_MS, `took ${read.ms} ms`);
    } finally {
      await sim.setMode({ delayMs: 0 });
    }
  });

  test('roster reads are retried after a 5xx; the credential check is not', async () => {
    const sis = client({ breakerFailures: 100 });
    await sim.setMode({ failNext: 2, failStatus: 503 });
    try {
      const before = sim.requests;
      const terms = await sis.listTerms();
      assert.equal(terms.items.length, 1);
      assert.equal(sim.requests - before, 3, 'two failures, then the answer');
      assert.ok(logged.logs.some((l) => l.event === 'sis.retry'));

      await sim.setMode({ failRate: 1, failStatus: 500 });
      const reads = sim.requests;
      await assert.rejects(sis.listTerms(), SisUnavailableError);
      assert.equal(sim.requests - reads, 3, 'one attempt and two retries');
      const checks = sim.requests;
      await assert.rejects(sis.checkCredentials(STUDENT, demoPassword(STUDENT)), SisUnavailableError);
      assert.equal(sim.requests - checks, 1, 'no retry of a login');
    } finally {
      await sim.setMode({ failRate: 0, failNext: 0 });
    }
  });

  test('after N failures the circuit opens, calls fail at once without reaching the SIS, and it closes after recovery', async () => {
    const sis = client({ timeoutMs: 200, breakerFailures: 3, halfOpenAfterMs: 400 });
    await sim.setMode({ delayMs: 2000 });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await elapsed(() => sis.checkCredentials(STUDENT, demoPassword(STUDENT)));
        assert.ok(r.error instanceof SisUnavailableError);
        assert.ok(r.ms < 200 + MARGIN_MS, `attempt ${i} took ${r.ms} ms`);
      }
      assert.equal(sis.breakerState, 'open');
      const reached = sim.requests;
      for (let i = 0; i < 20; i++) {
        const r = await elapsed(() => sis.checkCredentials(STUDENT, demoPassword(STUDENT)));
        assert.ok(r.error instanceof SisUnavailableError);
        assert.match((r.error as Error).message, /circuit open/);
        assert.ok(r.ms < FAST_MS, `a call with the circuit open took ${r.ms} ms`);
      }
      const read = await elapsed(() => sis.listUsers());
      assert.ok(
        read.error instanceof SisUnavailableError && read.ms < FAST_MS,
        'reads fail fast too, unretried',
      );
      assert.equal(sim.requests, reached, 'nothing reached the SIS while the circuit was open');
    } finally {
      await sim.setMode({ delayMs: 0 });
    }
    await sleep(450);
    assert.ok(await sis.checkCredentials(STUDENT, demoPassword(STUDENT)), 'the trial call goes through');
    assert.equal(sis.breakerState, 'closed');
    const events = logged.logs.map((l) => l.event);
    assert.ok(events.includes('sis.circuit_open') && events.includes('sis.circuit_half_open'));
    assert.ok(events.includes('sis.circuit_closed'));
  });

  test('a failed trial call opens the circuit again for another pause', async () => {
    const sis = client({ timeoutMs: 200, breakerFailures: 1, halfOpenAfterMs: 200 });
    await sim.setMode({ down: true });
    try {
      await assert.rejects(sis.checkCredentials(STUDENT, 'x'), SisUnavailableError);
      assert.equal(sis.breakerState, 'open');
      await sleep(250);
      const trial = await elapsed(() => sis.checkCredentials(STUDENT, 'x'));
      assert.ok(trial.error instanceof SisUnavailableError && trial.ms < 200 + MARGIN_MS);
      assert.equal(sis.breakerState, 'open');
    } finally {
      await sim.setMode({ down: false });
    }
  });

  test('a SIS that is down fails at once (connection refused), never hangs', async () => {
    const sis = client({ breakerFailures: 100 });
    await sim.setMode({ down: true });
    try {
      const r = await elapsed(() => sis.checkCredentials(STUDENT, demoPassword(STUDENT)));
      assert.ok(r.error instanceof SisUnavailableError);
      assert.match((r.error as Error).message, /connection failed/);
      assert.ok(r.ms < FAST_MS, `took ${r.ms} ms`);
    } finally {
      await sim.setMode({ down: false });
    }
    assert.ok(await sis.checkCredentials(STUDENT, demoPassword(STUDENT)), 'back up on the same address');
  });

  test('a refused token is the SIS saying no, not an outage: unavailable, not retried, circuit stays closed', async () => {
    const guarded = await startSisSimulator({ token: 'right-token-0123456789' });
    try {
      const wrong = createSisClient({
        url: guarded.url,
        logger: logged.logger,
        token: 'wrong',
        breakerFailures: 2,
      });
      for (let i = 0; i < 5; i++) await assert.rejects(wrong.listTerms(), SisUnavailableError);
      assert.equal(wrong.breakerState, 'closed');
      assert.equal(guarded.requests, 5, 'one request a call: not retried');
      const right = createSisClient({
        url: guarded.url,
        logger: logged.logger,
        token: 'right-token-0123456789',
      });
      assert.ok(await right.checkCredentials(STUDENT, demoPassword(STUDENT)));
    } finally {
      await guarded.close();
    }
  });

  test('no password reaches the logs', () => {
    const text = JSON.stringify(logged.logs);
    assert.ok(logged.logs.length > 0);
    assert.ok(!text.includes(demoPassword(STUDENT)));
  });
});
