// The Prometheus files in deploy/prometheus/: `promtool check config` and `check rules` accept
// them, the rules' own unit tests pass (`promtool test rules`), and every metric the rules name
// (and every label they match or group by) is served by a live /metrics of each app: the cluster's
// processes when CLUSTER_STATE is set (npm run test:cluster), else one embedded instance of each
// app started here on a free port with a temporary DATA_DIR.
//   node --test deploy/test/monitoring.test.ts   (installs Debian's prometheus for promtool as root)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { type SpawnedApp, spawnApp } from '@campus/platform/testing';
import { parse } from 'yaml';
import { type AppName, readState } from '../cluster/state.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const promDir = join(root, 'deploy/prometheus');
const APPS: AppName[] = ['attn', 'acube'];
/** Series Prometheus makes itself for every target, never in /metrics. */
const SYNTHETIC = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);
/** Labels Prometheus adds to every scraped series (job, instance) or that histograms carry (le). */
const ADDED_LABELS = new Set(['job', 'instance', 'le']);

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
}

function rules(): Rule[] {
  const doc = parse(readFileSync(join(promDir, 'alerts.yml'), 'utf8')) as { groups: { rules: Rule[] }[] };
  return doc.groups.flatMap((g) => g.rules);
}

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression reads, and the labels it matches or groups by. */
export function namesIn(expr: string): { metrics: Set<string>; labels: Set<string> } {
  const labels = new Set<string>();
  const noStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const [, matchers = ''] of noStrings.matchAll(/\{([^}]*)\}/g))
    for (const [, label = ''] of matchers.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)/g))
      labels.add(label);
  for (const [, list = ''] of noStrings.matchAll(
    /\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g,
  ))
    for (const label of list
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean))
      labels.add(label);
  const bare = noStrings
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const metrics = new Set<string>();
  for (const match of bare.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const name = match[0];
    const next = bare.slice((match.index ?? 0) + name.length).trimStart();
    if (next.startsWith('(') || KEYWORDS.has(name.toLowerCase())) continue;
    // A number's exponent (1e3) or a duration is not a name.
    if (/[0-9.]$/.test(bare.slice(0, match.index).trimEnd())) continue;
    metrics.add(name);
  }
  return { metrics, labels };
}

/** Sample names (with _bucket, _sum, _count) and the labels each carries, from /metrics text. */
function served(texts: string[]): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const name = /^[A-Za-z_:][A-Za-z0-9_:]*/.exec(line)?.[0];
      if (!name) continue;
      const labels = byName.get(name) ?? new Set<string>();
      const braces = /\{(.*)\}/.exec(line)?.[1] ?? '';
      for (const [, label = ''] of braces.matchAll(/([A-Za-z_][A-Za-z0-9_]*)="/g)) labels.add(label);
      byName.set(name, labels);
    }
  }
  return byName;
}

