// An app built exactly as in production (buildApp), on a fresh test database of the kind the
// run asks for (TEST_DB), with a settable clock and its log lines captured for assertions.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { AppSpec } from '../app/app-spec.ts';
import { buildApp } from '../app/build-app.ts';
import { createTestClock, type TestClock } from '../clock/clock.ts';
import type { PlatformConfig } from '../config/types.ts';
import type { Server } from '../http/create-server.ts';
import { createLogger } from '../log/create-logger.ts';
import { createTestDatabase, testDbKind } from './test-database.ts';

/**
 * The PostgreSQL run is the scaled-out shape: Redis too, under a prefix of this test app's own
 * so that test files running side by side never share a counter.
 */
function scaledOutEnv(): Record<string, string> {
  if (testDbKind() !== 'postgres') return {};
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_REDIS_URL too: run the tests with `npm test`');
  return { REDIS_URL: url, REDIS_PREFIX: `test-${randomUUID().slice(0, 8)}:` };
}

export interface TestApp {
  app: Server;
  clock: TestClock;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * The production logger (redaction, serializers) writing parsed lines into `logs`, and to the
 * rotating file `logFile` too when given (close() flushes it).
 */
export function captureLogger(sensitivePaths: string[] = [], logFile: string | null = null) {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const { logger, close } = createLogger({
    config: { logLevel: 'debug', logFile, logFileSize: '10m', logFileDays: 1, nodeEnv: 'test' },
    sensitivePaths,
    destination: stream,
    pretty: false,
  });
  return { logs, logger, close };
}

export async function createTestApp<C extends PlatformConfig>(
  spec: AppSpec<C>,
  opts: {
    env?: Record<string, string>;
    clock?: TestClock;
    /** Also write the log lines to this file, as production does (`logs/app.log`). */
    logFile?: string;
  } = {},
): Promise<TestApp> {
  // No scheduled backups (BACKUP_SCHEDULE) unless a test asks: a run at 03:30 UTC would write one.
  const config = spec.loadConfig({
    NODE_ENV: 'test',
    LOG_FILE: 'off',
    BACKUP_SCHEDULE: 'off',
    ...scaledOutEnv(),
    ...opts.env,
  });
  const database = await createTestDatabase({ migrationsFolder: spec.migrationsFolder, name: spec.name });
  const { logs, logger, close: closeLogs } = captureLogger(spec.sensitivePaths, opts.logFile ?? null);
  const clock = opts.clock ?? createTestClock();
  let app: Server | undefined;
  try {
    app = await buildApp(spec, { config, logger, database, clock });
    await app.ready();
  } catch (err) {
    await app?.close().catch(() => {});
    await database.close();
    await closeLogs();
    throw err;
  }
  return {
    app,
    clock,
    logs,
    async close() {
      await app.close();
      await database.close();
      await closeLogs();
    },
  };
}
