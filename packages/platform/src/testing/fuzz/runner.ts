// The fuzz run: for every operation of an app's OpenAPI document, valid requests (generated
// from its schemas, then fixed up by the app's `prepare` with real records and tokens) and
// mutated ones, anonymously and as each role, through `app.inject`. It records every answer and
// finds what must never happen: a 5xx, a 4xx outside the error shape, a hang, and an operation
// that never once succeeds for a caller allowed to use it.
import type { Access } from '../../guard/types.ts';
import type { Server } from '../../http/create-server.ts';
import { type FuzzRequest, mutate } from './mutate.ts';
import { type Operation, operationsOf, resolverFor, unboundedIntegers } from './operations.ts';
import { createRandom, type Random } from './prng.ts';
import { type SampleOptions, sample } from './sample.ts';

export const ANONYMOUS = 'anonymous';

export interface FuzzCaller {
  roles: readonly string[];
  /** Credentials for one request (minted afresh: a logout must not end the run's session). */
  headers(): Promise<Record<string, string>>;
}

export interface FuzzOptions {
  app: Server;
  /** The app's OpenAPI document (default: GET /openapi.json). */
  doc?: Record<string, unknown>;
  callers: Record<string, FuzzCaller>;
  seed: number;
  /** Dates in valid bodies are drawn after this (the app's clock). */
  now: Date;
  /** Valid requests per operation and allowed caller. */
  valid?: number;
  /** Mutated requests per operation and allowed caller (a third as many for refused callers). */
  mutated?: number;
  /** Fixes a generated valid request up: real ids, tokens, an upload's body. May be async. */
  prepare?: (
    op: Operation,
    req: FuzzRequest,
    caller: string,
    purpose: 'valid' | 'mutate',
  ) => FuzzRequest | Promise<FuzzRequest>;
  /** Operations run last, in this order (those that delete or end what others use). */
  last?: readonly string[];
  /** Operations that need not ever succeed, with the reason (printed in the report). */
  mayNeverSucceed?: Readonly<Record<string, string>>;
  /** Operations not fuzzed at all (default: those outside /api). */
  include?: (op: Operation) => boolean;
  /** No answer within this many ms is a hang (default 15 s). */
  timeoutMs?: number;
}

export interface FuzzProblem {
  operation: string;
  caller: string;
  kind: string;
  status: number | 'hang';
  /** The method and URL sent, so the request can be replayed by hand. */
  request: string;
  detail: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  statuses: Record<string, Record<string, number>>;
  problems: FuzzProblem[];
  latencies: number[];
  notes: string[];
}

function accessOf(app: Server): Map<string, Access> {
  const map = new Map<string, Access>();
  for (const r of app.guard.routes()) if (r.access) map.set(`${r.method} ${r.url}`, r.access);
  return map;
}

function allowed(access: Access | undefined, caller: string, roles: readonly string[]): boolean {
  if (access === undefined || access === 'public') return true;
  if (caller === ANONYMOUS) return false;
  if (access === 'authenticated') return true;
  return access.some((role) => roles.includes(role));
}

/** The callers that must succeed at least once: anonymous for a public route, else each allowed role. */
function mustSucceed(access: Access | undefined, callers: Record<string, FuzzCaller>): string[] {
  if (access === undefined || access === 'public') return [ANONYMOUS];
  return Object.entries(callers)
    .filter(([name, c]) => allowed(access, name, c.roles))
    .map(([name]) => name);
}

export function urlOf(op: Operation, req: FuzzRequest): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = req.params[name] ?? '';
    return req.rawPath ? value : encodeURIComponent(value);
  });
  const query = req.rawQuery ?? new URLSearchParams(req.query).toString();
  return query ? `${path}?${query}` : path;
}

/** A valid request from the schemas alone: sampled path parameters, query (the optional part on a coin toss), a body. */
export function generateRequest(
  op: Operation,
  random: Random,
  opts: Pick<SampleOptions, 'now' | 'resolve' | 'allProperties' | 'requiredOnly'>,
): FuzzRequest {
  const sampleOpts = { ...opts, random };
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in === 'path') params[p.name] = String(sample(p.schema, sampleOpts));
    else if (p.in === 'query' && (p.required || (!opts.requiredOnly && random.chance(0.5))))
      query[p.name] = String(sample(p.schema, sampleOpts));
  }
  return {
    method: op.method,
    params,
    query,
    headers: {},
    ...(op.jsonBody ? { json: sample(op.jsonBody, sampleOpts) } : {}),
    kind: 'valid',
  };
}

interface Answer {
  status: number | 'hang';
  body: string;
  ms: number;
}

