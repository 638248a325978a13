// The typed settings every app gets from the platform. Loaded once at boot by loadConfig();
// nothing else reads process.env.

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type ProcessRole = 'api' | 'worker' | 'all';
/** What Fastify's `trustProxy` takes: false (default), true, a hop count, or addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

export interface PlatformConfig {
  /** App name, e.g. 'acube'; names the default data dir `data/<app>/`. */
  readonly app: string;
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly host: string;
  /** PUBLIC_URL without a trailing slash: where people reach the app (links in mails, QR codes). */
  readonly publicUrl: string;
  /** Absolute path of the app's own folder (DATA_DIR, default `<cwd>/data/<app>`). */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** REDIS_PREFIX: starts every key this app writes to Redis (default '<app>:'). */
  readonly redisPrefix: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /**
   * MAIL_KEEP_SENT_HOURS (default 24): finished mail jobs (sealed payloads) and the .eml files
   * written without SMTP_URL are deleted this many hours after they are done.
   */
  readonly mailKeepSentHours: number;
  readonly logLevel: LogLevel;
  /** Absolute path of the rotating log file (LOG_FILE, default `<dataDir>/logs/app.log`); null when LOG_FILE=off. */
  readonly logFile: string | null;
  /** LOG_FILE_SIZE, e.g. '10m': rotate when the file reaches it. */
  readonly logFileSize: string;
  /** LOG_FILE_DAYS: rotated files older than this many days are deleted (one file a day at most kept per rotation). */
  readonly logFileDays: number;
  readonly trustProxy: TrustProxy;
  /** CORS_ORIGINS as a list; empty means no cross-origin access. */
  readonly corsOrigins: readonly string[];
  readonly role: ProcessRole;
  readonly demoData: boolean;
  /** The root secret (APP_SECRET or APP_SECRET_FILE) from which keys are derived. */
  readonly appSecret: string;
  /** SHUTDOWN_TIMEOUT_MS: how long in-flight work may take after SIGTERM before the process gives up. */
  readonly shutdownTimeoutMs: number;
  /**
   * JOBS_HEARTBEAT_SECONDS (default 15, at least 10): a running job's worker refreshes it every
   * half of this; a job not refreshed for this long (its process died) is failed and retried by
   * another worker, so it is taken over within about this plus the supervision pass (15 s) plus
   * its retry delay, well under a minute.
   */
  readonly jobsHeartbeatSeconds: number;
  /** METRICS_TOKEN: the bearer token /metrics asks for; unset: open in development, off in production. */
  readonly metricsToken: string | undefined;
  /** BACKUP_KEEP (default 7): how many of the app's backups DATA_DIR/backups keeps; older ones are deleted. */
  readonly backupKeep: number;
  /**
   * BACKUP_SCHEDULE (default '30 3 * * *', daily at 03:30 UTC; 'off' for none): a cron (UTC) at which the
   * app backs up its embedded database and files by itself. Nothing on PostgreSQL (pg_dump's job).
   */
  readonly backupSchedule: string | null;
  /** INSTANCE_ID: names this process in an `X-Instance` header on every answer (unset: no header). */
  readonly instanceId: string | undefined;
  /** MIGRATE_ON_START (default true): `serve` applies pending migrations; false when a one-shot `migrate` does. */
  readonly migrateOnStart: boolean;
  /** RATE_LIMIT_<POLICY> overrides, keyed by lower-case policy name, value as written ('10/minute;30/hour'). */
  readonly rateLimits: Readonly<Record<string, string>>;
  /** Login brute-force protection (LOGIN_*): see auth/brute-force.ts for how the numbers act. */
  readonly login: LoginProtection;
}

export interface LoginProtection {
  /** Failures for one account (from any IP) before delays start. */
  readonly accountThreshold: number;
  /** Failures from one IP (over any account) before delays start; each app sets its default. */
  readonly ipThreshold: number;
  /** First delay after the threshold, doubled by each further failure. */
  readonly baseDelaySeconds: number;
  /** The longest delay: no failure blocks an account or an IP for longer. */
  readonly maxDelaySeconds: number;
  /** A count with no new failure for this long is forgotten. */
  readonly forgetAfterSeconds: number;
  /**
   * LOGIN_DEVICE_FAILURES: failed logins a trusted device cookie may make before it is distrusted
   * (OWASP's device cookies: a browser that logged in to an account is not held by that
   * account's lockout, within this budget of its own).
   */
  readonly deviceFailures: number;
  /** LOGIN_DEVICE_DAYS: how long a device cookie stays valid after the login that issued it. */
  readonly deviceDays: number;
}
