// The cluster's supervisor on its own (no cluster needed; CLUSTER_STATE is ignored): a process
// that crashes is restarted with a growing backoff and each exit recorded; on SIGTERM every
// process gets SIGTERM and how it exited, and how long it took, lands in state.json.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ClusterProcess, ClusterState } from '../cluster/state.ts';
import type { PlannedProcess } from '../cluster/supervisor.ts';

const supervisor = new URL('../cluster/supervisor.ts', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('restarts a crashing process with backoff, and on SIGTERM records how each process exited', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'supervisor-test-'));
  let child: ChildProcess | undefined;
  try {
    const scripts = {
      // Exits 3 at once, every time.
      crasher: 'setTimeout(() => process.exit(3), 50);',
      // Runs until SIGTERM, then takes 300 ms to finish and exits 0.
      graceful:
        "process.on('SIGTERM', () => setTimeout(() => process.exit(0), 300)); setInterval(() => {}, 1000);",
    };
    const processes: ClusterProcess[] = Object.keys(scripts).map((name, i) => ({
      name,
      app: 'attn',
      role: 'api',
      port: 1000 + i,
      pid: null,
      starts: 0,
      exits: [],
      log: join(dir, `${name}.log`),
    }));
    const plan: PlannedProcess[] = Object.entries(scripts).map(([name, code]) => ({
      name,
      command: process.execPath,
      args: ['-e', code],
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
    }));
    const state = {
      dir,
      shutdownTimeoutMs: 2000,
      supervisor: { pid: 0, log: '' },
      processes,
    } as unknown as ClusterState;
    writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const proc = spawn(process.execPath, [supervisor, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    child = proc;
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const read = () => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as ClusterState;
    const byName = (name: string) => read().processes.find((p) => p.name === name) as ClusterProcess;

    // Restarted after 0.5 s, then 1 s, then 2 s (the backoff doubles while it keeps crashing).
    const deadline = Date.now() + 60_000;
    while (byName('crasher').starts < 4 && Date.now() < deadline) await sleep(100);
    const crasher = byName('crasher');
    assert.ok(crasher.starts >= 4, `restarted (${crasher.starts} starts)`);
    assert.ok(crasher.exits.length >= 3);
    assert.ok(crasher.exits.every((e) => e.code === 3 && e.signal === null));
    const delays = output
      .split('\n')
      .filter((line) => line.includes('"crasher"') && line.includes('restartInMs'))
      .map((line) => (JSON.parse(line) as { restartInMs: number }).restartInMs);
    assert.deepEqual(delays.slice(0, 3), [500, 1000, 2000]);
    const graceful = byName('graceful');
    assert.equal(graceful.starts, 1);
    assert.ok(graceful.pid);
    assert.equal(read().supervisor.pid, proc.pid);

    proc.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
    assert.equal(code, 0, output);
    const stopped = byName('graceful');
    assert.equal(stopped.pid, null);
    assert.equal(stopped.shutdown?.code, 0);
    assert.equal(stopped.shutdown?.signal, null);
    assert.ok((stopped.shutdown?.tookMs ?? 0) >= 250, `took ${stopped.shutdown?.tookMs} ms`);
    assert.match(output, /every process stopped/);
  } finally {
    // The supervisor's own children die with it only through its SIGTERM: kill what is left.
    if (child && child.exitCode === null && child.signalCode === null) {
      const pids = (JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as ClusterState).processes
        .map((p) => p.pid)
        .filter((pid): pid is number => typeof pid === 'number');
      child.kill('SIGKILL');
      for (const pid of pids) process.kill(pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
