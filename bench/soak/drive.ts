// bench:soak's traffic: weighted operations fired at SOAK_RPS, counted per operation.
import { MAX_IN_FLIGHT, RPS } from './settings.ts';

export type Op = {
  name: string;
  weight: number;
  run: () => Promise<number>;
  ok: (status: number) => boolean;
};

export interface Tally {
  requests: Map<string, number>;
  errors: Map<string, number>;
  /** Requests not sent because MAX_IN_FLIGHT were still waiting: the server fell behind. */
  skipped: number;
  latencies: number[];
  byOp: Map<string, number[]>;
}
export const newTally = (): Tally => ({
  requests: new Map(),
  errors: new Map(),
  skipped: 0,
  latencies: [],
  byOp: new Map(),
});
export const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
export const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Fires weighted operations at RPS (at most MAX_IN_FLIGHT at once) until `until`. */
export async function drive(ops: Op[], until: number, tally: Tally) {
  const total = ops.reduce((a, o) => a + o.weight, 0);
  const pick = () => {
    let r = Math.random() * total;
    for (const o of ops) {
      r -= o.weight;
      if (r < 0) return o;
    }
    return ops[ops.length - 1] as Op;
  };
  const inFlight = new Set<Promise<void>>();
  const gap = 1000 / RPS;
  let next = performance.now();
  while (Date.now() < until) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    next += gap;
    if (inFlight.size >= MAX_IN_FLIGHT) {
      tally.skipped++;
      continue;
    }
    const op = pick();
    const t0 = performance.now();
    const p = op
      .run()
      .then((status) => {
        const ms = performance.now() - t0;
        tally.latencies.push(ms);
        const list = tally.byOp.get(op.name) ?? [];
        list.push(ms);
        tally.byOp.set(op.name, list);
        bump(tally.requests, op.name);
        if (!op.ok(status)) {
          const key = `${op.name} ${status}`;
          bump(tally.errors, key);
        }
      })
      .catch((e: Error) => {
        bump(tally.requests, op.name);
        bump(tally.errors, `${op.name} ${e.name}: ${e.message}`);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
}

export const call = async (url: string, init: RequestInit = {}) => {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  await res.arrayBuffer();
  return res.status;
};
export const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

export const ok2 = (status: number) => status >= 200 && status < 300;
