// The systemd units in deploy/systemd/, checked where systemd is installed but not running as
// PID 1: `systemd-analyze verify` on every unit (rendered with the paths of this checkout: the
// node binary running this test and the repository for /opt/campus, so that ExecStart exists),
// failing on any warning about our units; `systemd-analyze security --offline` for the exposure
// of the long-running ones; then what verify cannot see: each secret handed over as a credential
// and named by its *_FILE setting, TimeoutStopSec longer than SHUTDOWN_TIMEOUT_MS, and each
// environment file example accepted by the app's own settings loader in production.
//   node --test deploy/test/systemd.test.ts
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { acubeSpec } from '../../apps/acube/api/src/spec.ts';
import { attnSpec } from '../../apps/attn/api/src/spec.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const unitDir = join(root, 'deploy/systemd');
const APPS = { attn: attnSpec, acube: acubeSpec } as const;
type App = keyof typeof APPS;
const NODE = '/usr/local/bin/node';
const CODE = '/opt/campus';

const unitFiles = readdirSync(unitDir).filter((f) => /\.(service|target)$/.test(f));

/** A unit file's settings: section → key → every value (keys may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section?.[1]) {
      current = new Map();
      sections.set(section[1], current);
      continue;
    }
    const cut = line.indexOf('=');
    assert.ok(current && cut > 0, `unreadable line: ${line}`);
    const key = line.slice(0, cut);
    current.set(key, [...(current.get(key) ?? []), line.slice(cut + 1)]);
  }
  return sections;
}

const unit = (file: string) => parseUnit(readFileSync(join(unitDir, file), 'utf8'));
const service = (file: string) => unit(file).get('Service') ?? new Map<string, string[]>();

/** systemd's Environment= values (space-separated NAME=value words) as one record. */
function environment(values: string[] = []): Record<string, string> {
  return Object.fromEntries(
    values
      .flatMap((v) => v.split(/\s+/))
      .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
  );
}

/** An EnvironmentFile=: NAME=value lines, comments and blank lines skipped. */
function envFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cut = line.indexOf('=');
    assert.ok(cut > 0, `${path}: unreadable line ${line}`);
    out[line.slice(0, cut).trim()] = line.slice(cut + 1).trim();
  }
  return out;
}

const seconds = (value: string) => {
  const m = /^(\d+)(s|min)?$/.exec(value);
  assert.ok(m, `a time in s or min: ${value}`);
  return Number(m[1]) * (m[2] === 'min' ? 60 : 1);
};

