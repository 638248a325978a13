// Acceptance 3, through HTTP on the real app: SIS people log in through the simulated SIS; with
// the SIS hanging or down, SIS-backed logins fail fast once the circuit opens (no login waits
// past the SIS timeout), local accounts still log in, and after recovery the circuit closes
// and SIS logins work again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.ts';
import { demoPassword, demoRoster, studentNumber } from '../../src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../src/modules/sis/simulator/sis-simulator.ts';
import { type AttnTest, startAttn, TEST_PASSWORD } from '../helpers.ts';

// Long enough that the embedded database's pauses (PGlite runs in this thread) are not taken
// for a slow SIS; short next to a login that would hang.
const TIMEOUT_MS = 1000;
const FAILURES = 3;
const HALF_OPEN_MS = 600;
/**
 * Time an app adds around the SIS call (routing, database, session) on a slow test machine (CI,
 * with face tests beside it, once took 430 ms). A retry would take twice the timeout: still told apart.
 */
const MARGIN_MS = 800;
/** A login refused by an open circuit: no SIS call at all. */
const FAST_MS = 250;

describe('logins through the SIS', () => {
  let t: AttnTest;
  let sim: SisSimulator;
  let admin: { headers: Record<string, string> };

  before(async () => {
    sim = await startSisSimulator({ data: demoRoster({ students: 30 }) });
    t = await startAttn({
      SIS_URL: sim.url,
      SIS_TIMEOUT_MS: String(TIMEOUT_MS),
      SIS_BREAKER_FAILURES: String(FAILURES),
      SIS_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
    });
    admin = await t.user('admin');
    // A first login warms the login path up (PGlite's first queries of it block for a while).
    const warm = await t.user('student');
    await login(warm.schoolNumber, TEST_PASSWORD);
  });
  after(async () => {
    await t?.close();
    await sim?.close();
  });

  async function login(schoolNumber: string, password: string) {
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { school_number: schoolNumber, password },
      remoteAddress: '10.1.2.3',
    });
    return { status: res.statusCode, body: res.json(), ms: performance.now() - started };
  }

  const breaker = async () =>
    (await t.app.inject({ url: '/api/admin/sis/status', headers: admin.headers })).json().breaker_state;

  test('a SIS student and a SIS teacher log in with their SIS passwords; a wrong one is refused', async () => {
    const student = studentNumber(1);
    const ok = await login(student, demoPassword(student));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.school_number, ok.body.role], [student, 'student']);
    const [row] = await t.app.db.select().from(users).where(eq(users.schoolNumber, student));
    assert.equal(row?.sisId, `user-${student}`);
    assert.equal(row?.passwordHash, null, 'the password stays with the SIS');

    const teacher = await login('T1002', demoPassword('T1002'));
    assert.equal(teacher.status, 200);
    assert.equal(teacher.body.role, 'teacher');
    assert.equal((await login(studentNumber(2), 'not the password')).status, 401);
    assert.equal(await breaker(), 'closed');
  });

  test('with the SIS hanging, then down: SIS logins fail within the timeout, then at once; local accounts log in; the circuit closes after recovery', async () => {
    const local = await t.user('teacher');
    await sim.setMode({ delayMs: 30_000 });
    try {
      // Until the circuit opens each SIS login waits for the timeout, and no longer.
      for (let i = 0; i < FAILURES; i++) {
        const r = await login(studentNumber(3 + i), demoPassword(studentNumber(3 + i)));
        assert.equal(r.status, 503, JSON.stringify(r.body));
        assert.equal(r.body.error.code, 'SERVICE_UNAVAILABLE');
        assert.ok(r.ms >= TIMEOUT_MS - 10 && r.ms < TIMEOUT_MS + MARGIN_MS, `login ${i} took ${r.ms} ms`);
      }
      assert.equal(await breaker(), 'open');
      await sim.setMode({ down: true });
      const reached = sim.requests;
      for (let i = 0; i < 10; i++) {
        const number = studentNumber(10 + i);
        const r = await login(number, demoPassword(number));
        assert.equal(r.status, 503);
        assert.ok(r.ms < FAST_MS, `with the circuit open a login took ${r.ms} ms`);
      }
      assert.equal(sim.requests, reached, 'no login reached the SIS while the circuit was open');

      const localLogin = await login(local.schoolNumber, TEST_PASSWORD);
      assert.equal(localLogin.status, 200, 'local accounts do not depend on the SIS');
      const ready = await t.app.inject({ url: '/health/ready' });
      assert.equal(ready.statusCode, 200, 'an open SIS circuit does not take the app out of service');
      assert.equal(ready.json().checks.sis.status, 'degraded');
    } finally {
      await sim.setMode({ delayMs: 0, down: false });
    }

    // After the pause one trial login goes through and closes the circuit.
    const number = studentNumber(21);
    const deadline = performance.now() + HALF_OPEN_MS + 5_000;
    let r = await login(number, demoPassword(number));
    while (r.status === 503 && performance.now() < deadline) {
      assert.ok(r.ms < TIMEOUT_MS + MARGIN_MS, `a login took ${r.ms} ms`);
      await sleep(50);
      r = await login(number, demoPassword(number));
    }
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(await breaker(), 'closed');
    const ready = await t.app.inject({ url: '/health/ready' });
    assert.equal(ready.json().checks.sis.status, 'up');
    assert.equal((await login(studentNumber(22), demoPassword(studentNumber(22)))).status, 200);
  });

  test('no SIS password reaches the logs', () => {
    const text = JSON.stringify(t.logs);
    assert.ok(!text.includes(demoPassword(studentNumber(1))));
    assert.ok(t.logs.some((l) => l.event === 'sis.circuit_open'));
    assert.ok(t.logs.some((l) => l.event === 'sis.circuit_closed'));
  });
});
