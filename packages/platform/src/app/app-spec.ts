// What an app tells the platform about itself: its name, its settings, its schema and its
// plugin. The platform builds, migrates and serves it from this one description.
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import type { PlatformConfig } from '../config/types.ts';
import type { Database } from '../db/create-database.ts';

export interface AppContext<C extends PlatformConfig = PlatformConfig> {
  config: C;
  logger: Logger;
  database: Database;
  clock: Clock;
}

export interface AppCommand<C extends PlatformConfig = PlatformConfig> {
  summary: string;
  run(args: string[], spec: AppSpec<C>): Promise<number | undefined>;
}

export interface AppSpec<C extends PlatformConfig = PlatformConfig> {
  name: string;
  title: string;
  version: string;
  description: string;
  /** Reads and validates the app's settings (platform ones and its own). */
  loadConfig(env?: Record<string, string | undefined>): C;
  /** Absolute path of the app's generated SQL migrations. */
  migrationsFolder: string;
  /**
   * Rate-limit policies by name, each one or more windows ('10/minute;30/hour'). Every route
   * names one in `config.rateLimit` (or 'unlimited'); RATE_LIMIT_<POLICY> overrides them.
   */
  policies: Readonly<Record<string, string>>;
  /** Extra log paths to redact (the app's sensitive free-text fields). */
  sensitivePaths?: string[];
  /** The app itself, registered after the platform plugins. */
  plugin: FastifyPluginAsync<AppContext<C>>;
  /** Inserts demo rows when DEMO_DATA is on; must be idempotent. Returns lines to print. */
  seedDemoData?(ctx: AppContext<C>): Promise<string[]>;
  /** Commands beside serve and migrate. */
  commands?: Record<string, AppCommand<C>>;
  /**
   * The app's web UI: a Vite project whose build (`<root>/dist`) the API process serves at `/`
   * (not in the worker role). `serve` builds it first when missing or older than its sources.
   */
  web?: AppWeb;
}

export interface AppWeb {
  /** Absolute path of the web folder (with index.html and vite.config.ts). */
  root: string;
  /**
   * Further source folders whose changes call for a rebuild. The local packages the web
   * folder depends on (workspaces) are found without being listed.
   */
  sources?: string[];
  /**
   * Client-side routes whose page holds something private (a token from a mailed link): the
   * page, and every path under it, is sent with `Cache-Control: no-store`,
   * `Referrer-Policy: no-referrer` and `X-Robots-Tag: noindex`. E.g. ['/booking'].
   */
  privatePaths?: string[];
}
