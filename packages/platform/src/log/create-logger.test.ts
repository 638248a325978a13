import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger, redactUrl, requestIdFrom } from './create-logger.ts';

const baseConfig = {
  logLevel: 'info',
  logFile: null,
  logFileSize: '10m',
  logFileDays: 14,
  nodeEnv: 'test',
} as const;

function memory() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _e, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

test('lines are JSON with level, time and message', () => {
  const { lines, stream } = memory();
  const { logger } = createLogger({ config: baseConfig, destination: stream });
  logger.info({ bookingId: 'b1' }, 'booking created');
  assert.equal(lines[0]?.msg, 'booking created');
  assert.equal(lines[0]?.bookingId, 'b1');
  assert.equal(lines[0]?.level, 30);
  logger.debug('below the level');
  assert.equal(lines.length, 1);
});

test('passwords, tokens and secrets are redacted at any of the first levels', () => {
  const { lines, stream } = memory();
  const { logger } = createLogger({
    config: baseConfig,
    destination: stream,
    sensitivePaths: ['body.message'],
  });
  logger.info(
    {
      password: 'p0',
      body: {
        email: 'a@b.c',
        password: 'p1',
        new_password: 'p2',
        message: 'I feel low',
        nested: { refresh_token: 't1' },
      },
      user: { session: { token: 't2', accessToken: 't3' } },
      config: { appSecret: 's1' },
    },
    'sensitive',
  );
  const text = JSON.stringify(lines);
  for (const secret of ['p0', 'p1', 'p2', 't1', 't2', 't3', 's1', 'I feel low']) {
    assert.doesNotMatch(text, new RegExp(`"${secret}"`), secret);
  }
  assert.match(text, /a@b\.c/, 'non-sensitive fields stay');
});

test('requests are logged without credential headers and with URL tokens redacted', () => {
  const { lines, stream } = memory();
  const { logger } = createLogger({ config: baseConfig, destination: stream });
  logger.info(
    {
      req: {
        method: 'GET',
        url: '/api/bookings/manage?token=abc123&x=1',
        ip: '127.0.0.1',
        headers: {
          authorization: 'Bearer eyJabc',
          cookie: 'refresh=r1',
          'user-agent': 'test',
          referer: 'http://x/?access_token=zzz',
        },
      },
    },
    'incoming request',
  );
  const text = JSON.stringify(lines);
  for (const secret of ['abc123', 'eyJabc', 'refresh=r1', 'zzz'])
    assert.doesNotMatch(text, new RegExp(secret));
  const req = lines[0]?.req as { url: string; headers: Record<string, string> } | undefined;
  assert.equal(req?.url, '/api/bookings/manage?token=[REDACTED]&x=1');
  assert.equal(req?.headers['user-agent'], 'test');
});

test('redactUrl leaves URLs without sensitive parameters alone', () => {
  assert.equal(redactUrl('/a/b?page=2'), '/a/b?page=2');
  assert.equal(redactUrl('/a'), '/a');
  assert.equal(redactUrl('/a?Token=x&code=y'), '/a?Token=[REDACTED]&code=[REDACTED]');
  assert.equal(redactUrl('/a?link=x', ['link']), '/a?link=[REDACTED]');
});

test('a safe X-Request-Id is kept; an unsafe or long one is replaced by a UUID', () => {
  assert.equal(requestIdFrom('abc'), 'abc');
  assert.equal(requestIdFrom('req-1.2:3_x'), 'req-1.2:3_x');
  for (const bad of ['a b', '<script>', 'x'.repeat(200), '', undefined, ['a']]) {
    assert.match(requestIdFrom(bad), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  }
});

test('lines also go to the rotating file at logs/app.log, readable after close', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'log-test-'));
  const logFile = join(dir, 'logs', 'app.log');
  const { stream } = memory();
  const { logger, close } = createLogger({ config: { ...baseConfig, logFile }, destination: stream });
  for (let i = 0; i < 50; i++) logger.info({ i, password: 'hunter2' }, 'line');
  await close();
  const lines = readFileSync(logFile, 'utf8').trim().split('\n');
  assert.equal(lines.length, 50);
  assert.doesNotMatch(lines.join('\n'), /hunter2/);
  assert.deepEqual(readdirSync(join(dir, 'logs')), ['app.log']);
});

test('the file rotates by size and keeps a bounded number of files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'log-rotate-'));
  const logFile = join(dir, 'logs', 'app.log');
  const { stream } = memory();
  const { logger, close } = createLogger({
    config: { ...baseConfig, logFile, logFileSize: '1k', logFileDays: 2 },
    destination: stream,
  });
  for (let i = 0; i < 40; i++) {
    logger.info({ i, filler: 'x'.repeat(200) }, 'line');
    await new Promise((resolve) => setImmediate(resolve));
  }
  await close();
  const files = readdirSync(join(dir, 'logs'))
    .filter((f) => !f.startsWith('.'))
    .sort();
  assert.ok(files.includes('app.log'));
  assert.ok(files.length >= 2, `rotated: ${files.join(', ')}`);
  assert.ok(files.length <= 3, `bounded: ${files.join(', ')}`);
  assert.ok(
    files.every((f) => /^app(\.\d{4}-\d{2}-\d{2}\.\d+)?\.log$/.test(f)),
    files.join(', '),
  );
});

test('an error is logged in its safe form: no query parameters, rows or addresses', () => {
  const { lines, stream } = memory();
  const { logger } = createLogger({ config: baseConfig, destination: stream });
  const cause = Object.assign(
    new Error('duplicate key value violates unique constraint "people_email_key"'),
    {
      code: '23505',
      severity: 'ERROR',
      table: 'people',
      constraint: 'people_email_key',
      detail: 'Key (email)=(ana@example.org) already exists.',
    },
  );
  const err = Object.assign(
    new Error('Failed query: insert into "people" ("email") values ($1)\nparams: ana@example.org', { cause }),
    { query: 'insert into "people" ("email") values ($1)', params: ['ana@example.org'] },
  );
  err.name = 'DrizzleQueryError';
  logger.error({ err }, 'unexpected error');
  logger.error(err);
  const text = JSON.stringify(lines);
  assert.doesNotMatch(text, /ana@example\.org/);
  assert.deepEqual((lines[0]?.err as { db: unknown } | undefined)?.db, {
    code: '23505',
    table: 'people',
    constraint: 'people_email_key',
  });
  assert.equal(
    (lines[1]?.err as { message: string } | undefined)?.message,
    'Failed query: insert into "people"',
  );
});
