// Opens what an app runs on (config, logs, database), in order, and closes it in reverse.
// Used by the command line (serve, migrate) and by anything that needs the app outside HTTP.

import type { Logger } from 'pino';
import { type Clock, systemClock } from '../clock/clock.ts';
import type { PlatformConfig } from '../config/types.ts';
import { createDatabase } from '../db/create-database.ts';
import { createLogger } from '../log/create-logger.ts';
import type { AppContext, AppSpec } from './app-spec.ts';

export interface OpenedApp<C extends PlatformConfig> extends AppContext<C> {
  close(): Promise<void>;
}

export async function openApp<C extends PlatformConfig>(
  spec: AppSpec<C>,
  config: C,
  opts: {
    migrate?: boolean;
    clock?: Clock;
    /** Work that needs the logs but not the database (the web UI's build), done before opening it. */
    beforeDatabase?: (logger: Logger) => Promise<void>;
  } = {},
): Promise<OpenedApp<C>> {
  const { logger, close: closeLogs } = createLogger({ config, sensitivePaths: spec.sensitivePaths });
  try {
    await opts.beforeDatabase?.(logger);
    const database = await createDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      migrationsFolder: spec.migrationsFolder,
      logger,
      migrate: opts.migrate ?? true,
    });
    return {
      config,
      logger,
      database,
      clock: opts.clock ?? systemClock,
      async close() {
        await database.close();
        await closeLogs();
      },
    };
  } catch (err) {
    await closeLogs();
    throw err;
  }
}
