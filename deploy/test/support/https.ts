// An HTTPS client for the cluster's tests: node:https with the cluster's test CA and a
// keep-alive agent, as a browser talks to nginx. `request` answers status, headers and body;
// `stream` answers a fetch-style Response whose body is read as it arrives (for the live
// event streams, read with the platform's EventStreamClient).
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The answer's `x-instance` header: which API process answered. */
  instance: string | undefined;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
  /** Retry once when a kept-alive connection that was reused fails before any answer (idempotent only). */
  retryReused?: boolean;
}

/** Marked on errors that came from a reused kept-alive connection before any byte of answer. */
export interface ReusedSocketError extends Error {
  reusedSocket?: boolean;
}

export class HttpsClient {
  readonly agent: https.Agent;

  constructor(ca: string | Buffer, opts: { maxSockets?: number; keepAlive?: boolean } = {}) {
    this.agent = new https.Agent({
      ca,
      keepAlive: opts.keepAlive ?? true,
      maxSockets: opts.maxSockets ?? 16,
      // Kept-alive sockets idle less long than nginx's keepalive_timeout (75 s by default).
      timeout: 30_000,
    });
  }

  async request(url: string, opts: RequestOptions = {}): Promise<Answer & { retried: boolean }> {
    try {
      return { ...(await this.#once(url, opts)), retried: false };
    } catch (err) {
      const method = opts.method ?? 'GET';
      if (
        opts.retryReused &&
        (method === 'GET' || method === 'HEAD') &&
        (err as ReusedSocketError).reusedSocket
      ) {
        return { ...(await this.#once(url, opts)), retried: true };
      }
      throw err;
    }
  }

  #once(url: string, opts: RequestOptions): Promise<Answer> {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    return new Promise<Answer>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method: opts.method ?? 'GET',
          agent: this.agent,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...opts.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              instance: headerOf(res.headers, 'x-instance'),
            }),
          );
        },
      );
      req.setTimeout(opts.timeoutMs ?? 10_000, () =>
        req.destroy(new Error(`no answer in ${opts.timeoutMs ?? 10_000} ms`)),
      );
      req.on('error', (err: ReusedSocketError) => {
        if (req.reusedSocket) err.reusedSocket = true;
        reject(err);
      });
      req.end(body);
    });
  }

  /** A request whose answer body streams: status, headers, and a web Response around the body. */
  stream(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<{ response: Response; instance: string | undefined; close(): void }> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        { method: 'GET', agent: false, ca: this.agent.options.ca, headers },
        (res) => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') responseHeaders.set(name, value);
            else if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
          }
          const response = new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, {
            status: res.statusCode ?? 0,
            headers: responseHeaders,
          });
          resolve({ response, instance: headerOf(res.headers, 'x-instance'), close: () => req.destroy() });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function headerOf(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
