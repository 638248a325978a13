// The command line's `backup [--out file]` and `restore <file>`, for a stopped app. Embedded:
// the data dir's lock file tells whether the app runs (then backup points at SIGUSR2 and the
// admin action, and restore refuses); backup opens the database as it is (no migration) and
// writes the archive; restore unpacks into a new data dir and keeps the old one aside. On
// PostgreSQL: pg_dump -Fc and pg_restore --clean --if-exists, which need the client tools.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppCommand, AppSpec } from '../app/app-spec.ts';
import { systemClock } from '../clock/clock.ts';
import type { PlatformConfig } from '../config/types.ts';
import { createDatabase } from '../db/create-database.ts';
import { dataDirHolder } from '../db/lock-file.ts';
import {
  BACKUPS_FOLDER,
  BackupError,
  backupStamp,
  freeName,
  pruneBackups,
  restoreEmbeddedBackup,
  writeEmbeddedBackup,
} from './embedded-backup.ts';
import { knownMigrations } from './manifest.ts';
import { pgDump, pgRestore } from './postgres-backup.ts';

const quiet = { info() {}, warn() {} };

function runningMessage(dataDir: string, action: string): string | undefined {
  const holder = dataDirHolder(dataDir);
  if (!holder) return undefined;
  return (
    `The app is running on ${dataDir} (process ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}). ` +
    action
  );
}

type Say = (text: string) => void;

async function backupCommand(args: string[], spec: AppSpec<PlatformConfig>, say: Say): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: false });
  const config = spec.loadConfig();
  const folder = join(config.dataDir, BACKUPS_FOLDER);
  const at = systemClock.now();
  const stem = backupStamp(config.app, at);
  if (config.databaseUrl) {
    const out = values.out ? resolve(values.out) : freeName(folder, stem, '.dump');
    await mkdir(dirname(out), { recursive: true });
    await pgDump(config.databaseUrl, out);
    if (!values.out) await pruneBackups(folder, config.app, config.backupKeep);
    say(`Backup written with pg_dump -Fc: ${out}`);
    return 0;
  }
  const running = runningMessage(
    config.dataDir,
    `Back it up while it runs: \`kill -USR2 ${dataDirHolder(config.dataDir)?.pid}\` or the admin action ` +
      `(POST <admin API>/backups) writes one to ${folder}. This command is for a stopped app.`,
  );
  if (running) throw new BackupError(running);
  if (!existsSync(join(config.dataDir, 'pgdata', 'PG_VERSION')))
    throw new BackupError(`No embedded database in ${config.dataDir}: nothing to back up.`);
  const database = await createDatabase({
    dataDir: config.dataDir,
    migrationsFolder: spec.migrationsFolder,
    logger: quiet,
    migrate: false,
  });
  try {
    const out = values.out ? resolve(values.out) : freeName(folder, stem, '.tar.gz');
    await mkdir(dirname(out), { recursive: true });
    const manifest = await writeEmbeddedBackup({
      pglite: database.pglite as NonNullable<typeof database.pglite>,
      db: database.db,
      app: config.app,
      dataDir: config.dataDir,
      out,
      at,
      reason: 'cli',
    });
    if (!values.out) await pruneBackups(folder, config.app, config.backupKeep);
    say(`Backup written: ${out} (${manifest.files} files)`);
  } finally {
    await database.close();
  }
  return 0;
}

async function restoreCommand(args: string[], spec: AppSpec<PlatformConfig>, say: Say): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const [given, extra] = positionals;
  if (!given || extra !== undefined) throw new BackupError(`Usage: npm run ${spec.name} -- restore <file>`);
  const file = resolve(given);
  if (!existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const config = spec.loadConfig();
  if (config.databaseUrl) {
    await pgRestore(config.databaseUrl, file);
    say(
      `Restored ${file} into DATABASE_URL with pg_restore --clean --if-exists. Start the app: it applies any newer migrations.`,
    );
    return 0;
  }
  const running = runningMessage(config.dataDir, 'Stop it first: a restore replaces its data dir.');
  if (running) throw new BackupError(running);
  const result = await restoreEmbeddedBackup({
    file,
    dataDir: config.dataDir,
    app: config.app,
    known: knownMigrations(spec.migrationsFolder),
    at: systemClock.now(),
  });
  say(
    [
      `Restored ${file} (made ${result.manifest.createdAt}) into ${config.dataDir}.`,
      result.previous
        ? `The previous data dir is kept in ${result.previous}: delete it once the app runs well.`
        : '',
      'Start the app: it applies any newer migrations.',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return 0;
}

/** The commands; `say` prints a line for the person at the terminal (the command line's console). */
export function backupCommands<C extends PlatformConfig>(say: Say): Record<string, AppCommand<C>> {
  return {
    backup: {
      summary:
        'back up a stopped app (embedded: database and files to DATA_DIR/backups; PostgreSQL: pg_dump -Fc); --out <file>',
      run: (args, spec) => backupCommand(args, spec as unknown as AppSpec<PlatformConfig>, say),
    },
    restore: {
      summary:
        'restore <file> into a stopped app (embedded: a new DATA_DIR, the old kept aside; PostgreSQL: pg_restore)',
      run: (args, spec) => restoreCommand(args, spec as unknown as AppSpec<PlatformConfig>, say),
    },
  };
}
