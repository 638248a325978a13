// Server-sent events on a Fastify reply: `text/event-stream`, an id on every event, a comment
// line as heartbeat (so proxies and browsers keep an idle stream open), and a clean end when the
// client goes away or the server shuts down. Streams are tracked so that shutdown can end them:
// an open stream would otherwise hold app.close() until the client hangs up.
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EventStreamOptions {
  /** A comment line this often, in ms (default 15 s: under nginx's 60 s read timeout). */
  heartbeatMs?: number;
  /** How long a browser's EventSource waits before reconnecting, in ms (default 2 s). */
  retryMs?: number;
  /** A client this far behind (unsent bytes) is cut off; it reconnects and reloads (default 1 MiB). */
  maxBufferedBytes?: number;
  /**
   * Ends the stream after this long, in ms (default: never). The browser reconnects at once,
   * so access is checked again: a revoked login or role does not keep a stream for hours.
   */
  maxDurationMs?: number;
}

/** Event names go into the stream's framing: one line, no field separators. */
const EVENT_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export interface EventStream {
  /** Sends one event (data as JSON); false once the stream has ended. */
  send(event: string, data: unknown): boolean;
  /** Ends the stream (idempotent). */
  close(): void;
  readonly closed: boolean;
  /** Runs once when the stream ends, whoever ended it (e.g. to unsubscribe). */
  onClose(fn: () => void): void;
}

export class EventStreams {
  readonly #open = new Set<() => void>();
  #shuttingDown = false;

  get size(): number {
    return this.#open.size;
  }

  /**
   * Answers the request with an event stream. Call it after every check that can refuse: from
   * here on the reply is the stream's and nothing else may send on it.
   */
  open(request: FastifyRequest, reply: FastifyReply, opts: EventStreamOptions = {}): EventStream {
    const res = reply.raw;
    const closers: (() => void)[] = [];
    let closed = false;
    let nextId = 0;
    let heartbeat: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;

    const finish = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(deadline);
      this.#open.delete(endForShutdown);
      request.log.info({ events: nextId }, 'live stream ended');
      for (const fn of closers.splice(0)) {
        try {
          fn();
        } catch (err) {
          request.log.error({ err }, 'live stream close handler failed');
        }
      }
    };
    const write = (chunk: string) => {
      if (closed || res.destroyed || res.writableEnded) return false;
      res.write(chunk);
      if (res.writableLength > (opts.maxBufferedBytes ?? 1024 * 1024)) {
        request.log.warn('live stream client too slow: ended');
        end();
        return false;
      }
      return true;
    };
    const end = () => {
      if (!res.writableEnded && !res.destroyed) res.end();
      finish();
    };
    // Shutdown ends the response and then the connection, so the server can finish closing.
    const endForShutdown = () => {
      const socket = res.socket;
      end();
      socket?.end();
    };

    reply.hijack();
    // The hooks' headers (request id, security headers, CORS, rate-limit) go out with the stream.
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined) headers[name] = value;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    res.on('close', finish);
    // The client may have left while the handler was still checking access: no 'close' will come.
    const gone = res.destroyed || !res.socket || res.socket.destroyed;
    if (gone) {
      finish();
    } else if (this.#shuttingDown) {
      endForShutdown();
    } else {
      this.#open.add(endForShutdown);
      write(`retry: ${opts.retryMs ?? 2000}\n: connected\n\n`);
      heartbeat = setInterval(() => write(': heartbeat\n\n'), opts.heartbeatMs ?? 15_000);
      heartbeat.unref();
      if (opts.maxDurationMs) {
        deadline = setTimeout(end, opts.maxDurationMs);
        deadline.unref();
      }
      request.log.info('live stream opened');
    }

    return {
      send: (event, data) => {
        if (!EVENT_NAME.test(event)) throw new Error(`not an event name: ${JSON.stringify(event)}`);
        // JSON escapes line breaks, so the data is always one line.
        return write(`id: ${++nextId}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      close: end,
      get closed() {
        return closed;
      },
      onClose(fn) {
        if (closed) fn();
        else closers.push(fn);
      },
    };
  }

  /** Ends every open stream; streams opened afterwards end at once. */
  closeAll(): void {
    this.#shuttingDown = true;
    for (const end of [...this.#open]) end();
  }
}
