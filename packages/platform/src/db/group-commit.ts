// Group commit: requests that arrive together are written (or read) together. Each caller submits one
// item and gets a promise of its own result; items are collected while a write is in flight
// (or for one turn of the event loop when none is), then written by ONE call of `write` (one
// statement, one commit) and each promise settles only after that write returned, i.e. after
// the commit: nothing is acknowledged before it is durable. Under light load a batch holds one
// item and adds no delay; under heavy load batches grow to `maxBatch` and the commits per
// second, not the requests, become the limit.
export interface GroupCommitOptions<I, O> {
  /** Writes the batch and returns one result per item, in order. */
  write(items: I[]): Promise<O[]>;
  /** Largest batch (default 200). */
  maxBatch?: number;
  /** Batches written at once (default 1; PGlite has one connection, so 1 there). */
  maxInFlight?: number;
}

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export class GroupCommit<I, O> {
  readonly #write: (items: I[]) => Promise<O[]>;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  #queue: Pending<I, O>[] = [];
  #inFlight = 0;
  #scheduled = false;
  /** Sizes of the batches written so far (for tests and the benchmark). */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  constructor(opts: GroupCommitOptions<I, O>) {
    this.#write = opts.write;
    this.#maxBatch = opts.maxBatch ?? 200;
    this.#maxInFlight = opts.maxInFlight ?? 1;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#maxInFlight || this.#queue.length === 0) return;
    this.#scheduled = true;
    // One event-loop turn lets the requests parsed in the same turn join this batch.
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inFlight++;
      this.stats.batches++;
      this.stats.items += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
      this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#schedule();
      });
    }
  }

  async #run(batch: Pending<I, O>[]): Promise<void> {
    try {
      const results = await this.#write(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error('group commit: one result per item expected');
      batch.forEach((p, i) => {
        p.resolve(results[i] as O);
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
