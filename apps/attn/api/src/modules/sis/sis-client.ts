// The adapter to the student information system (contract: apps/attn/sis/openapi.yaml). Every
// call has a timeout (AbortSignal), and all go through one circuit breaker: after a run of
// failures the circuit opens and calls fail at once, so a dead SIS costs a login nothing but a
// refusal, never a hanging request; after a pause one trial call decides whether it closes.
// Roster reads are idempotent and retried with exponential back-off; the credential check is
// not retried: a person is waiting, a retry would double the worst case, and an outage is what
// the breaker is for (they can press the button again).
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  type IPolicy,
  retry,
  wrap,
} from 'cockatiel';
import type { Logger } from 'pino';
import {
  isActive,
  ROSTERING_PATH,
  type SisClass,
  type SisEnrollment,
  type SisList,
  type SisPerson,
  type SisTerm,
  toClass,
  toEnrollment,
  toPerson,
  toTerm,
  VERIFY_PATH,
} from './oneroster.ts';

export type { SisClass, SisEnrollment, SisList, SisPerson, SisTerm } from './oneroster.ts';

/** The SIS cannot answer: timeout, 5xx, connection refused, circuit open, or a reply we cannot use. */
export class SisUnavailableError extends Error {
  /** Worth retrying and counted by the breaker (timeouts, 5xx, connection errors). */
  readonly transient: boolean;
  constructor(message: string, options: { transient?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SisUnavailableError';
    this.transient = options.transient ?? false;
  }
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface SisClient {
  /** The person when the password is right, null when wrong; throws SisUnavailableError when the SIS cannot say. */
  checkCredentials(schoolNumber: string, password: string): Promise<SisPerson | null>;
  /** Every active term (OneRoster academic sessions of type term). */
  listTerms(): Promise<SisList<SisTerm>>;
  /** Every active class (a course as ATTN knows it: one group in one term). */
  listClasses(): Promise<SisList<SisClass>>;
  /** Every active person with a role ATTN knows. */
  listUsers(): Promise<SisList<SisPerson>>;
  /** Every active student or teacher enrollment. */
  listEnrollments(): Promise<SisList<SisEnrollment>>;
  readonly breakerState: BreakerState;
}

export interface SisClientOptions {
  url: string;
  token?: string;
  logger: Logger;
  /** One request's limit (default 3000 ms). */
  timeoutMs?: number;
  /** Consecutive failures that open the circuit (default 5). */
  breakerFailures?: number;
  /** How long the circuit stays open before a trial call (default 10 s). */
  halfOpenAfterMs?: number;
  /** Retries of a roster read after its first attempt (default 2). */
  readRetries?: number;
  /** First back-off delay of a read retry, doubled each time (default 200 ms). */
  retryDelayMs?: number;
  /** Records per page of a roster read (default 500). */
  pageSize?: number;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

const isTransient = (err: Error) => err instanceof SisUnavailableError && err.transient;

export function createSisClient(opts: SisClientOptions): SisClient {
  const base = opts.url.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 3000;
  const halfOpenAfter = opts.halfOpenAfterMs ?? 10_000;
  const pageSize = opts.pageSize ?? 500;
  const log = opts.logger.child({ component: 'sis' });

  const breaker = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter,
    breaker: new ConsecutiveBreaker(opts.breakerFailures ?? 5),
  });
  breaker.onBreak((reason) => {
    const cause = 'error' in reason ? reason.error.message : 'isolated';
    log.warn(
      { event: 'sis.circuit_open', cause, retryInMs: halfOpenAfter },
      'SIS circuit open: calls fail at once',
    );
  });
  breaker.onHalfOpen(() =>
    log.info({ event: 'sis.circuit_half_open' }, 'SIS circuit half-open: trying one call'),
  );
  breaker.onReset(() =>
    log.info({ event: 'sis.circuit_closed' }, 'SIS circuit closed: the SIS answers again'),
  );

  const readRetry = retry(handleWhen(isTransient), {
    maxAttempts: opts.readRetries ?? 2,
    backoff: new ExponentialBackoff({ initialDelay: opts.retryDelayMs ?? 200, maxDelay: 5000 }),
  });
  readRetry.onRetry((reason) => {
    const cause = 'error' in reason ? reason.error.message : 'unexpected result';
    log.warn(
      { event: 'sis.retry', attempt: reason.attempt, delayMs: Math.round(reason.delay), cause },
      'SIS read retried',
    );
  });
  // Retry outside, breaker inside: each attempt counts, and an open circuit is not retried.
  const reads = wrap(readRetry, breaker);

  /** One HTTP exchange, bounded by the timeout from the first byte sent to the last read. */
  async function call(method: 'GET' | 'POST', path: string, body?: object): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const what = `${method} ${path.split('?')[0]}`;
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        signal: timeout,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      status = response.status;
      text = await response.text();
    } catch (err) {
      const message = timeout.aborted
        ? `${what}: no answer within ${timeoutMs} ms`
        : `${what}: ${connectionProblem(err)}`;
      throw new SisUnavailableError(message, { transient: true, cause: err });
    }
    if (status >= 500 || status === 429) {
      throw new SisUnavailableError(`${what}: the SIS answered ${status}`, { transient: true });
    }
    // A 4xx is our mistake or the SIS's configuration (a wrong token or path): retrying changes
    // nothing, and it says nothing about the SIS being down, so the breaker does not count it.
    if (status >= 400) throw new SisUnavailableError(`${what}: the SIS refused the request (${status})`);
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new SisUnavailableError(`${what}: the SIS answered something other than JSON`, { cause: err });
    }
  }

  async function guarded<T>(policy: IPolicy, fn: () => Promise<T>): Promise<T> {
    try {
      return await policy.execute(fn);
    } catch (err) {
      if (err instanceof SisUnavailableError) throw err;
      if (err instanceof BrokenCircuitError) {
        throw new SisUnavailableError('the SIS is unavailable (circuit open)', { cause: err });
      }
      throw new SisUnavailableError('the SIS call failed', { cause: err });
    }
  }

  /** Every page of a OneRoster collection, each page its own retried call. */
  async function readAll<T>(collection: string, map: (raw: unknown) => T | null): Promise<SisList<T>> {
    const items: T[] = [];
    let skipped = 0;
    for (let offset = 0; ; offset += pageSize) {
      const path = `${ROSTERING_PATH}/${collection}?limit=${pageSize}&offset=${offset}&sort=sourcedId`;
      const page = await guarded(reads, () => call('GET', path));
      const records = (page as Record<string, unknown> | null)?.[collection];
      if (!Array.isArray(records)) {
        throw new SisUnavailableError(`GET ${collection}: the answer has no "${collection}" list`);
      }
      for (const raw of records) {
        if (!isActive(raw)) continue;
        const item = map(raw);
        if (item) items.push(item);
        else skipped++;
      }
      if (records.length < pageSize) break;
    }
    if (skipped > 0) log.warn({ event: 'sis.records_skipped', collection, skipped }, 'SIS records skipped');
    return { items, skipped };
  }

  return {
    async checkCredentials(schoolNumber, password) {
      const answer = (await guarded(breaker, () =>
        call('POST', VERIFY_PATH, { school_number: schoolNumber, password }),
      )) as { valid?: unknown; user?: unknown } | null;
      if (answer?.valid === false) return null;
      if (answer?.valid !== true) {
        throw new SisUnavailableError('POST credentials/verify: the answer is not a verdict');
      }
      const person = toPerson(answer.user);
      // The password is right but ATTN has no role for this person (a guardian, say): no login.
      if (!person) log.warn({ event: 'sis.person_unusable' }, 'SIS confirmed a person ATTN has no role for');
      return person;
    },
    listTerms: () => readAll('academicSessions', toTerm),
    listClasses: () => readAll('classes', toClass),
    listUsers: () => readAll('users', toPerson),
    listEnrollments: () => readAll('enrollments', toEnrollment),
    get breakerState() {
      return STATES[breaker.state];
    },
  };
}

/** A short reason without the address or anything the caller sent. */
function connectionProblem(err: unknown): string {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code ? `connection failed (${cause.code})` : 'connection failed';
}
