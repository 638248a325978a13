// A simulated SIS implementing apps/attn/sis/openapi.yaml on plain node:http, for development
// (`npm run attn -- sis-sim`) and tests (in process). It can be told to be slow, to fail some or
// all requests with a 5xx, or to be down (not listening, open connections cut) and back up:
// from code with setMode(), or over HTTP at /_sim/mode.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROSTERING_PATH, VERIFY_PATH } from '../oneroster.ts';
import { demoRoster, type SimRoster } from './demo-roster.ts';

export interface SimMode {
  /** Every answer waits this long (ms). */
  delayMs: number;
  /** This fraction of requests (0 to 1, spread evenly, not at random) answers failStatus. */
  failRate: number;
  failStatus: number;
  /** The next this many requests answer failStatus, whatever failRate says. */
  failNext: number;
  /** Not listening; connections already open are cut. */
  down: boolean;
}

export interface SisSimulator {
  url: string;
  port: number;
  /** The live data: change it and the next request sees the change. */
  data: SimRoster;
  mode: Readonly<SimMode>;
  /** Requests received, refused ones included (control requests not counted). */
  readonly requests: number;
  setMode(change: Partial<SimMode>): Promise<void>;
  close(): Promise<void>;
}

export interface SisSimulatorOptions {
  port?: number;
  host?: string;
  data?: SimRoster;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  mode?: Partial<SimMode>;
}

const COLLECTIONS = ['academicSessions', 'classes', 'users', 'enrollments'] as const;
type Collection = (typeof COLLECTIONS)[number];
const MAX_LIMIT = 1000;
const MAX_BODY = 64 * 1024;

const digest = (text: string) => createHash('sha256').update(text).digest();

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** OneRoster's status-info payload for errors. */
const failure = (description: string, codeMinor = 'invalid_data') => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: description,
  imsx_CodeMinor: {
    imsx_codeMinorField: [
      { imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor },
    ],
  },
});

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

export async function startSisSimulator(opts: SisSimulatorOptions = {}): Promise<SisSimulator> {
  const data = opts.data ?? demoRoster();
  const mode: SimMode = { delayMs: 0, failRate: 0, failStatus: 503, failNext: 0, down: false, ...opts.mode };
  const host = opts.host ?? '127.0.0.1';
  const timers = new Set<NodeJS.Timeout>();
  let requests = 0;
  let port = opts.port ?? 0;
  let closed = false;

  function page(collection: Collection, url: URL, res: ServerResponse) {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > MAX_LIMIT ||
      !Number.isInteger(offset) ||
      offset < 0
    ) {
      return send(res, 400, failure(`limit must be 1-${MAX_LIMIT} and offset 0 or more`));
    }
    const all = [...(data[collection] as { sourcedId: string }[])].sort((a, b) =>
      a.sourcedId < b.sourcedId ? -1 : a.sourcedId > b.sourcedId ? 1 : 0,
    );
    // Passwords are the simulator's own: they never leave it in a roster.
    const items = all.slice(offset, offset + limit).map((r) => {
      const { password: _password, ...rest } = r as { password?: string };
      return rest;
    });
    send(res, 200, { [collection]: items }, { 'x-total-count': String(all.length) });
  }

  async function verify(req: IncomingMessage, res: ServerResponse) {
    const body = (await readJson(req).catch(() => null)) as {
      school_number?: unknown;
      password?: unknown;
    } | null;
    if (typeof body?.school_number !== 'string' || typeof body.password !== 'string') {
      return send(res, 400, failure('school_number and password (strings) are required'));
    }
    const found = data.users.find((u) => u.identifier === body.school_number && u.status === 'active');
    // Compare digests in constant time, and do it even for an unknown number.
    const match = timingSafeEqual(digest(found?.password ?? '\u0000'), digest(body.password)) && !!found;
    if (!found || !match) return send(res, 200, { valid: false });
    const { password: _password, ...user } = found;
    send(res, 200, { valid: true, user });
  }

  async function control(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'PUT') {
      const body = (await readJson(req).catch(() => null)) as Record<string, unknown> | null;
      const num = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : undefined);
      const change: Partial<SimMode> = {};
      if (num(body?.delay_ms) !== undefined) change.delayMs = num(body?.delay_ms);
      if (num(body?.fail_rate) !== undefined) change.failRate = Math.min(1, num(body?.fail_rate) ?? 0);
      if (num(body?.fail_status) !== undefined) change.failStatus = num(body?.fail_status);
      if (num(body?.fail_next) !== undefined) change.failNext = num(body?.fail_next);
      Object.assign(mode, change);
      const downFor = num(body?.down_for_ms);
      send(res, 200, { ...modeBody(), ...(downFor ? { down_for_ms: downFor } : {}) });
      // Down over HTTP must come back by itself: nobody could tell it to otherwise.
      if (downFor) {
        res.on('finish', () => {
          void goDown().then(() => later(downFor, () => void comeUp()));
        });
      }
      return;
    }
    send(res, 200, modeBody());
  }

  const modeBody = () => ({
    delay_ms: mode.delayMs,
    fail_rate: mode.failRate,
    fail_status: mode.failStatus,
    fail_next: mode.failNext,
    down: mode.down,
    requests,
  });

  function later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sis.invalid');
    const isControl = url.pathname === '/_sim/mode';
    const count = isControl ? 0 : ++requests;
    if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`) {
      return send(res, 401, failure('a valid bearer token is required', 'unauthorisedrequest'));
    }
    if (isControl) return control(req, res);
    let fail = Math.floor(count * mode.failRate) > Math.floor((count - 1) * mode.failRate);
    if (!isControl && mode.failNext > 0) {
      mode.failNext--;
      fail = true;
    }
    const answer = async () => {
      if (fail) return send(res, mode.failStatus, failure('simulated failure', 'server_busy'));
      const collection = url.pathname.startsWith(`${ROSTERING_PATH}/`)
        ? (url.pathname.slice(ROSTERING_PATH.length + 1) as Collection)
        : undefined;
      if (req.method === 'GET' && collection && COLLECTIONS.includes(collection))
        return page(collection, url, res);
      if (req.method === 'POST' && url.pathname === VERIFY_PATH) return verify(req, res);
      send(res, 404, failure('unknown resource', 'unknownobject'));
    };
    if (mode.delayMs > 0) later(mode.delayMs, () => void answer());
    else await answer();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, failure('simulator error', 'internal_server_error')));
  });

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const goDown = async () => {
    mode.down = true;
    if (!server.listening) return;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await stopped;
  };
  const comeUp = async () => {
    mode.down = false;
    if (!closed && !server.listening) await listen();
  };

  await listen();
  if (mode.down) await goDown();
  return {
    get url() {
      return `http://${host}:${port}`;
    },
    get port() {
      return port;
    },
    data,
    mode,
    get requests() {
      return requests;
    },
    async setMode(change) {
      const { down, ...rest } = change;
      Object.assign(mode, rest);
      if (down === true) await goDown();
      if (down === false) await comeUp();
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await goDown();
    },
  };
}