describe('systemd-analyze', () => {
  let dir: string;
  before(async () => {
    await run('bash', [join(root, 'deploy/services/ensure-packages.sh'), 'systemd']);
    dir = mkdtempSync(join(tmpdir(), 'systemd-verify-'));
    for (const file of unitFiles) {
      const text = readFileSync(join(unitDir, file), 'utf8')
        .replaceAll(NODE, process.execPath)
        .replaceAll(CODE, root);
      writeFileSync(join(dir, file), text);
    }
    // Instances as an admin enables them: the template under the instance's name.
    for (const name of ['attn-api@3101', 'attn-worker@3191', 'acube-api@3201', 'acube-worker@3291'])
      symlinkSync(`${name.replace(/@.*/, '@')}.service`, join(dir, `${name}.service`));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('verify: every unit and instance loads with no warning', async () => {
    const files = readdirSync(dir).map((f) => join(dir, f));
    let out: string;
    try {
      const { stdout, stderr } = await run('systemd-analyze', ['verify', '--man=no', ...files]);
      out = stdout + stderr;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      assert.fail(`systemd-analyze verify failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
    const ours = out.split('\n').filter((line) => /(attn|acube)[-.@]|systemd-verify-/.test(line));
    assert.deepEqual(ours, [], `warnings about our units:\n${out}`);
  });

  test('verify still fails on a unit with a mistake (the check above can fail)', async () => {
    const bad = join(dir, 'attn-worker@.service');
    const original = readFileSync(bad, 'utf8');
    writeFileSync(
      bad,
      original
        .replace('Restart=on-failure', 'Restart=on-failur')
        .replace(process.execPath, '/nonexistent/node'),
    );
    try {
      const result = await run('systemd-analyze', [
        'verify',
        '--man=no',
        join(dir, 'attn-worker@3191.service'),
      ]).then(
        (r) => r.stdout + r.stderr,
        (err: { stdout?: string; stderr?: string }) => `${err.stdout ?? ''}${err.stderr ?? ''}`,
      );
      assert.match(result, /restart specifier/);
      assert.match(result, /not executable/);
    } finally {
      writeFileSync(bad, original);
    }
  });

  test('security: each API instance and job process is exposed "OK" or less (2.0 of 10 at most)', async () => {
    for (const name of ['attn-api@3101', 'attn-worker@3191', 'acube-api@3201', 'acube-worker@3291']) {
      const { stdout, stderr } = await run('systemd-analyze', [
        'security',
        '--offline=true',
        join(dir, `${name}.service`),
      ]);
      const level = /Overall exposure level for .*: ([\d.]+)/.exec(stdout + stderr);
      assert.ok(level?.[1], `${name}: ${stdout}${stderr}`);
      assert.ok(Number(level[1]) <= 2, `${name}: exposure ${level[1]}`);
    }
  });
});

describe('what verify cannot see', () => {
  for (const app of Object.keys(APPS) as App[]) {
    const serving = [`${app}-api@.service`, `${app}-worker@.service`];
    const all = [...serving, `${app}-migrate.service`];

    test(`${app}: the units exist, start the app's CLI and belong to ${app}.target`, () => {
      assert.ok(unitFiles.includes(`${app}.target`));
      for (const file of all) {
        const s = service(file);
        const [exec = ''] = s.get('ExecStart') ?? [];
        const [binary, cli, command] = exec.split(' ');
        assert.equal(binary, NODE, file);
        assert.equal(cli, `${CODE}/apps/${app}/api/src/cli.ts`, file);
        assert.ok(existsSync(cli.replace(CODE, root)), `${file}: ${cli} is in the repository`);
        assert.equal(command, file.includes('migrate') ? 'migrate' : 'serve');
        assert.deepEqual(s.get('EnvironmentFile'), [`/etc/campus/${app}.env`]);
        assert.deepEqual(unit(file).get('Install')?.get('WantedBy'), [`${app}.target`]);
        assert.deepEqual(unit(file).get('Unit')?.get('PartOf'), [`${app}.target`]);
      }
      const migrate = service(`${app}-migrate.service`);
      assert.deepEqual(migrate.get('Type'), ['oneshot']);
      // It must go back to inactive: each start of an instance (through Requires=) runs it again.
      assert.equal(migrate.get('RemainAfterExit'), undefined);
    });

    test(`${app}: API and job processes run after the migrate, restart on failure, and take their port from the instance`, () => {
      for (const file of serving) {
        const u = unit(file);
        assert.ok(u.get('Unit')?.get('Requires')?.includes(`${app}-migrate.service`));
        assert.match(u.get('Unit')?.get('After')?.join(' ') ?? '', new RegExp(`${app}-migrate\\.service`));
        const s = service(file);
        assert.deepEqual(s.get('Restart'), ['on-failure']);
        const env = environment(s.get('Environment'));
        assert.equal(env.PORT, '%i');
        assert.equal(env.ROLE, file.includes('-api@') ? 'api' : 'worker');
        assert.equal(env.MIGRATE_ON_START, 'false');
        assert.match(env.DATA_DIR ?? '', /^%S\//);
        assert.ok(
          s.get('StateDirectory')?.[0] && env.DATA_DIR?.endsWith(s.get('StateDirectory')?.[0] ?? '-'),
          'DATA_DIR is the writable StateDirectory',
        );
      }
    });

    test(`${app}: hardened`, () => {
      for (const file of all) {
        const s = service(file);
        for (const [key, value] of Object.entries({
          NoNewPrivileges: 'yes',
          ProtectSystem: 'strict',
          ProtectHome: 'yes',
          PrivateTmp: 'yes',
          PrivateDevices: 'yes',
          RestrictSUIDSGID: 'yes',
          CapabilityBoundingSet: '',
          User: app,
        }))
          assert.deepEqual(s.get(key), [value], `${file}: ${key}=${value}`);
      }
    });

    test(`${app}: every secret is a credential named by its *_FILE setting`, () => {
      for (const file of all) {
        const s = service(file);
        const env = environment(s.get('Environment'));
        const credentials = (s.get('LoadCredential') ?? []).map((v) => v.split(':'));
        assert.ok(credentials.length >= 2, file);
        for (const [id = '', path] of credentials) {
          assert.equal(path, `/etc/campus/${app}/${id}`);
          assert.equal(
            env[`${id.toUpperCase()}_FILE`],
            `%d/${id}`,
            `${file}: ${id.toUpperCase()}_FILE=%d/${id}`,
          );
        }
        // LOG_FILE is a path of its own, not a secret's file.
        for (const name of Object.keys(env).filter((k) => k.endsWith('_FILE') && k !== 'LOG_FILE'))
          assert.ok(
            credentials.some(([id]) => `${id?.toUpperCase()}_FILE` === name),
            `${file}: ${name} has its credential`,
          );
      }
    });

    test(`${app}: TimeoutStopSec outlasts SHUTDOWN_TIMEOUT_MS by 2 s or more`, () => {
      const shutdownMs = Number(envFile(join(unitDir, `${app}.env.example`)).SHUTDOWN_TIMEOUT_MS);
      assert.ok(shutdownMs > 0);
      for (const file of serving) {
        const [stop = ''] = service(file).get('TimeoutStopSec') ?? [];
        assert.ok(seconds(stop) * 1000 >= shutdownMs + 2000, `${file}: TimeoutStopSec=${stop}`);
        assert.deepEqual(service(file).get('KillSignal'), ['SIGTERM']);
      }
    });

    test(`${app}: the environment file example is a valid production configuration, with no secret in it`, () => {
      const example = envFile(join(unitDir, `${app}.env.example`));
      const unitOwned = ['PORT', 'ROLE', 'INSTANCE_ID', 'DATA_DIR', 'MIGRATE_ON_START'];
      for (const key of Object.keys(example)) {
        assert.ok(!unitOwned.includes(key), `${key} is set by the units`);
        assert.ok(
          !key.endsWith('_FILE') || key.startsWith('LOG_FILE'),
          `${key}: the units set the *_FILE paths`,
        );
        assert.ok(
          !/SECRET|TOKEN|PASSWORD|_URL$/.test(key) ||
            ['PUBLIC_URL', 'QUICK_EXIT_URL', 'SIS_URL'].includes(key),
          `${key} looks like a secret`,
        );
      }
      // Every setting in it is one the app knows: its name appears among the settings' declarations.
      const sources = [join(root, 'packages/platform/src/config'), join(root, 'apps', app, 'api/src')]
        .flatMap((d) =>
          readdirSync(d, { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
            .map((f) => readFileSync(join(d, f), 'utf8')),
        )
        .join('\n');
      for (const key of Object.keys(example))
        assert.match(sources, new RegExp(`\\b${key}: `), `${key} is a setting of ${app}`);

      const secrets = mkdtempSync(join(tmpdir(), `systemd-env-${app}-`));
      try {
        const credential = (id: string, value: string) => {
          writeFileSync(join(secrets, id), `${value}\n`);
          return join(secrets, id);
        };
        const config = APPS[app].loadConfig({
          ...example,
          PORT: '3101',
          ROLE: 'api',
          INSTANCE_ID: `${app}-api-3101`,
          DATA_DIR: secrets,
          MIGRATE_ON_START: 'false',
          APP_SECRET_FILE: credential('app_secret', 'a-production-secret-of-forty-characters-0123'),
          DATABASE_URL_FILE: credential('database_url', `postgres://${app}:pw@127.0.0.1:5432/${app}`),
          REDIS_URL_FILE: credential('redis_url', 'redis://:pw@127.0.0.1:6379'),
          METRICS_TOKEN_FILE: credential('metrics_token', 'a-metrics-token-0123456'),
          // An empty credential file: the optional setting is unset.
          SMTP_URL_FILE: credential('smtp_url', ''),
        });
        assert.equal(config.nodeEnv, 'production');
        assert.equal(config.port, 3101);
        assert.equal(config.smtpUrl, undefined);
        assert.equal(config.databaseUrl, `postgres://${app}:pw@127.0.0.1:5432/${app}`);
        assert.equal(config.shutdownTimeoutMs, Number(example.SHUTDOWN_TIMEOUT_MS));
      } finally {
        rmSync(secrets, { recursive: true, force: true });
      }
    });
  }
});

describe('rolling-restart.sh', () => {
  let dir: string;
  const servers: Server[] = [];
  /** Ports of stand-in instances: /health/ready answers `status` (200, or 503 for one that does not come back). */
  const instance = async (status: number) => {
    const server = createServer((req, res) => {
      res.statusCode = req.url === '/health/ready' ? status : 404;
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers.push(server);
    return (server.address() as AddressInfo).port;
  };
  /** Runs the script with a stand-in systemctl that lists `units` and logs what it is told. */
  const rollingRestart = async (units: string[]) => {
    const log = join(dir, `systemctl-${Math.random().toString(36).slice(2)}.log`);
    const fake = join(dir, 'systemctl');
    writeFileSync(
      fake,
      `#!/usr/bin/env bash\necho "$*" >> "$FAKE_LOG"\n[ "$1" = list-units ] && [ -n "$FAKE_UNITS" ] && printf '%s loaded active running x\\n' $FAKE_UNITS\nexit 0\n`,
    );
    chmodSync(fake, 0o755);
    const result = await run('bash', [join(unitDir, 'rolling-restart.sh'), 'attn'], {
      env: {
        ...process.env,
        SYSTEMCTL: fake,
        FAKE_LOG: log,
        FAKE_UNITS: units.join(' '),
        READY_TIMEOUT: '2',
      },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (err: { code?: number; stdout?: string; stderr?: string }) => ({
        code: err.code ?? -1,
        out: `${err.stdout ?? ''}${err.stderr ?? ''}`,
      }),
    );
    const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    return { ...result, restarts: calls.filter((c) => c.startsWith('restart ')).map((c) => c.slice(8)) };
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rolling-restart-'));
  });
  after(async () => {
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('restarts the API instances, then the job processes, one at a time, each once ready', async () => {
    const [a, b, w] = [await instance(200), await instance(200), await instance(200)];
    const units = [`attn-worker@${w}.service`, `attn-api@${b}.service`, `attn-api@${a}.service`];
    const { code, out, restarts } = await rollingRestart(units);
    assert.equal(code, 0, out);
    const byPort = [a, b].sort((x, y) => x - y).map((p) => `attn-api@${p}.service`);
    assert.deepEqual(restarts, [...byPort, `attn-worker@${w}.service`]);
    assert.match(out, /restarted 3 attn processes/);
  });

  test('stops at an instance that does not come back, naming it, and restarts no other', async () => {
    const [bad, good] = [await instance(503), await instance(200)];
    const first = Math.min(bad, good) === bad;
    const { code, out, restarts } = await rollingRestart([
      `attn-api@${bad}.service`,
      `attn-api@${good}.service`,
    ]);
    assert.equal(code, 1);
    assert.match(out, new RegExp(`attn-api@${bad}\\.service is not ready after 2 s`));
    assert.deepEqual(
      restarts,
      first ? [`attn-api@${bad}.service`] : [`attn-api@${good}.service`, `attn-api@${bad}.service`],
    );
  });

  test('refuses an unknown app and says when nothing runs', async () => {
    const unknown = await run('bash', [join(unitDir, 'rolling-restart.sh'), 'nope']).catch((e) => e);
    assert.equal(unknown.code, 2);
    const { code, out } = await rollingRestart([]);
    assert.equal(code, 1);
    assert.match(out, /no active attn-api@ or attn-worker@ unit/);
  });
});