export async function send(app: Server, op: Operation, req: FuzzRequest, timeoutMs: number): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', ...req.headers };
  let payload: string | Buffer | undefined;
  if (req.raw !== undefined) payload = req.raw;
  else if (req.json !== undefined) {
    payload = JSON.stringify(req.json);
    headers['content-type'] ??= 'application/json';
  }
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), timeoutMs);
  });
  const work = (async () => {
    const res = await app.inject({
      method: op.method as 'GET',
      url: urlOf(op, req),
      headers,
      ...(payload !== undefined ? { payload } : {}),
      payloadAsStream: true,
    });
    const stream = res.stream();
    // A live stream (Server-Sent Events) never ends: its status and headers are the answer.
    if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
      stream.destroy();
      return { status: res.statusCode, body: '' };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return { status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') };
  })();
  const result = await Promise.race([work, hang]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  if (result === 'hang') {
    work.catch(() => {});
    return { status: 'hang', body: '', ms };
  }
  return { ...result, ms };
}

/** Why an error answer is not in the one shape (429 keeps the seeds' `{ error, detail }`), or undefined. */
export function shapeProblem(status: number, body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'not JSON';
  }
  const obj = parsed as { error?: unknown; detail?: unknown };
  if (status === 429) {
    return typeof obj.error === 'string' && typeof obj.detail === 'string' ? undefined : 'not the 429 shape';
  }
  const error = obj.error as { code?: unknown; message?: unknown; requestId?: unknown } | undefined;
  if (!error || typeof error !== 'object') return 'no error object';
  if (typeof error.code !== 'string' || !/^[A-Z_]+$/.test(error.code)) return 'no error.code';
  if (typeof error.message !== 'string') return 'no error.message';
  if (typeof error.requestId !== 'string') return 'no error.requestId';
  return undefined;
}

export async function loadDoc(app: Server): Promise<Record<string, unknown>> {
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  return res.json();
}

const excerpt = (body: string) => body.slice(0, 300);

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const doc = opts.doc ?? (await loadDoc(opts.app));
  const resolve = resolverFor(doc as never);
  const include = opts.include ?? ((op: Operation) => op.path.startsWith('/api/'));
  const last = opts.last ?? [];
  const ops = operationsOf(doc as never)
    .filter(include)
    .sort((a, b) => last.indexOf(a.key) - last.indexOf(b.key));
  const access = accessOf(opts.app);
  const random = createRandom(opts.seed);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const validCount = opts.valid ?? 2;
  const mutatedCount = opts.mutated ?? 8;
  const report: FuzzReport = {
    seed: opts.seed,
    requests: 0,
    statuses: {},
    problems: [],
    latencies: [],
    notes: [],
  };
  const callers: Record<string, FuzzCaller | null> = { [ANONYMOUS]: null, ...opts.callers };

  for (const op of ops) {
    for (const at of unboundedIntegers(op, resolve))
      report.problems.push({
        operation: op.key,
        caller: ANONYMOUS,
        kind: 'schema',
        status: 0,
        request: op.key,
        detail: `${at} is an integer with no maximum: a huge value passes validation and fails in the database`,
      });
    const rule = access.get(op.key);
    if (rule === undefined) report.notes.push(`${op.key}: not among the guard's routes`);
    const succeeded = new Set<string>();
    const lastValid = new Map<string, string>();
    const statuses: Record<string, number> = {};
    report.statuses[op.key] = statuses;
    for (const [name, caller] of Object.entries(callers)) {
      const may = allowed(rule, name, caller?.roles ?? []);
      const valid = may ? validCount : 1;
      const mutated = may ? mutatedCount : Math.max(1, Math.ceil(mutatedCount / 3));
      for (let i = 0; i < valid + mutated; i++) {
        // A caller's first valid request is the smallest one (no optional field), so whether an
        // operation succeeds does not hang on which optional fields the seed happens to pick.
        const generated = generateRequest(op, random, {
          now: opts.now,
          resolve,
          requiredOnly: may && i === 0,
        });
        const purpose = i < valid ? 'valid' : 'mutate';
        const base = opts.prepare ? await opts.prepare(op, generated, name, purpose) : generated;
        const req = i < valid ? base : mutate(base, op, random);
        if (caller) req.headers = { ...(await caller.headers()), ...req.headers };
        const answer = await send(opts.app, op, req, timeoutMs);
        report.requests++;
        report.latencies.push(answer.ms);
        statuses[String(answer.status)] = (statuses[String(answer.status)] ?? 0) + 1;
        const problem = (status: number | 'hang', detail: string) =>
          report.problems.push({
            operation: op.key,
            caller: name,
            kind: req.kind,
            status,
            request: `${op.method} ${urlOf(op, req)}`,
            detail,
          });
        if (answer.status === 'hang') problem('hang', `no answer in ${timeoutMs} ms`);
        else if (answer.status >= 500) problem(answer.status, excerpt(answer.body));
        else if (answer.status >= 400) {
          const wrong = shapeProblem(answer.status, answer.body);
          if (wrong) problem(answer.status, `${wrong}: ${excerpt(answer.body)}`);
        } else if (answer.status >= 200 && answer.status < 300) succeeded.add(name);
        if (req.kind === 'valid' && answer.status !== 'hang' && (answer.status < 200 || answer.status >= 300))
          lastValid.set(name, `${answer.status} ${excerpt(answer.body)}`);
      }
    }
    const excused = opts.mayNeverSucceed?.[op.key];
    for (const name of mustSucceed(rule, opts.callers)) {
      if (succeeded.has(name)) continue;
      if (excused) report.notes.push(`${op.key}: never succeeded as ${name} (${excused})`);
      else
        report.problems.push({
          operation: op.key,
          caller: name,
          kind: 'valid',
          status: 0,
          request: op.key,
          detail: `never answered 2xx for an allowed caller (statuses ${JSON.stringify(statuses)}; a valid request got ${lastValid.get(name) ?? 'nothing'})`,
        });
    }
  }
  return report;
}
