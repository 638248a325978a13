import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import pino from 'pino';
import { systemClock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { testConfig } from '../testing/test-config.ts';
import { BACKUP_QUEUE, Backups, backupsPlugin } from './backup-plugin.ts';

const postgres = { kind: 'postgres' } as Database;
const embedded = { kind: 'pglite', pglite: {} } as Database;

async function wire(database: Database, schedule: string | null) {
  const defined: string[] = [];
  const scheduled: [string, string][] = [];
  const app = Fastify();
  await app.register(fp(async () => {}, { name: 'platform-database' }));
  await app.register(
    fp(
      async (inner) => {
        inner.decorate('jobs', {
          define: (q: { name: string }) => defined.push(q.name),
          schedule: (queue: string, cron: string) => scheduled.push([queue, cron]),
        } as never);
      },
      { name: 'platform-jobs' },
    ),
  );
  await app.register(backupsPlugin, {
    app: 'unit',
    database,
    dataDir: '/nonexistent',
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    keep: 3,
    schedule,
  });
  await app.ready();
  await app.close();
  return { defined, scheduled };
}

test('BACKUP_SCHEDULE puts a backup queue on its cron on the embedded database only', async () => {
  assert.deepEqual(await wire(embedded, '30 3 * * *'), {
    defined: [BACKUP_QUEUE],
    scheduled: [[BACKUP_QUEUE, '30 3 * * *']],
  });
  assert.deepEqual(await wire(embedded, null), { defined: [], scheduled: [] });
  assert.deepEqual(await wire(postgres, '30 3 * * *'), { defined: [], scheduled: [] });
});

test('on PostgreSQL the app makes no backup of its own and says pg_dump is the way', async () => {
  const warnings: string[] = [];
  const logger = pino({ level: 'silent' });
  logger.warn = ((_obj: object, msg: string) => warnings.push(msg)) as never;
  const backups = new Backups({
    app: 'unit',
    database: postgres,
    dataDir: '/nonexistent',
    clock: systemClock,
    logger,
    keep: 3,
    schedule: null,
  });
  assert.equal(backups.embedded, false);
  await assert.rejects(backups.create('admin'), /pg_dump/);
  await backups.createLogged('signal');
  assert.match(warnings.join(), /pg_dump/);
});

test('BACKUP_SCHEDULE and BACKUP_KEEP are checked at boot: a cron or off, a count from 1', () => {
  assert.equal(testConfig().backupSchedule, '30 3 * * *');
  assert.equal(testConfig().backupKeep, 7);
  assert.equal(testConfig({ BACKUP_SCHEDULE: 'off' }).backupSchedule, null);
  assert.equal(testConfig({ BACKUP_SCHEDULE: '0 */6 * * 1-5' }).backupSchedule, '0 */6 * * 1-5');
  assert.throws(() => testConfig({ BACKUP_SCHEDULE: 'daily' }), /BACKUP_SCHEDULE: must be a 5-field cron/);
  assert.throws(() => testConfig({ BACKUP_KEEP: '0' }), /BACKUP_KEEP/);
});
