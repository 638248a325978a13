// `npm run cluster -- status [--json]`: every process (pid, restarts, ready on its own port),
// the supervisor, nginx, PostgreSQL and Redis, and each app through nginx.
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { httpsGet } from './https-get.ts';
import { APPS } from './plan.ts';
import { isReady, readState } from './state.ts';
import { isAlive } from './up.ts';

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export async function status(opts: { dir: string; json?: boolean }): Promise<boolean> {
  const path = join(resolve(opts.dir), 'state.json');
  if (!existsSync(path))
    throw new Error(`no cluster in ${resolve(opts.dir)} (npm run cluster -- up --dir ${opts.dir})`);
  const state = readState(path);
  const ca = readFileSync(state.ca, 'utf8');
  let nginxPid: number | null = null;
  try {
    nginxPid = Number(readFileSync(state.nginx.pidFile, 'utf8').trim());
  } catch {}
  const processes = await Promise.all(
    state.processes.map(async (p) => ({
      name: p.name,
      app: p.app,
      role: p.role,
      port: p.port,
      pid: p.pid,
      alive: isAlive(p.pid),
      restarts: Math.max(0, p.starts - 1),
      ready: await isReady(p.port),
      log: p.log,
    })),
  );
  const apps = Object.fromEntries(
    await Promise.all(
      APPS.map(async (app) => {
        const answer = await httpsGet(`${state.apps[app].url}/health/ready`, ca).catch(() => ({ status: 0 }));
        return [
          app,
          { url: state.apps[app].url, ready: answer.status === 200, status: answer.status },
        ] as const;
      }),
    ),
  );
  const report = {
    dir: state.dir,
    ca: state.ca,
    supervisor: { pid: state.supervisor.pid, alive: isAlive(state.supervisor.pid) },
    nginx: { pid: nginxPid, alive: isAlive(nginxPid) },
    postgres: { port: state.postgres.port, up: await portOpen(state.postgres.port) },
    redis: { port: state.redis.port, up: await portOpen(state.redis.port) },
    apps,
    processes,
  };
  const allGood =
    report.supervisor.alive &&
    report.nginx.alive &&
    report.postgres.up &&
    report.redis.up &&
    Object.values(apps).every((a) => a.ready) &&
    processes.every((p) => p.ready);
  if (opts.json) {
    console.log(JSON.stringify({ ok: allGood, ...report }, null, 2));
    return allGood;
  }
  const mark = (ok: boolean) => (ok ? 'up' : 'DOWN');
  console.log(`cluster in ${state.dir} (CA: ${state.ca})`);
  console.log(`supervisor pid ${report.supervisor.pid} ${mark(report.supervisor.alive)}`);
  console.log(`nginx      pid ${nginxPid ?? '-'} ${mark(report.nginx.alive)}`);
  console.log(`postgres   127.0.0.1:${state.postgres.port} ${mark(report.postgres.up)}`);
  console.log(`redis      127.0.0.1:${state.redis.port} ${mark(report.redis.up)}`);
  for (const [app, a] of Object.entries(apps))
    console.log(`${app.padEnd(10)} ${a.url} ${a.ready ? 'ready' : `NOT READY (${a.status})`}`);
  console.log('');
  console.log(`${'process'.padEnd(16)} ${'port'.padEnd(6)} ${'pid'.padEnd(8)} restarts  ready`);
  for (const p of processes) {
    console.log(
      `${p.name.padEnd(16)} ${String(p.port).padEnd(6)} ${String(p.alive ? p.pid : '-').padEnd(8)} ${String(p.restarts).padEnd(9)} ${p.ready ? 'yes' : 'NO'}`,
    );
  }
  return allGood;
}
