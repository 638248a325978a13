// The command line both apps share: `serve` (default), `migrate`, `--help`, plus the app's own
// commands. The only place that prints to the terminal or reads argv.
import { backupCommands } from '../backup/backup-commands.ts';
import { ConfigError } from '../config/load-config.ts';
import type { PlatformConfig } from '../config/types.ts';
import { serve } from '../http/serve.ts';
import { formatSafeError } from '../log/safe-error.ts';
import type { AppCommand, AppSpec } from './app-spec.ts';
import { buildApp } from './build-app.ts';
import { openApp } from './start-app.ts';
import { ensureWebBuilt, WebBuildError } from './web-build.ts';

/**
 * Holds SIGTERM and SIGINT while the app starts (database, migrations, jobs): without it a stop
 * sent then kills the process by the signal. A SIGUSR2 (a backup) is dropped until the server
 * runs. release() hands a held stop to serve()'s handler and says whether there was one.
 */
function holdStopSignals() {
  let held: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    held ??= signal;
  };
  const noBackupYet = () => {};
  process.on('SIGTERM', hold);
  process.on('SIGINT', hold);
  process.on('SIGUSR2', noBackupYet);
  return {
    release(): boolean {
      process.removeListener('SIGTERM', hold);
      process.removeListener('SIGINT', hold);
      process.removeListener('SIGUSR2', noBackupYet);
      if (held) process.kill(process.pid, held);
      return held !== undefined;
    },
  };
}

function builtinCommands<C extends PlatformConfig>(): Record<string, AppCommand<C>> {
  return {
    serve: {
      summary: 'start the API, and its web UI where the app has one (default)',
      async run(_args, spec) {
        const config = spec.loadConfig();
        // A stop asked for while starting is kept until the server can drain, then exits 0.
        const early = holdStopSignals();
        const web = config.role === 'worker' ? undefined : spec.web;
        // The UI is built before the database opens: a failed build stops start-up at once.
        const opened = await openApp(spec, config, {
          migrate: config.migrateOnStart,
          beforeDatabase: async (logger) => {
            if (web) await ensureWebBuilt({ root: web.root, sources: web.sources, logger });
          },
        });
        const { logger } = opened;
        const demo = config.demoData && spec.seedDemoData ? await spec.seedDemoData(opened) : [];
        const app = await buildApp(spec, opened);
        const address = await serve(app, config, { afterClose: () => opened.close() });
        if (early.release()) return undefined;
        const where = address.replace('0.0.0.0', '127.0.0.1');
        logger.info({ address: where, role: config.role }, `${spec.title} ready`);
        const banner = [`${spec.title} is ready at ${where}`, `API docs: ${where}/docs`, ...demo];
        console.log(banner.map((line) => `  ${line}`).join('\n'));
        return undefined;
      },
    },
    migrate: {
      summary: 'apply pending database migrations and exit',
      async run(_args, spec) {
        const opened = await openApp(spec, spec.loadConfig(), { migrate: true });
        opened.logger.info('migrations applied');
        await opened.close();
        console.log('Migrations applied.');
        return 0;
      },
    },
  };
}

function help<C extends PlatformConfig>(spec: AppSpec<C>, commands: Record<string, AppCommand<C>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, cmd]) => `  ${name.padEnd(width)}  ${cmd.summary}`);
  return [
    `${spec.title}: ${spec.description}`,
    '',
    `Usage: npm run ${spec.name} -- [command] [options]`,
    '',
    'Commands:',
    ...lines,
    '',
    'Settings come from the environment and an optional .env file; see the README.',
  ].join('\n');
}

export async function runCli<C extends PlatformConfig>(
  spec: AppSpec<C>,
  argv = process.argv.slice(2),
): Promise<void> {
  const commands = {
    ...builtinCommands<C>(),
    ...backupCommands<C>((line) => console.log(line)),
    ...spec.commands,
  };
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    console.log(help(spec, commands));
    return;
  }
  const name = first === undefined || first.startsWith('-') ? 'serve' : first;
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help(spec, commands)}`);
    process.exitCode = 2;
    return;
  }
  try {
    const code = await command.run(first === name ? rest : argv, spec);
    if (code !== undefined) process.exitCode = code;
  } catch (err) {
    if (
      err instanceof ConfigError ||
      err instanceof WebBuildError ||
      (err as { code?: string }).code === 'DATA_DIR_LOCKED' ||
      (err as { code?: string }).code === 'BACKUP_FAILED'
    ) {
      console.error((err as Error).message);
    } else {
      // Start-up failures too: a failed query's parameters and rows never reach the console.
      console.error(formatSafeError(err));
    }
    process.exit(1);
  }
}
