// Puts backups on the app (`app.backups`): on the embedded database the running app writes
// them itself to DATA_DIR/backups (asked by an admin route, by SIGUSR2 through serve(), or by
// the BACKUP_SCHEDULE cron), keeping the newest BACKUP_KEEP. One backup at a time: a second
// request waits for the first. On PostgreSQL it makes none: that is pg_dump's job (the CLI's
// `backup` runs it), and it says so.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { defineQueue } from '../jobs/queue.ts';
import {
  BACKUPS_FOLDER,
  BackupError,
  type BackupFile,
  backupStamp,
  freeName,
  listBackups,
  pruneBackups,
  writeEmbeddedBackup,
} from './embedded-backup.ts';
import type { BackupManifest } from './manifest.ts';

export const BACKUP_QUEUE = 'platform-backup';

export const POSTGRES_BACKUP_ADVICE =
  'This app runs on PostgreSQL: back it up with pg_dump (`npm run <app> -- backup` runs `pg_dump -Fc` ' +
  'of DATABASE_URL) or your database service\u2019s own backups; see the README';

export interface BackupsOptions {
  app: string;
  database: Database;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** BACKUP_KEEP: how many of this app's backups DATA_DIR/backups keeps. */
  keep: number;
  /** BACKUP_SCHEDULE: a cron (UTC) for a backup by itself, or null for none. */
  schedule: string | null;
}

export interface CreatedBackup extends BackupFile {
  manifest: BackupManifest;
}

export class Backups {
  readonly #opts: BackupsOptions;
  #running: Promise<unknown> = Promise.resolve();

  constructor(opts: BackupsOptions) {
    this.#opts = opts;
  }

  /** Whether this process can back itself up (the embedded database). */
  get embedded(): boolean {
    return this.#opts.database.kind === 'pglite' && this.#opts.database.pglite !== undefined;
  }

  get folder(): string {
    return join(this.#opts.dataDir, BACKUPS_FOLDER);
  }

  list(): Promise<BackupFile[]> {
    return listBackups(this.folder, this.#opts.app);
  }

  /** Writes a backup now (after any running one) and prunes old ones. */
  create(reason: string): Promise<CreatedBackup> {
    const next = this.#running.then(
      () => this.#create(reason),
      () => this.#create(reason),
    );
    this.#running = next.catch(() => {});
    return next;
  }

  async #create(reason: string): Promise<CreatedBackup> {
    const { database, logger } = this.#opts;
    if (!this.embedded || !database.pglite) throw new BackupError(POSTGRES_BACKUP_ADVICE);
    const at = this.#opts.clock.now();
    await mkdir(this.folder, { recursive: true });
    const out = freeName(this.folder, backupStamp(this.#opts.app, at), '.tar.gz');
    const started = performance.now();
    const manifest = await writeEmbeddedBackup({
      pglite: database.pglite,
      db: database.db,
      app: this.#opts.app,
      dataDir: this.#opts.dataDir,
      out,
      at,
      reason,
    });
    const file = (await this.list()).find((f) => out.endsWith(f.name));
    if (!file) throw new BackupError(`the backup ${out} vanished as it was written`);
    const pruned = await pruneBackups(this.folder, this.#opts.app, this.#opts.keep);
    logger.info(
      {
        event: 'backup.created',
        file: out,
        bytes: file.bytes,
        reason,
        ms: Math.round(performance.now() - started),
        pruned: pruned.length,
      },
      'backup written',
    );
    return { ...file, manifest };
  }

  /** Asked by a signal or the schedule: logs the outcome instead of throwing. */
  async createLogged(reason: string): Promise<void> {
    if (!this.embedded) {
      this.#opts.logger.warn({ event: 'backup.skipped', reason }, POSTGRES_BACKUP_ADVICE);
      return;
    }
    await this.create(reason).catch((err) =>
      this.#opts.logger.error({ event: 'backup.failed', reason, err }, 'backup failed'),
    );
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    backups: Backups;
  }
}

export const backupsPlugin = fp(
  async (app: FastifyInstance, opts: BackupsOptions) => {
    const backups = new Backups(opts);
    app.decorate('backups', backups);
    if (opts.schedule && backups.embedded) {
      app.jobs.define(
        defineQueue({
          name: BACKUP_QUEUE,
          payload: Type.Object({}),
          // No retry: the job is itself in the dump as running, so a restored copy would retry it
          // (one more backup); a failed night shows in the admin's failed jobs, the next one runs.
          retryLimit: 0,
          expireInSeconds: 3600,
          handler: async () => {
            await backups.create('schedule');
          },
        }),
      );
      app.jobs.schedule(BACKUP_QUEUE, opts.schedule);
    }
  },
  { name: 'platform-backups', dependencies: ['platform-database', 'platform-jobs'] },
);
