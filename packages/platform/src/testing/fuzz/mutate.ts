// Mutations of a valid request: each takes one valid request and breaks it in one way, the way
// an attacker or a broken client would. A mutation that does not apply (no body, no path
// parameter) answers undefined and another is drawn.
import type { Operation } from './operations.ts';
import type { Random } from './prng.ts';
import { leaves, type Path, REMOVE, setAt } from './sample.ts';

export interface FuzzRequest {
  method: string;
  /** Path parameter values, URL-encoded when the URL is built unless `rawPath` says they are. */
  params: Record<string, string>;
  rawPath?: boolean;
  query: Record<string, string>;
  /** Appended as is after `?` (already encoded), instead of `query`. */
  rawQuery?: string;
  headers: Record<string, string>;
  /** A JSON value, sent as application/json. */
  json?: unknown;
  /** A body sent as is, with its own content type in `headers`. */
  raw?: string | Buffer;
  /** What was done to it: `valid` or the mutation's name. */
  kind: string;
}

/** Text that has broken programs before: Turkish casing, emoji, right-to-left, combining marks. */
export const UNICODE_SAMPLES = [
  'İıŞşĞğÇçÖöÜü',
  'I\u0307stanbul ıİ',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'مرحبا بالعالم',
  '\u202Eevil\u202C',
  'שלום',
  'e\u0301\u0301\u0301 Z\u0351\u0352\u0353',
  '\u200B\uFEFF',
  '𝕳𝖊𝖑𝖑𝖔',
  '東京都',
];

/** Path and query values that break naive code: traversal, encoded NUL, SQL, huge numbers. */
export const HOSTILE_VALUES = [
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%00',
  'a%00b',
  '%C0%AE%C0%AE',
  '%ED%A0%80',
  "1'%20OR%20'1'%3D'1",
  '1%3BDROP%20TABLE%20users',
  '-1',
  '0',
  '99999999999999999999999',
  '-9223372036854775809',
  '1e308',
  'NaN',
  'null',
  'undefined',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(300),
  '%25',
  '%',
  '%E2%80%AE',
  '%F0%9F%98%80',
];

const NUMBERS = [-1, 0, -2147483649, 2147483648, 9007199254740992, 1e308, -1e308, 0.5, -0.0];

type Mutation = (req: FuzzRequest, op: Operation, random: Random) => FuzzRequest | undefined;

const copy = (req: FuzzRequest, kind: string): FuzzRequest => ({
  ...req,
  params: { ...req.params },
  query: { ...req.query },
  headers: { ...req.headers },
  ...(req.json !== undefined ? { json: structuredClone(req.json) } : {}),
  kind,
});

const hasObjectBody = (req: FuzzRequest) => req.json !== null && typeof req.json === 'object';

function leafWhere(req: FuzzRequest, random: Random, test: (v: unknown) => boolean): Path | undefined {
  const found = leaves(req.json).filter((l) => test(l.value));
  return found.length > 0 ? random.pick(found).path : undefined;
}

function atStringLeaf(kind: string, value: (random: Random) => string): Mutation {
  return (req, _op, random) => {
    if (typeof req.raw === 'string') return { ...copy(req, kind), raw: `${req.raw}${value(random)}` };
    const path = leafWhere(req, random, (v) => typeof v === 'string');
    if (!path) return undefined;
    return { ...copy(req, kind), json: setAt(req.json, path, value(random)) };
  };
}

function otherType(value: unknown, random: Random): unknown {
  if (typeof value === 'string') return random.pick([123, true, null, ['a'], { a: 1 }]);
  if (typeof value === 'number') return random.pick(['12abc', true, null, [1], {}]);
  if (typeof value === 'boolean') return random.pick(['yes', 2, null, []]);
  return random.pick(['x', 1, false, {}]);
}

const withRaw = (req: FuzzRequest, kind: string, raw: string | Buffer, contentType: string): FuzzRequest => {
  const out = copy(req, kind);
  delete out.json;
  out.raw = raw;
  out.headers['content-type'] = contentType;
  return out;
};

