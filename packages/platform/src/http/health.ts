// Liveness and readiness. Other plugins register a named check (database, Redis, jobs); ready
// reports each one and answers 503 when any is down, 200 with `degraded` when one is covered
// by a fallback (e.g. Redis down, in-memory rate limits in use).
import fp from 'fastify-plugin';
import { Type } from 'typebox';

export type CheckStatus = 'up' | 'degraded';
/** A check resolves to 'up' or 'degraded' (with an optional note) and throws when down. */
export type HealthCheck = () => Promise<CheckStatus | { status: CheckStatus; note?: string }>;

export interface CheckReport {
  status: 'up' | 'degraded' | 'down';
  latency_ms: number;
  note?: string;
}

export interface ReadinessReport {
  /** 'fail' when a check is down or the process is shutting down (then /health/ready is 503). */
  status: 'ok' | 'degraded' | 'fail';
  checks: Record<string, CheckReport>;
}

export interface HealthRegistry {
  register(name: string, check: HealthCheck): void;
  /** Runs every check now, as /health/ready does (also read by /metrics: health-metrics.ts). */
  report(): Promise<ReadinessReport>;
}

declare module 'fastify' {
  interface FastifyInstance {
    health: HealthRegistry;
  }
}

const CheckResult = Type.Object({
  status: Type.Union([Type.Literal('up'), Type.Literal('degraded'), Type.Literal('down')]),
  latency_ms: Type.Number(),
  note: Type.Optional(Type.String()),
});

const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('fail')]),
  checks: Type.Record(Type.String(), CheckResult),
});

const CHECK_TIMEOUT_MS = 2000;

async function runCheck(check: HealthCheck) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    const result = await Promise.race([check(), timeout]);
    const { status, note } = typeof result === 'string' ? { status: result, note: undefined } : result;
    return { status, latency_ms: Math.round(performance.now() - started), ...(note ? { note } : {}) };
  } catch (err) {
    const note = err instanceof Error ? err.message : 'failed';
    return { status: 'down' as const, latency_ms: Math.round(performance.now() - started), note };
  } finally {
    clearTimeout(timer);
  }
}

export const healthPlugin = fp(
  async (app) => {
    const checks = new Map<string, HealthCheck>();
    let closing = false;
    const report = async (): Promise<ReadinessReport> => {
      const names = [...checks.keys()];
      const results: CheckReport[] = await Promise.all(
        names.map((name) => runCheck(checks.get(name) as HealthCheck)),
      );
      const byName: Record<string, CheckReport> = {};
      names.forEach((name, i) => {
        byName[name] = results[i] as CheckReport;
      });
      const down = closing || results.some((r) => r.status === 'down');
      if (closing) byName.shutdown = { status: 'down', latency_ms: 0, note: 'shutting down' };
      const degraded = results.some((r) => r.status === 'degraded');
      return { status: down ? 'fail' : degraded ? 'degraded' : 'ok', checks: byName };
    };
    app.decorate('health', {
      register: (name, check) => void checks.set(name, check),
      report,
    } satisfies HealthRegistry);
    app.addHook('preClose', async () => {
      closing = true;
    });

    app.get(
      '/health/live',
      {
        config: { rateLimit: 'unlimited', access: 'public' },
        schema: {
          tags: ['health'],
          summary: 'The process is alive',
          response: { 200: Type.Object({ status: Type.Literal('ok') }) },
        },
        logLevel: 'warn',
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/health/ready',
      {
        config: { rateLimit: 'unlimited', access: 'public' },
        schema: {
          tags: ['health'],
          summary: 'The process can serve: each dependency reported',
          response: { 200: ReadyResponse, 503: ReadyResponse },
        },
        logLevel: 'warn',
      },
      async (request, reply) => {
        const result = await report();
        const down = result.status === 'fail';
        if (down) request.log.warn({ checks: result.checks }, 'not ready');
        return reply.code(down ? 503 : 200).send(result);
      },
    );
  },
  { name: 'platform-health' },
);
