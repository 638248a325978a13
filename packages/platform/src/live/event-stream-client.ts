// Reads a server-sent event stream from a fetch Response: for tests and tools that watch a live
// stream without a browser (inject() buffers a whole response, so streams are read over HTTP).

export type StreamItem =
  | { kind: 'event'; id: string | undefined; event: string; data: string }
  | { kind: 'comment'; text: string };

export class EventStreamClient {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  readonly #items: StreamItem[] = [];
  #buffer = '';
  #ended = false;
  #reading: Promise<void> | undefined;

  constructor(response: Response) {
    if (!response.body) throw new Error('the response has no body');
    this.#reader = response.body.getReader();
  }

  /** The next item (event or comment), or null once the server has ended the stream. */
  async next(timeoutMs = 5000): Promise<StreamItem | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.#items.length === 0) {
      if (this.#ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no stream item within ${timeoutMs} ms`);
      this.#reading ??= this.#read();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), left);
      });
      await Promise.race([this.#reading, timeout]);
      clearTimeout(timer);
    }
    return this.#items.shift() ?? null;
  }

  /** The next event, skipping comments (heartbeats); null at the end of the stream. */
  async nextEvent(timeoutMs = 5000): Promise<Extract<StreamItem, { kind: 'event' }> | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const item = await this.next(Math.max(1, deadline - Date.now()));
      if (!item || item.kind === 'event') return item;
    }
  }

  /** True when the server ends the stream within the time (events before the end are skipped). */
  async ended(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    try {
      while ((await this.next(Math.max(1, deadline - Date.now()))) !== null);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel().catch(() => {});
  }

  async #read(): Promise<void> {
    try {
      const { done, value } = await this.#reader.read();
      if (done) this.#ended = true;
      else this.#parse(this.#decoder.decode(value, { stream: true }));
    } catch {
      this.#ended = true;
    } finally {
      this.#reading = undefined;
    }
  }

  #parse(text: string): void {
    this.#buffer += text.replace(/\r\n?/g, '\n');
    for (let cut = this.#buffer.indexOf('\n\n'); cut >= 0; cut = this.#buffer.indexOf('\n\n')) {
      const block = this.#buffer.slice(0, cut);
      this.#buffer = this.#buffer.slice(cut + 2);
      let id: string | undefined;
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.#items.push({ kind: 'comment', text: line.slice(1).trim() });
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) this.#items.push({ kind: 'event', id, event, data: data.join('\n') });
    }
  }
}
