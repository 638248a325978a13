import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, DEVELOPMENT_APP_SECRET, loadConfig } from './load-config.ts';
import { url } from './settings.ts';

const cwd = mkdtempSync(join(tmpdir(), 'config-test-'));
const load = (env: Record<string, string>, dir = cwd) =>
  loadConfig({ app: 'acube', defaultPort: 3000, env, cwd: dir });

function problemsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return Object.fromEntries(err.problems.map((p) => [p.variable, p.message]));
  }
  assert.fail('expected a ConfigError');
}

test('defaults give a working development configuration', () => {
  const config = load({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.nodeEnv, 'development');
  assert.equal(config.dataDir, join(cwd, 'data', 'acube'));
  assert.equal(config.logFile, join(cwd, 'data', 'acube', 'logs', 'app.log'));
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.trustProxy, false);
  assert.deepEqual(config.corsOrigins, []);
  assert.equal(config.role, 'all');
  assert.equal(config.demoData, true, 'demo data on the embedded default');
  assert.equal(config.appSecret, DEVELOPMENT_APP_SECRET);
  assert.equal(config.mailFrom, 'Acube <no-reply@localhost>');
});

test('each setting is parsed into its type', () => {
  const config = load({
    PORT: '8080',
    HOST: '0.0.0.0',
    DATA_DIR: 'var/acube',
    DATABASE_URL: 'postgres://u:p@db:5432/acube',
    REDIS_URL: 'redis://cache:6379',
    SMTP_URL: 'smtp://mail:587',
    MAIL_FROM: 'A-Cube <hello@acube.example>',
    LOG_LEVEL: 'debug',
    LOG_FILE: 'off',
    TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
    CORS_ORIGINS: 'https://a.example, http://localhost:5173',
    ROLE: 'worker',
    DEMO_DATA: 'no',
    SHUTDOWN_TIMEOUT_MS: '2500',
    RATE_LIMIT_PUBLIC: '10/minute;30/hour',
  });
  assert.equal(config.port, 8080);
  assert.equal(config.dataDir, join(cwd, 'var', 'acube'));
  assert.equal(config.logFile, null);
  assert.deepEqual(config.trustProxy, ['127.0.0.1', '10.0.0.0/8']);
  assert.deepEqual(config.corsOrigins, ['https://a.example', 'http://localhost:5173']);
  assert.equal(config.role, 'worker');
  assert.equal(config.demoData, false);
  assert.equal(config.shutdownTimeoutMs, 2500);
  assert.deepEqual(config.rateLimits, { public: '10/minute;30/hour' });
  assert.equal(load({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(load({ TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(
    load({ DATABASE_URL: 'postgresql://db/x' }).demoData,
    false,
    'no demo rows on a real database',
  );
});

test('one error names every bad variable, and never echoes a secret', () => {
  const problems = problemsOf(() =>
    load({
      PORT: 'abc',
      DATABASE_URL: 'notaurl',
      LOG_LEVEL: 'loud',
      TRUST_PROXY: '999.1.1.1',
      CORS_ORIGINS: 'not an origin',
      APP_SECRET: 'short',
      RATE_LIMIT_LOGIN: 'lots',
    }),
  );
  assert.deepEqual(Object.keys(problems).sort(), [
    'APP_SECRET',
    'CORS_ORIGINS',
    'DATABASE_URL',
    'LOG_LEVEL',
    'PORT',
    'RATE_LIMIT_LOGIN',
    'TRUST_PROXY',
  ]);
  assert.match(problems.PORT ?? '', /integer between 0 and 65535 \(got "abc"\)/);
  assert.doesNotMatch(problems.DATABASE_URL ?? '', /notaurl/);
  assert.doesNotMatch(problems.APP_SECRET ?? '', /short/);
  try {
    load({ PORT: 'abc', DATABASE_URL: 'notaurl' });
  } catch (err) {
    assert.match(String((err as Error).message), /^Invalid configuration:\n {2}PORT: .*\n {2}DATABASE_URL: /);
  }
});

test('production refuses the development secret and wildcard CORS', () => {
  const problems = problemsOf(() => load({ NODE_ENV: 'production', CORS_ORIGINS: '*' }));
  assert.deepEqual(Object.keys(problems).sort(), ['APP_SECRET', 'CORS_ORIGINS']);
  const real = 'x'.repeat(48);
  assert.equal(load({ NODE_ENV: 'production', APP_SECRET: real }).appSecret, real);
  assert.equal(load({ NODE_ENV: 'production', APP_SECRET: real }).demoData, false);
  assert.deepEqual(load({ CORS_ORIGINS: '*' }).corsOrigins, ['*'], 'allowed in development');
});

test('secrets can come from a file; both forms at once, or an unreadable file, are errors', () => {
  const file = join(cwd, 'secret.txt');
  writeFileSync(file, `${'s'.repeat(40)}\n`);
  assert.equal(load({ APP_SECRET_FILE: file }).appSecret, 's'.repeat(40));
  writeFileSync(join(cwd, 'db-url'), 'postgres://user:pw@db/x\n');
  assert.equal(load({ DATABASE_URL_FILE: join(cwd, 'db-url') }).databaseUrl, 'postgres://user:pw@db/x');
  assert.deepEqual(
    Object.keys(problemsOf(() => load({ APP_SECRET_FILE: file, APP_SECRET: 'y'.repeat(40) }))),
    ['APP_SECRET'],
  );
  assert.deepEqual(Object.keys(problemsOf(() => load({ APP_SECRET_FILE: join(cwd, 'missing') }))), [
    'APP_SECRET_FILE',
  ]);
});

test('.env is read, and the environment wins over it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'config-dotenv-'));
  writeFileSync(join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=warn\n# a comment\nHOST="0.0.0.0"\n');
  const config = load({ LOG_LEVEL: 'error' }, dir);
  assert.equal(config.port, 4000);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.logLevel, 'error');
});

test('apps add settings of their own, parsed and named in errors like the rest', () => {
  const withSis = (env: Record<string, string>) =>
    loadConfig({ app: 'attn', defaultPort: 3001, env, cwd, extra: { SIS_URL: url(['http:', 'https:']) } });
  assert.equal(withSis({}).extra.SIS_URL, undefined);
  assert.equal(withSis({ SIS_URL: 'http://127.0.0.1:4010' }).extra.SIS_URL, 'http://127.0.0.1:4010');
  assert.deepEqual(Object.keys(problemsOf(() => withSis({ SIS_URL: 'ftp://x' }))), ['SIS_URL']);
});

test('PUBLIC_URL: http or https, trailing slashes dropped; by default the local port', () => {
  assert.equal(load({}).publicUrl, 'http://localhost:3000');
  assert.equal(load({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
  assert.equal(load({ PUBLIC_URL: 'https://attn.example.edu//' }).publicUrl, 'https://attn.example.edu');
  assert.equal(load({ PUBLIC_URL: 'https://example.org/attn/' }).publicUrl, 'https://example.org/attn');
  for (const bad of ['ftp://example.org', 'example.org', 'https://'])
    assert.deepEqual(Object.keys(problemsOf(() => load({ PUBLIC_URL: bad }))), ['PUBLIC_URL'], bad);
});

test('the configuration is deeply frozen', () => {
  const config = load({ CORS_ORIGINS: 'https://a.example' });
  assert.ok(Object.isFrozen(config));
  assert.ok(Object.isFrozen(config.corsOrigins));
  assert.throws(() => {
    (config as { port: number }).port = 1;
  });
});

test('INSTANCE_ID names the process (safe characters only); MIGRATE_ON_START defaults to true', () => {
  const defaults = load({});
  assert.equal(defaults.instanceId, undefined);
  assert.equal(defaults.migrateOnStart, true);
  const set = load({ INSTANCE_ID: 'attn-api-2', MIGRATE_ON_START: 'false' });
  assert.equal(set.instanceId, 'attn-api-2');
  assert.equal(set.migrateOnStart, false);
  const problems = problemsOf(() => load({ INSTANCE_ID: 'a b', MIGRATE_ON_START: 'maybe' }));
  assert.match(problems.INSTANCE_ID ?? '', /A-Z a-z 0-9/);
  assert.match(problems.MIGRATE_ON_START ?? '', /true or false/);
});

test('JOBS_HEARTBEAT_SECONDS defaults to 15 and takes 10 or more (pg-boss refuses less)', () => {
  assert.equal(load({}).jobsHeartbeatSeconds, 15);
  assert.equal(load({ JOBS_HEARTBEAT_SECONDS: '10' }).jobsHeartbeatSeconds, 10);
  const problems = problemsOf(() => load({ JOBS_HEARTBEAT_SECONDS: '9' }));
  assert.ok(problems.JOBS_HEARTBEAT_SECONDS, 'under 10 is refused');
});
