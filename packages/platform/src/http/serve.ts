// The only place a server listens. On SIGTERM or SIGINT: stop accepting, let in-flight requests
// (and, through onClose hooks, jobs and streams) finish within SHUTDOWN_TIMEOUT_MS, close
// connections, exit 0. Past the bound, or on a second signal, exit 1. SIGUSR2 asks for a backup
// (embedded database: written to DATA_DIR/backups; see backup/). A process whose exit hangs in
// Node itself is killed by a watcher (exit-watchdog.ts).
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { PlatformConfig } from '../config/types.ts';
import { armExitWatchdog } from './exit-watchdog.ts';

export interface ServeOptions {
  /** Runs after the server has closed: flush logs, release locks. */
  afterClose?: () => Promise<void>;
}

export async function serve(app: FastifyInstance, config: PlatformConfig, opts: ServeOptions = {}) {
  const backup = () => {
    app.log.info({ signal: 'SIGUSR2' }, 'backup asked for by a signal');
    void app.backups.createLogged('signal');
  };
  if (app.hasDecorator('backups')) {
    process.on('SIGUSR2', backup);
    app.addHook('onClose', async () => {
      process.removeListener('SIGUSR2', backup);
    });
  }
  closeWithGrace(
    {
      delay: config.shutdownTimeoutMs,
      // close-with-grace also closes on SIGUSR2 (nodemon's restart signal); here it means a backup.
      skip: ['SIGUSR2'],
      logger: { error: (msg: unknown) => app.log.error(msg) },
    },
    async ({ signal, err }) => {
      // Past the bound close-with-grace exits 1; should the exit itself hang, the watcher ends it.
      armExitWatchdog(config.shutdownTimeoutMs + 10_000);
      if (err) app.log.error({ err }, 'fatal error, shutting down');
      else app.log.info({ signal }, 'shutting down');
      await app.close();
      app.log.info('stopped');
      await opts.afterClose?.();
    },
  );
  const address = await app.listen({ port: config.port, host: config.host });
  return address;
}
