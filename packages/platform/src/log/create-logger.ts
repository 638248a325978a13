// The app's logger: pino, JSON lines (pretty only when a person watches: stdout is a TTY
// outside production), to the console and to a rotating file (`<dataDir>/logs/app.log`; the
// live file keeps that name, rotated ones get a date and number, bounded by size and count of
// days). Secrets are redacted by path; requests and errors are logged through safe serializers.
import { basename, dirname } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { PlatformConfig } from '../config/types.ts';
import { CENSOR, redactPaths, redactUrl } from './redaction.ts';
import { safeError } from './safe-error.ts';

export { redactUrl } from './redaction.ts';
export { REQUEST_ID_HEADER, requestIdFrom } from './request-id.ts';

export interface LoggerOptions {
  config: Pick<PlatformConfig, 'logLevel' | 'logFile' | 'logFileSize' | 'logFileDays' | 'nodeEnv'>;
  /** Extra paths to redact, e.g. 'body.message' for free text an app marks sensitive. */
  sensitivePaths?: string[];
  /** Replaces the console (tests). */
  destination?: DestinationStream;
  /** Force pretty console output on or off; default: stdout is a TTY and not production. */
  pretty?: boolean;
}

export interface AppLogger {
  logger: Logger;
  /** Flushes and closes the file; call once, last, at shutdown. */
  close(): Promise<void>;
}

const SAFE_HEADERS = [
  'user-agent',
  'content-type',
  'content-length',
  'x-request-id',
  'host',
  'origin',
  'referer',
];

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
  headers?: Record<string, unknown>;
}

function serializeRequest(req: RequestLike) {
  const headers: Record<string, unknown> = {};
  for (const name of SAFE_HEADERS) {
    const value = req.headers?.[name];
    if (value !== undefined) headers[name] = name === 'referer' ? redactUrl(String(value)) : value;
  }
  return {
    method: req.method,
    url: req.url ? redactUrl(req.url) : undefined,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    headers,
  };
}

function fileStream(path: string, size: string, days: number): RotatingFileStream {
  const pad = (n: number) => String(n).padStart(2, '0');
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return createStream(
    (time, index) => {
      if (!time) return name;
      const d = typeof time === 'number' ? new Date(time) : time;
      return `${stem}.${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${index ?? 1}${ext}`;
    },
    {
      path: dirname(path),
      size: size.toUpperCase(),
      interval: '1d',
      maxFiles: days,
      history: `.${name}.history`,
    },
  );
}

export function createLogger(opts: LoggerOptions): AppLogger {
  const { config } = opts;
  const streams: pino.StreamEntry[] = [];
  const usePretty = opts.pretty ?? (process.stdout.isTTY === true && config.nodeEnv !== 'production');
  const out: DestinationStream =
    opts.destination ??
    (usePretty ? pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l' }) : pino.destination(1));
  streams.push({ level: 'trace', stream: out });
  let file: RotatingFileStream | undefined;
  if (config.logFile) {
    file = fileStream(config.logFile, config.logFileSize, config.logFileDays);
    file.on('error', () => {
      // A full or unwritable disk must not crash the app; the console still gets every line.
    });
    streams.push({ level: 'trace', stream: file });
  }
  const logger = pino(
    {
      level: config.logLevel,
      redact: { paths: redactPaths(opts.sensitivePaths), censor: CENSOR },
      hooks: {
        // `log.error(err)` would make the error's own message the line's message: use its safe one.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (!(first instanceof Error)) return method.apply(this, args);
          const message = typeof rest[0] === 'string' ? rest : [safeError(first).message];
          return method.apply(this, [{ err: first }, ...message] as Parameters<typeof method>);
        },
      },
      serializers: {
        req: serializeRequest,
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        // Any error, under `err` or passed alone: its safe form (no query parameters, rows or
        // quoted values; see safe-error.ts).
        err: (err: unknown) => safeError(err),
      },
    },
    pino.multistream(streams),
  );
  return {
    logger,
    async close() {
      if ('flushSync' in out && typeof out.flushSync === 'function') out.flushSync();
      if (file) {
        const stream = file;
        await new Promise<void>((resolve) => {
          stream.end(() => resolve());
        });
      }
    },
  };
}
