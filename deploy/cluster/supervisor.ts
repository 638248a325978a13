// The cluster's supervisor: `node deploy/cluster/supervisor.ts <dir>`, started detached by `up`,
// its own output in <dir>/logs/supervisor.log. It starts every process of <dir>/plan.json, each
// with its output appended to its log; restarts one that exits with a backoff (0.5 s doubling
// to 15 s, back to 0.5 s after 30 s of running); and records in <dir>/state.json each process's
// pid, starts and exits. On SIGTERM (`down`) it sends SIGTERM to every process, waits, records
// each one's exit code, signal and how long it took, and exits (SIGKILL past the grace period).
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterState } from './state.ts';

export interface PlannedProcess {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

const dir = process.argv[2] ?? '';
if (!dir) {
  console.error('usage: node deploy/cluster/supervisor.ts <cluster dir>');
  process.exit(2);
}
const statePath = join(dir, 'state.json');
const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as PlannedProcess[];
const state = JSON.parse(readFileSync(statePath, 'utf8')) as ClusterState;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;
const STABLE_AFTER_MS = 30_000;

const log = (msg: string, fields: object = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), msg, ...fields }));

function save() {
  const tmp = `${statePath}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, statePath);
}

interface Running {
  child: ChildProcess | null;
  startedAt: number;
  delayMs: number;
  timer: NodeJS.Timeout | null;
}
const running = new Map<string, Running>();
let stoppingAt: number | null = null;

function record(name: string) {
  const found = state.processes.find((p) => p.name === name);
  if (!found) throw new Error(`plan names ${name}, the state does not`);
  return found;
}

function start(planned: PlannedProcess) {
  const slot = running.get(planned.name) ?? {
    child: null,
    startedAt: 0,
    delayMs: FIRST_DELAY_MS,
    timer: null,
  };
  running.set(planned.name, slot);
  slot.timer = null;
  const proc = record(planned.name);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const out = openSync(proc.log, 'a');
  const child = spawn(planned.command, planned.args, {
    cwd: planned.cwd,
    env: planned.env,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  slot.child = child;
  slot.startedAt = Date.now();
  proc.pid = child.pid ?? null;
  proc.starts += 1;
  save();
  log('started', { name: planned.name, pid: child.pid, starts: proc.starts });
  child.on('error', (err) => log('could not start', { name: planned.name, error: err.message }));
  child.on('exit', (code, signal) => onExit(planned, child, code, signal));
}

function onExit(
  planned: PlannedProcess,
  child: ChildProcess,
  code: number | null,
  signal: NodeJS.Signals | null,
) {
  const slot = running.get(planned.name);
  if (!slot || slot.child !== child) return;
  const proc = record(planned.name);
  const now = Date.now();
  const uptimeMs = now - slot.startedAt;
  slot.child = null;
  proc.pid = null;
  proc.exits.push({ code, signal, at: new Date(now).toISOString(), uptimeMs });
  if (stoppingAt !== null) {
    proc.shutdown = { code, signal, tookMs: now - stoppingAt };
    save();
    log('stopped', { name: planned.name, code, signal, tookMs: now - stoppingAt });
    if ([...running.values()].every((s) => s.child === null)) finish();
    return;
  }
  if (uptimeMs >= STABLE_AFTER_MS) slot.delayMs = FIRST_DELAY_MS;
  const delay = slot.delayMs;
  slot.delayMs = Math.min(slot.delayMs * 2, MAX_DELAY_MS);
  save();
  log('exited, restarting', { name: planned.name, code, signal, uptimeMs, restartInMs: delay });
  slot.timer = setTimeout(() => start(planned), delay);
}

function finish() {
  log('every process stopped');
  save();
  process.exit(0);
}

function stopAll(signal: string) {
  if (stoppingAt !== null) return;
  stoppingAt = Date.now();
  log('stopping every process', { signal });
  for (const slot of running.values()) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.child?.kill('SIGTERM');
  }
  if ([...running.values()].every((s) => s.child === null)) finish();
  // Past the apps' own bound (they exit 1 there) and a margin: whatever still runs is killed.
  setTimeout(() => {
    for (const [name, slot] of running) {
      if (slot.child) {
        log('still running past the grace period: SIGKILL', { name });
        slot.child.kill('SIGKILL');
      }
    }
  }, state.shutdownTimeoutMs + 10_000).unref();
}

process.on('SIGTERM', () => stopAll('SIGTERM'));
process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGHUP', () => log('SIGHUP ignored'));

state.supervisor.pid = process.pid;
save();
log('supervisor started', { pid: process.pid, processes: plan.length });
for (const planned of plan) start(planned);
