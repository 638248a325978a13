// Reads every setting once, at boot, from the environment and an optional `.env` (the
// environment wins), validates all of them, and fails with ONE error naming every bad
// variable. The result is typed and deeply frozen; nothing else reads process.env.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { isPolicyText } from '../ratelimit/policy.ts';
import {
  bool,
  int,
  isAddressOrCidr,
  list,
  oneOf,
  originProblem,
  type SettingSpec,
  type SpecValue,
  str,
  url,
} from './settings.ts';
import type { PlatformConfig, TrustProxy } from './types.ts';

/** Known to everyone, so refused in production. */
export const DEVELOPMENT_APP_SECRET = 'development-only-secret-do-not-use-in-production-0000';

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type ExtraSpecs = Record<string, SettingSpec<unknown>>;
export type ExtraValues<E extends ExtraSpecs> = { readonly [K in keyof E]: SpecValue<E[K]> };

export interface LoadConfigOptions<E extends ExtraSpecs> {
  app: string;
  defaultPort: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
  extra?: E;
  /** The app's default for LOGIN_IP_THRESHOLD (failed logins from one IP before delays start). */
  loginIpThreshold?: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const platformSpecs = {
  PORT: int({ min: 0, max: 65535 }),
  HOST: str({ fallback: '127.0.0.1' }),
  NODE_ENV: oneOf(['development', 'test', 'production'] as const, { fallback: 'development' }),
  DATA_DIR: str(),
  DATABASE_URL: url(['postgres:', 'postgresql:'], { secret: true }),
  REDIS_URL: url(['redis:', 'rediss:'], { secret: true }),
  REDIS_PREFIX: {
    parse: (raw: string) =>
      /^[A-Za-z0-9._:-]{1,64}$/.test(raw)
        ? { ok: true as const, value: raw }
        : { ok: false as const, problem: 'must be 1-64 of A-Z a-z 0-9 . _ : -' },
  } satisfies SettingSpec<string>,
  SMTP_URL: url(['smtp:', 'smtps:'], { secret: true }),
  MAIL_FROM: {
    parse: (raw: string) =>
      /[^\s@<>]+@[^\s@<>]+/.test(raw)
        ? { ok: true as const, value: raw }
        : { ok: false as const, problem: 'must contain an e-mail address' },
  } satisfies SettingSpec<string>,
  MAIL_KEEP_SENT_HOURS: int({ fallback: '24', min: 1, max: 24 * 365 }),
  LOG_LEVEL: oneOf(LOG_LEVELS, { fallback: 'info' }),
  LOG_FILE: str(),
  LOG_FILE_SIZE: {
    fallback: '10m',
    parse: (raw: string) =>
      /^\d+[kmg]?$/i.test(raw)
        ? { ok: true as const, value: raw.toLowerCase() }
        : { ok: false as const, problem: 'must be a size like 500k, 10m or 1g' },
  } satisfies SettingSpec<string>,
  LOG_FILE_DAYS: int({ fallback: '14', min: 1, max: 3650 }),
  TRUST_PROXY: {
    fallback: 'false',
    parse: parseTrustProxy,
  } satisfies SettingSpec<TrustProxy>,
  CORS_ORIGINS: list({ fallback: '', item: originProblem }),
  ROLE: oneOf(['api', 'worker', 'all'] as const, { fallback: 'all' }),
  DEMO_DATA: bool(),
  APP_SECRET: str({ fallback: DEVELOPMENT_APP_SECRET, secret: true, minLength: 32 }),
  METRICS_TOKEN: str({ secret: true, minLength: 16 }),
  BACKUP_KEEP: int({ fallback: '7', min: 1, max: 1000 }),
  BACKUP_SCHEDULE: {
    fallback: '30 3 * * *',
    parse: (raw: string) => {
      const value = raw.trim();
      if (value.toLowerCase() === 'off') return { ok: true as const, value: null };
      return /^[0-9*/,-]+( [0-9*/,-]+){4}$/.test(value)
        ? { ok: true as const, value }
        : { ok: false as const, problem: 'must be a 5-field cron in UTC, like "30 3 * * *", or off' };
    },
  } satisfies SettingSpec<string | null>,
  SHUTDOWN_TIMEOUT_MS: int({ fallback: '10000', min: 0, max: 600_000 }),
  JOBS_HEARTBEAT_SECONDS: int({ fallback: '15', min: 10, max: 3600 }),
  LOGIN_ACCOUNT_THRESHOLD: int({ fallback: '5', min: 1, max: 1000 }),
  LOGIN_IP_THRESHOLD: int({ min: 1, max: 100_000 }),
  LOGIN_BASE_DELAY: int({ fallback: '1', min: 1, max: 3600 }),
  LOGIN_MAX_DELAY: int({ fallback: '900', min: 1, max: 86_400 }),
  LOGIN_FORGET_AFTER: int({ fallback: '86400', min: 60, max: 30 * 86_400 }),
  LOGIN_DEVICE_FAILURES: int({ fallback: '5', min: 1, max: 100 }),
  LOGIN_DEVICE_DAYS: int({ fallback: '180', min: 1, max: 730 }),
  PUBLIC_URL: url(['http:', 'https:']),
  INSTANCE_ID: {
    parse: (raw: string) =>
      /^[A-Za-z0-9._-]{1,64}$/.test(raw)
        ? { ok: true as const, value: raw }
        : { ok: false as const, problem: 'must be 1-64 of A-Z a-z 0-9 . _ -' },
  } satisfies SettingSpec<string>,
  MIGRATE_ON_START: bool({ fallback: 'true' }),
};

function parseTrustProxy(raw: string) {
  const value = raw.trim().toLowerCase();
  if (value === 'true') return { ok: true as const, value: true };
  if (value === 'false' || value === '') return { ok: true as const, value: false };
  if (/^\d+$/.test(value)) return { ok: true as const, value: Number(value) };
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.find((entry) => !isAddressOrCidr(entry));
  if (bad !== undefined) {
    return {
      ok: false as const,
      problem: `"${bad}" is not an IP address or CIDR (use true, a hop count or a list)`,
    };
  }
  return { ok: true as const, value: entries };
}

function readEnvFile(cwd: string): Record<string, string> {
  const path = join(cwd, '.env');
  return existsSync(path) ? (parseEnv(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function loadConfig<E extends ExtraSpecs = Record<never, never>>(
  opts: LoadConfigOptions<E>,
): PlatformConfig & { readonly extra: ExtraValues<E> } {
  const cwd = opts.cwd ?? process.cwd();
  const env = { ...readEnvFile(cwd), ...(opts.env ?? process.env) };
  const problems: ConfigProblem[] = [];

  const read = <T>(name: string, spec: SettingSpec<T>): T | undefined => {
    let raw = env[name];
    const file = env[`${name}_FILE`];
    if (spec.secret && file) {
      if (raw) {
        problems.push({ variable: name, message: `set either ${name} or ${name}_FILE, not both` });
        return undefined;
      }
      try {
        raw = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      } catch {
        problems.push({ variable: `${name}_FILE`, message: 'the file cannot be read' });
        return undefined;
      }
    }
    if (raw === undefined || raw === '') raw = spec.fallback;
    if (raw === undefined) return undefined;
    const parsed = spec.parse(raw);
    if (parsed.ok) return parsed.value;
    const shown = spec.secret ? '' : ` (got "${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}")`;
    problems.push({ variable: name, message: `${parsed.problem}${shown}` });
    return undefined;
  };

  const values = Object.fromEntries(
    Object.entries(platformSpecs).map(([name, spec]) => [name, read(name, spec as SettingSpec<unknown>)]),
  ) as {
    [K in keyof typeof platformSpecs]: ReturnType<(typeof platformSpecs)[K]['parse']> extends infer P
      ? P extends { value: infer V }
        ? V | undefined
        : never
      : never;
  };
  const extra = Object.fromEntries(
    Object.entries(opts.extra ?? {}).map(([name, spec]) => [name, read(name, spec)]),
  ) as ExtraValues<E>;

  const rateLimits: Record<string, string> = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('RATE_LIMIT_') || raw === undefined) continue;
    if (isPolicyText(raw)) rateLimits[name.slice('RATE_LIMIT_'.length).toLowerCase()] = raw.trim();
    else
      problems.push({ variable: name, message: `must be windows like "10/minute;30/hour" (got "${raw}")` });
  }

  const production = values.NODE_ENV === 'production';
  if (production && values.APP_SECRET === DEVELOPMENT_APP_SECRET) {
    problems.push({
      variable: 'APP_SECRET',
      message: 'production needs a real secret (APP_SECRET or APP_SECRET_FILE), not the development default',
    });
  }
  if (production && values.CORS_ORIGINS?.includes('*')) {
    problems.push({ variable: 'CORS_ORIGINS', message: 'production refuses "*": list the allowed origins' });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = resolve(cwd, values.DATA_DIR ?? join('data', opts.app));
  const logFile = values.LOG_FILE === 'off' ? null : (values.LOG_FILE ?? join(dataDir, 'logs', 'app.log'));
  const title = opts.app.charAt(0).toUpperCase() + opts.app.slice(1);
  const port = values.PORT ?? opts.defaultPort;
  const config: PlatformConfig & { extra: ExtraValues<E> } = {
    app: opts.app,
    nodeEnv: values.NODE_ENV ?? 'development',
    port,
    host: values.HOST ?? '127.0.0.1',
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dataDir,
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    redisPrefix: values.REDIS_PREFIX ?? `${opts.app}:`,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM ?? `${title} <no-reply@localhost>`,
    mailKeepSentHours: values.MAIL_KEEP_SENT_HOURS ?? 24,
    logLevel: values.LOG_LEVEL ?? 'info',
    logFile: logFile === null ? null : isAbsolute(logFile) ? logFile : resolve(cwd, logFile),
    logFileSize: values.LOG_FILE_SIZE ?? '10m',
    logFileDays: values.LOG_FILE_DAYS ?? 14,
    trustProxy: values.TRUST_PROXY ?? false,
    corsOrigins: values.CORS_ORIGINS ?? [],
    role: values.ROLE ?? 'all',
    // Demo rows by default only where nobody could mistake them for real data.
    demoData: values.DEMO_DATA ?? (!production && !values.DATABASE_URL),
    appSecret: values.APP_SECRET ?? DEVELOPMENT_APP_SECRET,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS ?? 10_000,
    jobsHeartbeatSeconds: values.JOBS_HEARTBEAT_SECONDS ?? 15,
    metricsToken: values.METRICS_TOKEN,
    backupKeep: values.BACKUP_KEEP ?? 7,
    backupSchedule: values.BACKUP_SCHEDULE === undefined ? '30 3 * * *' : values.BACKUP_SCHEDULE,
    instanceId: values.INSTANCE_ID,
    migrateOnStart: values.MIGRATE_ON_START ?? true,
    rateLimits,
    login: {
      accountThreshold: values.LOGIN_ACCOUNT_THRESHOLD ?? 5,
      ipThreshold: values.LOGIN_IP_THRESHOLD ?? opts.loginIpThreshold ?? 20,
      baseDelaySeconds: values.LOGIN_BASE_DELAY ?? 1,
      maxDelaySeconds: values.LOGIN_MAX_DELAY ?? 900,
      forgetAfterSeconds: values.LOGIN_FORGET_AFTER ?? 86_400,
      deviceFailures: values.LOGIN_DEVICE_FAILURES ?? 5,
      deviceDays: values.LOGIN_DEVICE_DAYS ?? 180,
    },
    extra,
  };
  return deepFreeze(config);
}
