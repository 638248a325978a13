// npm run cluster -- up [--dir .cluster] [--attn 3] [--acube 2] [--workers 2] [--https-port N] [--http-port N]
//                                        [--shutdown-timeout-ms 10000]
// npm run cluster -- status [--dir .cluster] [--json]
// npm run cluster -- down [--dir .cluster] [--json] [--purge]
// npm run cluster -- restart [--dir .cluster] [name...]   (rolling: one process at a time)
// The whole scaled-out shape on one machine, on loopback: see up.ts, supervisor.ts, down.ts.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { down } from './down.ts';
import { APPS } from './plan.ts';
import { readState, restartProcess } from './state.ts';
import { status } from './status.ts';
import { up } from './up.ts';

const USAGE = `Usage: npm run cluster -- <up|status|down|restart> [options]
  up      PostgreSQL and Redis, each app's migrate once, the API instances and job processes
          under a supervisor, nginx with TLS from a local test CA; prints the URLs and the CA
  status  every process (pid, restarts, ready), the services, each app through nginx
  down    SIGTERM to every process (recorded in state.json), then nginx, Redis and PostgreSQL
  restart rolling restart of the named processes (default: all), one at a time: SIGTERM (it
          drains), the supervisor starts it again, the next one once it is ready
Options:
  --dir DIR              the cluster's folder (default .cluster)
  --attn N, --acube N    API instances per app (default 3 and 2)
  --workers N            job processes per app (default 2)
  --https-port N         ATTN's https port, A-Cube's the next (default: free ports)
  --http-port N          ATTN's http port (301 to https), A-Cube's the next (default: free ports)
  --shutdown-timeout-ms  SHUTDOWN_TIMEOUT_MS of every process (default 10000)
  --ready-timeout-s N    how long up waits for every process to be ready (default 300)
  --json                 status and down: machine-readable output
  --purge                down: remove the folder (logs, data) too`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: 'string', default: '.cluster' },
    attn: { type: 'string', default: '3' },
    acube: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    'https-port': { type: 'string', default: '0' },
    'http-port': { type: 'string', default: '0' },
    'shutdown-timeout-ms': { type: 'string', default: '10000' },
    'ready-timeout-s': { type: 'string', default: '300' },
    json: { type: 'boolean', default: false },
    purge: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function count(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be an integer from ${min} to ${max}`);
    process.exit(2);
  }
  return n;
}

const command = positionals[0];
if (values.help || !command || !['up', 'status', 'down', 'restart'].includes(command)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

if (command === 'up') {
  const options = {
    dir: values.dir,
    attn: count('attn', values.attn, 1, 32),
    acube: count('acube', values.acube, 1, 32),
    workers: count('workers', values.workers, 0, 16),
    httpsPort: count('https-port', values['https-port'], 0, 65534),
    httpPort: count('http-port', values['http-port'], 0, 65534),
    shutdownTimeoutMs: count('shutdown-timeout-ms', values['shutdown-timeout-ms'], 0, 600_000),
    readyTimeoutMs: count('ready-timeout-s', values['ready-timeout-s'], 1, 3600) * 1000,
  };
  try {
    const state = await up(options);
    console.log('');
    for (const app of APPS) console.log(`  ${app.padEnd(6)} ${state.apps[app].url}`);
    console.log(`  CA     ${state.ca}  (curl --cacert, NODE_EXTRA_CA_CERTS)`);
    console.log(`  state  ${state.dir}/state.json; logs in ${state.dir}/logs`);
  } catch (err) {
    console.error(`[cluster] up failed: ${(err as Error).message}`);
    console.error('[cluster] stopping what was started');
    await down({ dir: values.dir });
    process.exit(1);
  }
} else if (command === 'status') {
  const ok = await status({ dir: values.dir, json: values.json }).catch((err: Error) => {
    console.error(`[cluster] ${err.message}`);
    return false;
  });
  process.exitCode = ok ? 0 : 1;
} else if (command === 'restart') {
  const state = readState(join(resolve(values.dir), 'state.json'));
  const names = positionals.length > 1 ? positionals.slice(1) : state.processes.map((p) => p.name);
  for (const name of names) {
    const startedAt = Date.now();
    const now = await restartProcess(state, name);
    const exit = now.exits.at(-1);
    console.log(
      `[cluster] ${name}: exit ${exit?.code ?? '-'}${exit?.signal ? ` (${exit.signal})` : ''}, pid ${now.pid} ready after ${Date.now() - startedAt} ms`,
    );
  }
} else {
  const state = await down({ dir: values.dir, purge: values.purge });
  if (values.json && state) {
    const processes = state.processes.map((p) => ({
      name: p.name,
      starts: p.starts,
      shutdown: p.shutdown ?? null,
    }));
    console.log(JSON.stringify({ shutdownTimeoutMs: state.shutdownTimeoutMs, processes }, null, 2));
  }
}
