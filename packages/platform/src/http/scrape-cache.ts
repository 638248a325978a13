// A value read for /metrics at scrape time, shared and kept for a few seconds: scrapes that
// come together (several Prometheus servers, several collectors of one read) cost one read,
// and a read that hangs is given up after `timeoutMs` so it never holds up the scrape.
export interface ScrapeCacheOptions<T> {
  read: () => Promise<T>;
  /** How long a read (or its failure) is reused. */
  ttlMs: number;
  timeoutMs: number;
  nowMs?: () => number;
}

export type ScrapeResult<T> = { ok: true; value: T } | { ok: false; error: Error };

export class ScrapeCache<T> {
  readonly #opts: ScrapeCacheOptions<T>;
  #pending: Promise<ScrapeResult<T>> | undefined;
  #readAt = Number.NEGATIVE_INFINITY;

  constructor(opts: ScrapeCacheOptions<T>) {
    this.#opts = opts;
  }

  /** The cached result while fresh, else a new read; never rejects. */
  get(): Promise<ScrapeResult<T>> {
    const now = this.#opts.nowMs?.() ?? Date.now();
    if (this.#pending && now - this.#readAt < this.#opts.ttlMs) return this.#pending;
    this.#readAt = now;
    this.#pending = this.#read();
    return this.#pending;
  }

  async #read(): Promise<ScrapeResult<T>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.#opts.timeoutMs} ms`)),
        this.#opts.timeoutMs,
      );
    });
    try {
      return { ok: true, value: await Promise.race([this.#opts.read(), timeout]) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err : new Error(String(err)) };
    } finally {
      clearTimeout(timer);
    }
  }
}
