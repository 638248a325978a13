// Steady load for the fault tests: a few concurrent loops, each sending the next GET of a
// round-robin list of targets through nginx, pausing between requests. Every answer is kept
// (time, target, status or error, latency, which instance answered), so a test can count
// successes and failures by status, print p50/p99, and ask what happened after a moment.
import type { HttpsClient } from './https.ts';

export interface Target {
  /** A short label for the figures, e.g. `attn courses`. */
  name: string;
  url: string;
  headers?: Record<string, string>;
  /**
   * `app`: a route people use (nginx retries an idempotent one on another instance);
   * `health`: an instance's own /health/* (nginx never retries it elsewhere: it reports the one
   * instance that answered, so a dead or draining instance shows there as 502/503 by design).
   */
  kind: 'app' | 'health';
}

export interface Sample {
  /** When the request was sent (ms since the epoch). */
  at: number;
  target: string;
  kind: Target['kind'];
  /** The HTTP status, or 0 when no answer came (see `error`). */
  status: number;
  error?: string;
  ms: number;
  instance: string | undefined;
  /** The request was sent again once, because a reused kept-alive connection failed before any answer. */
  retried: boolean;
}

export interface LoadOptions {
  targets: Target[];
  /** Concurrent request loops (default 4). */
  concurrency?: number;
  /** Pause of each loop between two requests (default 20 ms). */
  pauseMs?: number;
  /** Retry once a GET whose reused kept-alive connection failed before any answer, as browsers do (default true). */
  retryReused?: boolean;
}

export interface LoadRun {
  /** Answers so far (the array grows while the load runs). */
  readonly samples: readonly Sample[];
  /** Stops sending, waits for the requests in flight, and answers every sample. */
  stop(): Promise<Summary>;
}

export const isSuccess = (s: Pick<Sample, 'status'>) => s.status >= 200 && s.status < 300;
export const is5xx = (s: Pick<Sample, 'status'>) => s.status >= 500;

export function startLoad(client: HttpsClient, opts: LoadOptions): LoadRun {
  const samples: Sample[] = [];
  const concurrency = opts.concurrency ?? 4;
  const pauseMs = opts.pauseMs ?? 20;
  let running = true;
  let next = 0;
  const loop = async () => {
    while (running) {
      const target = opts.targets[next++ % opts.targets.length] as Target;
      const at = Date.now();
      const started = performance.now();
      try {
        const answer = await client.request(target.url, {
          headers: target.headers ?? {},
          retryReused: opts.retryReused ?? true,
          timeoutMs: 10_000,
        });
        samples.push({
          at,
          target: target.name,
          kind: target.kind,
          status: answer.status,
          ms: performance.now() - started,
          instance: answer.instance,
          retried: answer.retried,
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        samples.push({
          at,
          target: target.name,
          kind: target.kind,
          status: 0,
          error: code,
          ms: performance.now() - started,
          instance: undefined,
          retried: false,
        });
      }
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
      return summarize(samples);
    },
  };
}

export interface Summary {
  samples: Sample[];
  total: number;
  ok: number;
  /** Share of 2xx answers, 0..1. */
  okRatio: number;
  /** Answers that are not 2xx, by status (`ECONNRESET` and the like when no answer came). */
  failures: Record<string, number>;
  fivexx: number;
  retried: number;
  p50: number;
  p99: number;
  durationS: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarize(samples: readonly Sample[]): Summary {
  const failures: Record<string, number> = {};
  for (const s of samples) {
    if (isSuccess(s)) continue;
    const key = s.status === 0 ? (s.error ?? 'error') : String(s.status);
    failures[key] = (failures[key] ?? 0) + 1;
  }
  const ok = samples.filter(isSuccess).length;
  const times = samples.map((s) => s.at);
  return {
    samples: [...samples],
    total: samples.length,
    ok,
    okRatio: samples.length === 0 ? 0 : ok / samples.length,
    failures,
    fivexx: samples.filter(is5xx).length,
    retried: samples.filter((s) => s.retried).length,
    p50: percentile(
      samples.map((s) => s.ms),
      50,
    ),
    p99: percentile(
      samples.map((s) => s.ms),
      99,
    ),
    durationS: times.length === 0 ? 0 : (Math.max(...times) - Math.min(...times)) / 1000,
  };
}

/** The summary of the samples of one kind (app routes or health routes). */
export const summaryOf = (summary: Summary, kind: Target['kind']) =>
  summarize(summary.samples.filter((s) => s.kind === kind));

/** One line of figures, and one per target, for the test's output. */
export function formatSummary(label: string, summary: Summary): string {
  const line = (name: string, s: Summary) =>
    `${name}: ${s.total} requests in ${s.durationS.toFixed(1)} s, ${s.ok} ok (${(s.okRatio * 100).toFixed(2)}%), ` +
    `failures ${JSON.stringify(s.failures)}, retried on a reused connection ${s.retried}, ` +
    `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;
  const byTarget = new Map<string, Sample[]>();
  for (const s of summary.samples) {
    const list = byTarget.get(s.target) ?? [];
    list.push(s);
    byTarget.set(s.target, list);
  }
  return [
    `[faults] ${line(label, summary)}`,
    ...[...byTarget].map(([name, samples]) => `[faults]   ${line(name, summarize(samples))}`),
  ].join('\n');
}
