// The NUL walk: every write operation with a NUL put in each of its text fields in turn, so a
// test can check that each answers 400 before any database sees the byte.
import type { Server } from '../../http/create-server.ts';
import type { FuzzRequest } from './mutate.ts';
import { type Operation, operationsOf, resolverFor } from './operations.ts';
import { createRandom } from './prng.ts';
import { ANONYMOUS, type FuzzCaller, type FuzzOptions, generateRequest, loadDoc, send } from './runner.ts';
import { leaves, setAt } from './sample.ts';

export interface NulWalkOptions {
  app: Server;
  doc?: Record<string, unknown>;
  /** One caller allowed to use each operation, by operation (anonymous when none is given). */
  callerFor(op: Operation): FuzzCaller | null;
  now: Date;
  prepare?: FuzzOptions['prepare'];
  include?: (op: Operation) => boolean;
}

export interface NulResult {
  operation: string;
  field: string;
  status: number | 'hang';
  code: string | undefined;
}

/**
 * Every write operation, with a NUL put in each text field of a valid body in turn (or, when it
 * takes no JSON body, in its text body, a path parameter or the query): the answers, one a field.
 */
export async function nulWalk(opts: NulWalkOptions): Promise<NulResult[]> {
  const doc = opts.doc ?? (await loadDoc(opts.app));
  const resolve = resolverFor(doc as never);
  const include = opts.include ?? ((op: Operation) => op.path.startsWith('/api/'));
  const random = createRandom(1);
  const results: NulResult[] = [];
  for (const op of operationsOf(doc as never).filter(include)) {
    if (op.method === 'GET') continue;
    const caller = opts.callerFor(op);
    const name = caller ? 'caller' : ANONYMOUS;
    const generated = generateRequest(op, random, { now: opts.now, resolve, allProperties: true });
    const base = opts.prepare ? await opts.prepare(op, generated, name, 'valid') : generated;
    const variants: { field: string; req: FuzzRequest }[] = [];
    for (const leaf of leaves(base.json).filter((l) => typeof l.value === 'string')) {
      variants.push({
        field: `body.${leaf.path.join('.')}`,
        req: { ...base, json: setAt(base.json, leaf.path, `${leaf.value as string}\u0000x`), kind: 'nul' },
      });
    }
    if (typeof base.raw === 'string')
      variants.push({ field: 'body', req: { ...base, raw: `${base.raw}\u0000`, kind: 'nul' } });
    if (variants.length === 0) {
      const param = Object.keys(base.params)[0];
      if (param)
        variants.push({
          field: `params.${param}`,
          req: { ...base, params: { ...base.params, [param]: 'a\u0000b' }, kind: 'nul' },
        });
      else
        variants.push({
          field: 'query.q',
          req: { ...base, query: { ...base.query, q: 'a\u0000b' }, kind: 'nul' },
        });
    }
    for (const { field, req } of variants) {
      if (caller) req.headers = { ...(await caller.headers()), ...req.headers };
      const answer = await send(opts.app, op, req, 15_000);
      let code: string | undefined;
      try {
        code = JSON.parse(answer.body).error?.code;
      } catch {
        code = undefined;
      }
      results.push({ operation: op.key, field, status: answer.status, code });
    }
  }
  return results;
}