export const MUTATIONS: Record<string, Mutation> = {
  'wrong-type': (req, _op, random) => {
    if (!hasObjectBody(req)) return undefined;
    const all = leaves(req.json);
    if (all.length === 0) return { ...copy(req, 'wrong-type'), json: random.pick([[], 'x', 1]) };
    const leaf = random.pick(all);
    return { ...copy(req, 'wrong-type'), json: setAt(req.json, leaf.path, otherType(leaf.value, random)) };
  },
  'missing-field': (req, _op, random) => {
    if (!hasObjectBody(req)) return undefined;
    const keys = Object.keys(req.json as object);
    if (keys.length === 0) return undefined;
    return { ...copy(req, 'missing-field'), json: setAt(req.json, [random.pick(keys)], REMOVE) };
  },
  'extra-field': (req, _op, random) => {
    if (!hasObjectBody(req)) return undefined;
    const body = JSON.stringify(req.json);
    const extra = random.pick([
      '"fuzz_extra":"x"',
      '"__proto__":{"admin":true}',
      '"constructor":{"prototype":{"admin":true}}',
      '"role":"superadmin"',
      '"id":"00000000-0000-4000-8000-000000000000"',
    ]);
    const raw = body === '{}' ? `{${extra}}` : `${body.slice(0, -1)},${extra}}`;
    return withRaw(req, 'extra-field', raw, 'application/json');
  },
  'huge-string': atStringLeaf('huge-string', (random) =>
    random.pick(['x', 'İ', '😀']).repeat(random.int(20_000, 100_000)),
  ),
  nul: atStringLeaf('nul', (random) => random.pick(['a\u0000b', '\u0000', 'x%00\u0000'])),
  'lone-surrogate': atStringLeaf('lone-surrogate', (random) =>
    random.pick(['a\uD800b', '\uDC00', 'x\uD83D']),
  ),
  unicode: atStringLeaf('unicode', (random) => random.pick(UNICODE_SAMPLES)),
  numbers: (req, _op, random) => {
    const path = leafWhere(req, random, (v) => typeof v === 'number');
    if (!path) return undefined;
    return { ...copy(req, 'numbers'), json: setAt(req.json, path, random.pick(NUMBERS)) };
  },
  'broken-json': (req, _op, random) => {
    const body = JSON.stringify(req.json ?? { a: 1 });
    const raw = random.pick([
      body.slice(0, Math.max(1, body.length - random.int(1, 5))),
      `${body}}`,
      body.replace(/"/, "'"),
      '{"a":1,}',
      '\uFEFF{',
      'nul',
    ]);
    return withRaw(req, 'broken-json', raw, 'application/json');
  },
  'wrong-content-type': (req, _op, random) => {
    const body = req.json !== undefined ? JSON.stringify(req.json) : 'a=1';
    const type = random.pick([
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=xyz',
      'application/json; charset=utf-16',
      'image/png',
      '',
    ]);
    return withRaw(req, 'wrong-content-type', body, type);
  },
  'body-shape': (req, _op, random) => {
    const raw = random.pick(['null', '[]', '"text"', '42', '', 'true', '[{}]']);
    return withRaw(req, 'body-shape', raw, 'application/json');
  },
  'too-large-body': (req) =>
    withRaw(req, 'too-large-body', `{"a":"${'x'.repeat(1024 * 1024 + 10)}"}`, 'application/json'),
  'hostile-path': (req, _op, random) => {
    const names = Object.keys(req.params);
    if (names.length === 0) return undefined;
    const out = copy(req, 'hostile-path');
    for (const name of names) out.params[name] = encodeURIComponent(out.params[name] ?? '');
    out.params[random.pick(names)] = random.pick(HOSTILE_VALUES);
    out.rawPath = true;
    return out;
  },
  'hostile-query': (req, op, random) => {
    const declared = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const name = declared.length > 0 && random.chance(0.8) ? random.pick(declared) : 'fuzz';
    const out = copy(req, 'hostile-query');
    const rest = Object.entries(req.query)
      .filter(([k]) => k !== name)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    const value = random.pick(HOSTILE_VALUES);
    const twice = random.chance(0.2) ? `&${name}=${value}` : '';
    out.rawQuery = [...rest, `${name}=${value}${twice}`].join('&');
    return out;
  },
  'hostile-header': (req, _op, random) => {
    const out = copy(req, 'hostile-header');
    const [name, value] = random.pick([
      ['x-request-id', '../../etc/passwd'],
      ['x-forwarded-for', "1.1.1.1, ' OR 1=1"],
      ['accept', 'application/xml'],
      ['accept-language', 'tr-TR;q=99999'],
      ['cookie', 'session=%00; session=x'],
      ['authorization', 'Bearer not.a.token'],
      ['authorization', `Basic ${'A'.repeat(4000)}`],
      ['origin', 'https://evil.example'],
    ] as const);
    out.headers[name] = value;
    return out;
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One mutation of `req`, drawn with `random` among those that apply. */
export function mutate(req: FuzzRequest, op: Operation, random: Random): FuzzRequest {
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = MUTATIONS[random.pick(MUTATION_NAMES)]?.(req, op, random);
    if (result) return result;
  }
  return MUTATIONS['hostile-header']?.(req, op, random) as FuzzRequest;
}