async function promtool(...args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd: promDir });
    return stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    assert.fail(`promtool ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}

before(async () => {
  await run('bash', [join(root, 'deploy/services/ensure-packages.sh'), 'prometheus']);
});

describe('promtool', () => {
  let dir: string;
  before(() => {
    // The configuration as installed: beside its rules, with the token files it names.
    dir = mkdtempSync(join(tmpdir(), 'prometheus-check-'));
    for (const file of ['prometheus.yml', 'alerts.yml']) copyFileSync(join(promDir, file), join(dir, file));
    mkdirSync(join(dir, 'secrets'));
    for (const app of APPS)
      writeFileSync(join(dir, 'secrets', `${app}-metrics-token`), 'a-metrics-token-0123\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('check config accepts the scrape configuration and its rule file', async () => {
    const out = await promtool('check', 'config', join(dir, 'prometheus.yml'));
    assert.match(out, /SUCCESS: .*prometheus\.yml is valid/);
    assert.match(out, /SUCCESS: \d+ rules found/);
  });

  test('check rules accepts the alert rules', async () => {
    const out = await promtool('check', 'rules', 'alerts.yml');
    assert.match(out, new RegExp(`SUCCESS: ${rules().length} rules found`));
  });

  test("the rules' unit tests pass", async () => {
    assert.match(await promtool('test', 'rules', 'alerts.test.yml'), /SUCCESS/);
  });

  test('every app process is scraped, each job with its token', () => {
    const config = parse(readFileSync(join(promDir, 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; authorization?: { credentials_file?: string } }[];
    };
    assert.deepEqual(config.scrape_configs.map((c) => c.job_name).sort(), [...APPS].sort());
    for (const c of config.scrape_configs)
      assert.equal(c.authorization?.credentials_file, `secrets/${c.job_name}-metrics-token`);
  });

  test('the name reader finds names and labels, and skips functions and keywords', () => {
    const { metrics, labels } = namesIn(
      'sum by (app, le) (rate(a_b_bucket{route!~"/x|y", s="5.."}[5m])) / on (app) b > 2e3 and up == 0',
    );
    assert.deepEqual([...metrics].sort(), ['a_b_bucket', 'b', 'up']);
    assert.deepEqual([...labels].sort(), ['app', 'le', 'route', 's']);
  });
});

describe('every metric and label the rules use is served by a live /metrics', () => {
  const texts: string[] = [];
  const started: SpawnedApp[] = [];
  const dirs: string[] = [];

  before(async () => {
    if (process.env.CLUSTER_STATE) {
      const state = readState();
      // One API instance and one job process of each app.
      for (const app of APPS) {
        const token = readFileSync(state.apps[app].metricsTokenFile, 'utf8').trim();
        for (const role of ['api', 'worker'] as const) {
          const proc = state.processes.find((p) => p.app === app && p.role === role);
          assert.ok(proc, `the cluster has a ${app} ${role}`);
          const res = await fetch(`http://127.0.0.1:${proc.port}/metrics`, {
            headers: { authorization: `Bearer ${token}` },
          });
          assert.equal(res.status, 200, `${proc.name} /metrics`);
          texts.push(await res.text());
        }
      }
      return;
    }
    // One embedded instance of each app, as production runs it (token, real secret, no demo), as
    // a job process: it serves the same /metrics as an API instance (HTTP, readiness, Redis and
    // job gauges) and starts without building the web UI, which another helper's edit of its
    // sources would otherwise trigger at start.
    const token = 'a-metrics-token-for-the-test-0123';
    await Promise.all(
      APPS.map(async (app) => {
        const dataDir = mkdtempSync(join(tmpdir(), `monitoring-${app}-`));
        dirs.push(dataDir);
        const child = await spawnApp(
          join(root, 'apps', app, 'api', 'src', 'cli.ts'),
          {
            NODE_ENV: 'production',
            PORT: '0',
            HOST: '127.0.0.1',
            DATA_DIR: dataDir,
            LOG_FILE: 'off',
            LOG_LEVEL: 'info',
            ROLE: 'worker',
            DEMO_DATA: 'false',
            APP_SECRET: `monitoring-test-secret-${app}-0123456789abcdef`,
            METRICS_TOKEN: token,
            PUBLIC_URL: 'https://localhost',
            FACE_THREADS: '1',
          },
          { cwd: dataDir, timeoutMs: 180_000 },
        );
        started.push(child);
        // A request first: the HTTP series exist once the process has answered one.
        await (await fetch(`${child.url}/health/live`)).arrayBuffer();
        const res = await fetch(`${child.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.status, 200, `${app} /metrics`);
        texts.push(await res.text());
      }),
    );
  });

  after(async () => {
    for (const child of started) assert.equal(await child.stop('SIGTERM'), 0);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('each app serves the job, readiness and Redis gauges', () => {
    assert.equal(texts.length >= APPS.length, true);
    for (const text of texts) {
      for (const name of [
        'jobs_metrics_up',
        'jobs_queued',
        'jobs_oldest_queued_age_seconds',
        'health_ready',
        'redis_degraded',
      ])
        assert.match(text, new RegExp(`^${name}[{ ]`, 'm'), `${name} served`);
      assert.match(text, /^jobs_metrics_up\{[^}]*\} 1$/m, 'job counts readable');
      assert.match(text, /^redis_degraded\{[^}]*user="rate_limit"[^}]*\} 0$/m);
      assert.match(text, /^redis_degraded\{[^}]*user="live"[^}]*\} 0$/m);
    }
  });

  test('every name in the rules, with its labels', () => {
    const have = served(texts);
    const list = rules();
    assert.ok(list.length >= 5);
    for (const rule of list) {
      const { metrics, labels } = namesIn(rule.expr);
      const used = [...metrics].filter((m) => !SYNTHETIC.has(m));
      for (const metric of used)
        assert.ok(have.has(metric), `${rule.alert ?? rule.record}: ${metric} is not served by /metrics`);
      for (const label of labels) {
        if (ADDED_LABELS.has(label)) continue;
        assert.ok(
          used.some((m) => have.get(m)?.has(label)) || (used.length === 0 && label === 'job'),
          `${rule.alert ?? rule.record}: label ${label} is on none of ${used.join(', ')}`,
        );
      }
    }
  });
});
